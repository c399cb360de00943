import type { INestApplication } from '@nestjs/common';
import { ChannelModel, connect } from 'amqplib';
import Redis from 'ioredis';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { EVENTS_EXCHANGE, EventEnvelope, RpcRequest } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import {
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  createVhost,
  deleteVhost,
  uniqueName,
} from './infrastructure';

/**
 * A service's RPC queue as a test sees it: any pattern, any input, the answer typed by the
 * test. Suites probe validation with requests no typed RpcClient caller could send.
 */
export interface WireClient {
  send<T = unknown>(pattern: string, request: RpcRequest<unknown>): Promise<T>;
}

/** What a suite opened itself and hands to cleanup(): something with close(), or a step. */
export type Closable = { close(): unknown } | (() => unknown) | null | undefined;

/**
 * One service (or library) under test with its own Postgres schema, RabbitMQ vhost and Redis
 * key prefix, so suites run side by side and leave nothing behind.
 */
export interface ServiceUnderTest {
  /** One unique name, used as the schema and the vhost; the Redis prefix is `${schema}:`. */
  readonly schema: string;
  readonly vhost: string;
  readonly amqpUrl: string;
  readonly redisPrefix: string;
  /**
   * The environment every service config starts from: spread it into loadConfig with the
   * suite's own variables after it. LOG_LEVEL is TEST_LOG_LEVEL, `silent` by default.
   */
  readonly env: Readonly<Record<string, string>>;
  /** Postgres, on no schema in particular: name tables `"${schema}".table`. */
  readonly db: DataSource;
  /** Redis without a key prefix: it reads and writes the literal keys. */
  readonly redis: Redis;
  /** An RpcClient on the vhost, connected (closed by cleanup), that sends unchecked requests. */
  rpcClient(service: string, queue: string, timeoutMs?: number): Promise<WireClient>;
  /** Every event published on dvc.events under a binding key such as `catalogue.#`, in order. */
  captureEvents<T = unknown>(bindingKey: string): Promise<EventEnvelope<T>[]>;
  /** The base URL of an app listening on HTTP_HOST 127.0.0.1. */
  urlOf(app: INestApplication): string;
  /**
   * Closes the RPC clients and event captures opened here (nothing calls the app any more), then
   * what the suite hands it, in that order (its app first), then removes the Redis keys under
   * the prefix, the schema and the vhost. Every step runs even if an earlier one fails (so a
   * half-started suite still cleans up); the failures are thrown together at the end.
   */
  cleanup(...suiteOwn: Closable[]): Promise<void>;
}

/** Creates the vhost and connects to Postgres and Redis; call in beforeAll. */
export async function isolatedService(name: string): Promise<ServiceUnderTest> {
  const schema = uniqueName(`t_${name}`);
  const vhost = schema;
  const redisPrefix = `${schema}:`;
  const amqpUrl = await createVhost(vhost);
  const db = await new DataSource({ type: 'postgres', url: TEST_DATABASE_URL }).initialize();
  const redis = new Redis(TEST_REDIS_URL);
  const opened: (() => unknown)[] = [];
  let amqp: ChannelModel | undefined;

  return {
    schema,
    vhost,
    amqpUrl,
    redisPrefix,
    env: {
      NODE_ENV: 'test',
      DATABASE_URL: TEST_DATABASE_URL,
      DB_SCHEMA: schema,
      AMQP_URL: amqpUrl,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: redisPrefix,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    },
    db,
    redis,

    async rpcClient(service, queue, timeoutMs = 10_000) {
      const client = new RpcClient(service, queue, amqpUrl, timeoutMs);
      opened.push(() => client.onApplicationShutdown());
      await client.onModuleInit();
      return {
        send: <T>(pattern: string, request: RpcRequest<unknown>) =>
          client.sendUnchecked(pattern, request) as Promise<T>,
      };
    },

    async captureEvents<T>(bindingKey: string) {
      if (!amqp) {
        const connection = (amqp = await connect(amqpUrl));
        opened.push(() => connection.close());
      }
      const events: EventEnvelope<T>[] = [];
      const channel = await amqp.createChannel();
      await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
      const { queue } = await channel.assertQueue('', { exclusive: true });
      await channel.bindQueue(queue, EVENTS_EXCHANGE, bindingKey);
      await channel.consume(
        queue,
        (m) => {
          if (!m) return;
          events.push(JSON.parse(m.content.toString()) as EventEnvelope<T>);
          channel.ack(m);
        },
        { noAck: false },
      );
      return events;
    },

    urlOf(app) {
      return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    },

    async cleanup(...suiteOwn) {
      const steps: (() => unknown)[] = [
        ...opened,
        ...suiteOwn.map((c) => (typeof c === 'function' ? c : () => c?.close())),
        async () => {
          const keys = await redis.keys(`${redisPrefix}*`);
          if (keys.length > 0) await redis.del(...keys);
        },
        () => redis.quit(),
        () => db.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`),
        () => db.destroy(),
        () => deleteVhost(vhost),
      ];
      const failures: unknown[] = [];
      for (const step of steps) {
        try {
          await step();
        } catch (err) {
          failures.push(err);
        }
      }
      if (failures.length > 0) {
        throw new AggregateError(
          failures,
          `cleanup of ${schema}: ${failures.length} step(s) failed`,
        );
      }
    },
  };
}
