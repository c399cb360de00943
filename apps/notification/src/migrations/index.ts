import { OutboxInbox1732600000000 } from '@dvc/messaging';
import { EmailDeliveries1732700000000 } from './1732700000000-email-deliveries';
import { Notifications1733100000000 } from './1733100000000-notifications';

/** This service's schema, in order. */
export const migrations = [
  OutboxInbox1732600000000,
  EmailDeliveries1732700000000,
  Notifications1733100000000,
];
