import { OutboxInbox1732600000000 } from '@dvc/messaging';
import { EmailDeliveries1732700000000 } from './1732700000000-email-deliveries';

/** This service's schema, in order. */
export const migrations = [OutboxInbox1732600000000, EmailDeliveries1732700000000];
