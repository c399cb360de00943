import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { waitFor } from '@dvc/testing';
import { ProcessStack, startProcessStack } from '../../scripts/process-stack';
import { openSse, SseClient } from '../e2e/sse';
import { CitizenClient, inParallel } from './citizen-client';
import { RoundRobinProxy, startRoundRobinProxy } from './round-robin-proxy';
import { StackChecks } from './stack-checks';

/**
 * Scale out, proven on one machine (docs/architecture.md "Running several instances"): two
 * gateways behind a round-robin balancer, two dossier and two notification instances competing
 * for the same queues. Citizens submit through the balancer; mid-run one instance of each is
 * killed without warning (SIGKILL) and not restarted. Every accepted dossier exists once with a
 * gap-free code, each event gave the citizen exactly one notification, nothing is left in an
 * outbox or dead-letter queue, and the bell reaches the citizen's stream on the surviving
 * gateway, fed by the surviving notification instance.
 */
const NAME = 'scale';
const SUBMISSIONS = 200;
const CONCURRENCY = 12;
const KILL_AT = 80;
const PROXY_PORT = 3499;
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface BellEvent {
  type: string;
  data: { dossierId?: string };
}

jest.setTimeout(15 * 60_000);

describe('two instances of the gateway, dossier and notification (scale-out)', () => {
  let stack: ProcessStack;
  let proxy: RoundRobinProxy;
  let db: Client;
  let bell: SseClient<BellEvent> | undefined;

  beforeAll(async () => {
    stack = await startProcessStack({
      name: NAME,
      firstPort: 3400,
      s3rverPort: 9400,
      replicas: { gateway: 2, dossier: 2, notification: 2 },
      overrides: { PUBLIC_URL: `http://127.0.0.1:${PROXY_PORT}` },
    });
    proxy = await startRoundRobinProxy(
      [stack.url('gateway', 1), stack.url('gateway', 2)],
      PROXY_PORT,
    );
    db = new Client({ connectionString: DATABASE_URL });
    await db.connect();
  }, 240_000);

  afterAll(async () => {
    bell?.close();
    await proxy?.close();
    await stack?.stop();
    await db?.end();
  });

  it(`keeps ${SUBMISSIONS} submissions once each while one instance of each app is killed`, async () => {
    const citizen = await CitizenClient.login(proxy.url);
    bell = await openSse<BellEvent>(`${stack.url('gateway', 2)}/api/v1/notifications/stream`, {
      authorization: `Bearer ${citizen.token}`,
    });
    expect(bell.status).toBe(200);
    // Both instances of dossier and notification consume their queues (competing consumers).
    const queues = ['dossier.rpc', 'dossier.events', 'notification.rpc', 'notification.events'];
    await waitFor(() => consumers(queues).every((n) => n === 2), {
      timeoutMs: 60_000,
      what: 'two consumers on each queue of dossier and notification',
    });

    const before = new Map<number, { id: string; code: string }>();
    const after = new Map<number, { id: string; code: string }>();
    let killed = false;
    let started = 0;
    const kills = (async () => {
      await waitFor(() => before.size + after.size >= KILL_AT || started >= SUBMISSIONS, {
        timeoutMs: 300_000,
        what: `${KILL_AT} submissions`,
      });
      await Promise.all([
        stack.kill('gateway', 1),
        stack.kill('dossier', 2),
        stack.kill('notification', 2),
      ]);
      killed = true;
    })();

    await inParallel(SUBMISSIONS, CONCURRENCY, async (n) => {
      started += 1;
      const startedAfterKills = killed;
      const dossier = await citizen.submitDossier(`scale-submission-${n}`);
      (startedAfterKills ? after : before).set(n, dossier);
    });
    await kills;

    await waitFor(() => consumers(queues).every((n) => n === 1), {
      timeoutMs: 60_000,
      what: 'one consumer left on each queue after the kills',
    });
    const all = [...before.values(), ...after.values()];
    expect(all).toHaveLength(SUBMISSIONS);
    expect(after.size).toBeGreaterThan(0);
    expect([...proxy.served.values()].every((n) => n > 0)).toBe(true);
    const checks = new StackChecks(db, NAME);
    await checks.expectCodesStoredOnceWithoutGaps(all.map((d) => d.code));
    await checks.expectOneSubmittedNotificationEach(all.map((d) => d.id));
    await checks.expectNothingLeftBehind();

    // Every dossier submitted once the instances were gone rang the bell on the surviving gateway.
    const rung = () =>
      new Set(
        bell!.events
          .filter((e) => e.event === 'notification' && e.data.type === 'dossier.submitted')
          .map((e) => e.data.data.dossierId),
      );
    await waitFor(() => [...after.values()].every((d) => rung().has(d.id)), {
      timeoutMs: 60_000,
      what: 'the bell of every dossier submitted after the kills',
    });
    expect(bell.ended).toBe(false);
  });
});

/** The number of consumers of each queue of the stack's vhost. */
function consumers(queues: string[]): number[] {
  const listed = execFileSync(
    'rabbitmqctl',
    ['-q', 'list_queues', '-p', `dvc_${NAME}`, 'name', 'consumers'],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/));
  return queues.map((queue) => Number(listed.find(([name]) => name === queue)?.[1] ?? 0));
}
