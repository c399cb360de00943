import { RpcQueues } from '@dvc/contracts';

/**
 * Deployed, every app has its own Postgres role and its own RabbitMQ user (development keeps
 * one of each). The role owns the app's schema and nothing else; the RabbitMQ user may declare,
 * bind and read only its own queues (`<prefix>.*`), the shared exchanges and the RPC queues it
 * calls. docker-compose.yml (db-init, broker-init) and k8s/ are checked against this table by
 * test/ops; libs/messaging/src/service-permissions.int-spec.ts holds a real broker to the
 * permissions.
 */
export interface ServiceAccount {
  app: string;
  /** Postgres role and the schema it owns; null for the gateway, which has no tables. */
  db: { role: string; schema: string } | null;
  /** RabbitMQ user and its permissions on the vhost (regular expressions). */
  mq: { user: string; configure: string; write: string; read: string };
  /** Prefix of the variables of its passwords in docker-compose (`IDENTITY_DB_PASSWORD`). */
  env: string;
}

const RPC_QUEUES = `(${Object.values(RpcQueues)
  .map((q) => q.replace(/\.rpc$/, ''))
  .join('|')})\\.rpc`;

/** A service's broker rights: its own queues, the shared exchanges, the RPC queues. */
function serviceRights(prefix: string): Omit<ServiceAccount['mq'], 'user'> {
  return {
    // declare its queues (and their DLQs), the exchanges, the RPC queues it calls or serves
    configure: `^(${prefix}\\..*|dvc\\.(events|dlx|commands)|${RPC_QUEUES})$`,
    // publish events and RPC messages/replies; bind its own queues
    write: `^(amq\\.default|dvc\\.events|${prefix}\\..*)$`,
    // consume its own queues and RPC replies; bind from the exchanges
    read: `^(${prefix}\\..*|dvc\\.(events|dlx|commands)|amq\\.rabbitmq\\.reply-to)$`,
  };
}

function account(app: string, prefix: string, schema: string | null): ServiceAccount {
  return {
    app,
    db: schema ? { role: `dvc_${schema}`, schema } : null,
    mq: { user: `dvc-${app}`, ...serviceRights(prefix) },
    env: app.toUpperCase().replace(/-/g, '_'),
  };
}

export const SERVICE_ACCOUNTS: readonly ServiceAccount[] = [
  {
    app: 'gateway',
    db: null,
    // RPC client only: the RPC queues it calls, replies on direct reply-to.
    mq: {
      user: 'dvc-gateway',
      configure: `^(${RPC_QUEUES}|dvc\\.events)$`,
      write: '^amq\\.default$',
      read: '^amq\\.rabbitmq\\.reply-to$',
    },
    env: 'GATEWAY',
  },
  account('identity', 'identity', 'identity'),
  account('catalogue', 'catalogue', 'catalogue'),
  account('notification', 'notification', 'notification'),
  account('dossier', 'dossier', 'dossier'),
  account('document-storage', 'storage', 'storage'),
  account('payment', 'payment', 'payment'),
  account('national-sync', 'national-sync', 'national_sync'),
];

/** Extensions the catalogue's search needs; created by the database owner (db-init). */
export const DB_EXTENSIONS = ['unaccent', 'pg_trgm'] as const;
