import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const AMQP_BASE = process.env.TEST_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** A name unique to this test run, usable as a schema, vhost or key prefix. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** A fresh RabbitMQ vhost for one suite (guest gets full rights on it). Returns its AMQP URL. */
export async function createVhost(name: string): Promise<string> {
  await exec('rabbitmqctl', ['-q', 'add_vhost', name]);
  await exec('rabbitmqctl', ['-q', 'set_permissions', '-p', name, 'guest', '.*', '.*', '.*']);
  return `${AMQP_BASE}/${encodeURIComponent(name)}`;
}

export async function deleteVhost(name: string): Promise<void> {
  await exec('rabbitmqctl', ['-q', 'delete_vhost', name]).catch(() => undefined);
}
