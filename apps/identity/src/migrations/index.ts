import type { MigrationInterface } from 'typeorm';
import { OutboxInbox1732600000000 } from '@dvc/messaging';
import { IdentitySchema1732700000000 } from './1732700000000-identity-schema';
import { SessionMaxAge1765100000000 } from './1765100000000-session-max-age';
import { VneidLinks1765200000000 } from './1765200000000-vneid-links';
import { AccountAddress1765300000000 } from './1765300000000-account-address';

/** The identity schema's migrations, in order. */
export const migrations: (new () => MigrationInterface)[] = [
  OutboxInbox1732600000000,
  IdentitySchema1732700000000,
  SessionMaxAge1765100000000,
  VneidLinks1765200000000,
  AccountAddress1765300000000,
];
