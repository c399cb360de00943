import amqplib from 'amqplib';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { BaseConfig } from '@dvc/config';

interface Dependency {
  name: string;
  check: () => Promise<unknown>;
  howToStart: string;
}

/** Checks that Postgres, RabbitMQ and Redis answer; names the missing one and how to start it. */
export async function preflight(config: BaseConfig): Promise<void> {
  const deps: Dependency[] = [
    {
      name: `PostgreSQL (${redact(config.DATABASE_URL)})`,
      howToStart: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
      check: async () => {
        const client = new Client({
          connectionString: config.DATABASE_URL,
          connectionTimeoutMillis: 3000,
        });
        await client.connect();
        await client.end();
      },
    },
    {
      name: `RabbitMQ (${redact(config.AMQP_URL)})`,
      howToStart: 'rabbitmq-server -detached',
      check: async () => (await amqplib.connect(config.AMQP_URL, { timeout: 3000 })).close(),
    },
    {
      name: `Redis (${redact(config.REDIS_URL)})`,
      howToStart:
        'redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no',
      check: async () => {
        const redis = new Redis(config.REDIS_URL, {
          lazyConnect: true,
          maxRetriesPerRequest: 0,
          retryStrategy: () => null,
        });
        try {
          await redis.connect();
          await redis.ping();
        } finally {
          redis.disconnect();
        }
      },
    },
  ];
  const failures: string[] = [];
  for (const dep of deps) {
    try {
      await dep.check();
    } catch (err) {
      failures.push(
        `  ✗ ${dep.name} is not reachable: ${(err as Error).message}\n    start it with: ${dep.howToStart}`,
      );
    }
  }
  if (failures.length > 0) {
    throw new Error(`DVC needs these services running:\n${failures.join('\n')}`);
  }
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
