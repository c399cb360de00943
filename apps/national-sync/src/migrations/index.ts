import { OutboxInbox1732600000000 } from '@dvc/messaging';
import { HubCalls1765300000000 } from './1765300000000-hub-calls';

/** This service's schema, in order. */
export const migrations = [OutboxInbox1732600000000, HubCalls1765300000000];
