import amqplib from 'amqplib';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  AGENCY_CODE_PATTERN,
  COMMANDS_EXCHANGE,
  EVENTS_EXCHANGE,
  agencyInboxQueue,
  agencyRoutingKey,
  agencyUser,
} from '@dvc/contracts';

/**
 * `npm run ministry:provision -- <agency code> [--vhost <vhost>] [--rotate]`
 *
 * Gives one agency's own system its RabbitMQ access (docs/design.md §3): the user
 * `agency-<code with _>` with a random password (printed once), its durable quorum queue
 * `agency.<code with _>.inbox` bound to `dvc.events` with `agency.<code with _>.#`, and
 * permissions on the vhost that let it configure nothing, write only to `dvc.commands` and
 * read only its own queue. Users and permissions through `rabbitmqctl` (run where it may talk
 * to the node, e.g. as root on the broker host); exchanges and the queue through AMQP as the
 * operator (AMQP_URL). Idempotent: run again, it changes nothing but the password, and that
 * only with --rotate.
 */

export interface ProvisionOptions {
  agencyCode: string;
  /** RabbitMQ vhost the apps use (`/` unless told). */
  vhost: string;
  /** The operator's AMQP URL (any vhost; the `vhost` option replaces it), to declare topology. */
  amqpUrl: string;
  /** Give an existing user a new password. */
  rotate?: boolean;
  rabbitmqctl?: string;
}

export interface ProvisionResult {
  user: string;
  queue: string;
  vhost: string;
  /** The new password, only when the user was created or rotated: it is not stored anywhere. */
  password: string | null;
  created: boolean;
  permissions: { configure: string; write: string; read: string };
}

/** configure nothing · write to dvc.commands only · read its own queue only. */
export function agencyPermissions(agencyCode: string): ProvisionResult['permissions'] {
  return {
    configure: '^$',
    write: `^${escapeRegex(COMMANDS_EXCHANGE)}$`,
    read: `^${escapeRegex(agencyInboxQueue(agencyCode))}$`,
  };
}

export async function provisionAgency(options: ProvisionOptions): Promise<ProvisionResult> {
  const { agencyCode, vhost } = options;
  if (!AGENCY_CODE_PATTERN.test(agencyCode)) {
    throw new Error(`"${agencyCode}" is not an agency code (e.g. 000.00.01.H26)`);
  }
  const ctl = (args: string[], input?: string) => rabbitmqctl(options.rabbitmqctl, args, input);
  const user = agencyUser(agencyCode);
  const queue = agencyInboxQueue(agencyCode);
  // The queue first: what most often fails (the operator's access to the vhost) fails before
  // a password exists that could not be shown.
  await declareTopology(withVhost(options.amqpUrl, vhost), agencyCode);

  const users = JSON.parse(await ctl(['list_users', '--formatter', 'json'])) as { user: string }[];
  const created = !users.some((u) => u.user === user);
  let password: string | null = null;
  if (created || options.rotate) {
    password = randomBytes(24).toString('base64url');
    // From stdin, so the password never shows in the process list.
    await ctl(created ? ['add_user', user] : ['change_password', user], `${password}\n`);
  }
  const permissions = agencyPermissions(agencyCode);
  try {
    await ctl([
      'set_permissions',
      '-p',
      vhost,
      user,
      permissions.configure,
      permissions.write,
      permissions.read,
    ]);
  } catch (err) {
    const hint = password ? ' (the new password was not shown: run again with --rotate)' : '';
    throw new Error(`${(err as Error).message}${hint}`);
  }
  return { user, queue, vhost, password, created, permissions };
}

/** The exchanges (as the apps declare them) and the agency's queue with its binding. */
async function declareTopology(amqpUrl: string, agencyCode: string): Promise<void> {
  const connection = await amqplib.connect(amqpUrl).catch((err: Error) => {
    const url = new URL(amqpUrl);
    throw new Error(
      `cannot open vhost ${decodeURIComponent(url.pathname.slice(1)) || '/'} on ${url.host} ` +
        `as ${decodeURIComponent(url.username)} (AMQP_URL): ${err.message}`,
    );
  });
  try {
    const channel = await connection.createChannel();
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    await channel.assertExchange(COMMANDS_EXCHANGE, 'topic', { durable: true });
    const queue = agencyInboxQueue(agencyCode);
    await channel.assertQueue(queue, {
      durable: true,
      arguments: { 'x-queue-type': 'quorum' },
    });
    await channel.bindQueue(queue, EVENTS_EXCHANGE, agencyRoutingKey(agencyCode, '#'));
    await channel.close();
  } finally {
    await connection.close();
  }
}

async function rabbitmqctl(
  command = 'rabbitmqctl',
  args: string[],
  input?: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, ['-q', ...args], (err, stdout, stderr) => {
      if (err) reject(new Error(`rabbitmqctl ${args[0]} failed: ${stderr.trim() || err.message}`));
      else resolve(stdout);
    });
    child.stdin?.end(input ?? '');
  });
}

/** Removes the agency's user (its permissions go with it); the queue stays, with its messages. */
export async function deprovisionAgencyUser(agencyCode: string, command?: string): Promise<void> {
  await rabbitmqctl(command, ['delete_user', agencyUser(agencyCode)]);
}

/** The AMQP URL of the operator, pointed at `vhost`. */
export function withVhost(amqpUrl: string, vhost: string): string {
  const url = new URL(amqpUrl);
  url.pathname = `/${encodeURIComponent(vhost)}`;
  return url.toString();
}

/** The vhost an AMQP URL names (`/` when none). */
export function vhostOf(amqpUrl: string): string {
  const path = new URL(amqpUrl).pathname.slice(1);
  return path === '' ? '/' : decodeURIComponent(path);
}

/** The URL an agency system connects with (host and port of the broker, its own user). */
export function agencyAmqpUrl(
  amqpUrl: string,
  vhost: string,
  user: string,
  password: string,
): string {
  const url = new URL(withVhost(amqpUrl, vhost));
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  return url.toString();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Cli {
  agencyCode: string;
  /** The apps' vhost (that of AMQP_URL) unless given. */
  vhost: string | null;
  rotate: boolean;
}

export function parseArguments(argv: string[]): Cli {
  let agencyCode: string | undefined;
  let vhost: string | null = null;
  let rotate = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rotate') rotate = true;
    else if (arg === '--vhost') vhost = argv[++i] ?? '';
    else if (arg.startsWith('--vhost=')) vhost = arg.slice('--vhost='.length);
    else if (!arg.startsWith('--') && agencyCode === undefined) agencyCode = arg;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!agencyCode || vhost === '') {
    throw new Error(
      'usage: npm run ministry:provision -- <agency code> [--vhost <vhost>] [--rotate]',
    );
  }
  return { agencyCode, vhost, rotate };
}

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
  const amqpUrl = process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  const cli = parseArguments(process.argv.slice(2));
  const vhost = cli.vhost ?? vhostOf(amqpUrl);
  const result = await provisionAgency({ ...cli, vhost, amqpUrl });
  const lines = [
    `Agency ${cli.agencyCode}: RabbitMQ user ${result.user} ${result.created ? 'created' : 'exists'}`,
    `  vhost:        ${result.vhost}`,
    `  queue:        ${result.queue} (bound to ${EVENTS_EXCHANGE} with ${agencyRoutingKey(cli.agencyCode, '#')})`,
    `  permissions:  configure ${result.permissions.configure} · write ${result.permissions.write} · read ${result.permissions.read}`,
    `  commands to:  ${COMMANDS_EXCHANGE} (routing key = command type, user_id = ${result.user})`,
  ];
  if (result.password) {
    lines.push(
      `  password:     ${result.password}`,
      '  (shown once: hand it to the agency over a secure channel; --rotate makes a new one)',
      `  connect with: ${agencyAmqpUrl(amqpUrl, result.vhost, result.user, 'PASSWORD').replace('PASSWORD', '<password>')}`,
    );
  } else {
    lines.push('  password:     unchanged (run again with --rotate for a new one)');
  }
  console.log(lines.join('\n'));
}

if (require.main === module) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
