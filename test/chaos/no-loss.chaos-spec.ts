import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import { waitFor } from '@dvc/testing';
import { ProcessStack, startProcessStack } from '../../scripts/process-stack';
import { CitizenClient, inParallel } from './citizen-client';
import { StackChecks } from './stack-checks';

/**
 * Fault injection (docs/design.md §3: nothing is lost): 500 citizens submit dossiers through the
 * gateway while RabbitMQ is restarted and the notification and dossier processes are killed
 * without warning and restarted. Clients retry as a browser would (same Idempotency-Key for
 * the submit). At the end every submission exists exactly once, every `dossier.submitted`
 * produced exactly one notification, no outbox holds an unsent event and every DLQ is empty.
 * Runs the built apps as separate processes (`npm run build` first) and restarts the whole
 * broker, so it runs alone, after the other suites (`npm test` does that).
 */
const NAME = 'chaos';
const SUBMISSIONS = 500;
const CONCURRENCY = 12;
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

jest.setTimeout(15 * 60_000);

describe('no loss while the broker restarts and processes crash (chaos)', () => {
  let stack: ProcessStack;
  let db: Client;

  beforeAll(async () => {
    stack = await startProcessStack({ name: NAME, firstPort: 3200, s3rverPort: 9200 });
    db = new Client({ connectionString: DATABASE_URL });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await db?.end();
  });

  it(`keeps all ${SUBMISSIONS} submissions, once each, with one notification each`, async () => {
    const citizen = await CitizenClient.login(stack.url('gateway'));
    const submitted = new Map<number, { id: string; code: string }>();

    // The faults, each once, while submissions flow (the schedule gives up if they stop).
    let failed = false;
    const reached = (n: number) =>
      waitFor(() => failed || submitted.size >= n, {
        timeoutMs: 300_000,
        what: `${n} submissions`,
      });
    const faults = (async () => {
      await reached(80);
      if (failed) return;
      rabbitmq('stop_app');
      rabbitmq('start_app');
      rabbitmq('await_startup');
      await reached(220);
      await stack.crashAndRestart('notification');
      await reached(340);
      await stack.crashAndRestart('dossier');
    })();

    try {
      await inParallel(SUBMISSIONS, CONCURRENCY, async (n) => {
        submitted.set(n, await citizen.submitDossier(`chaos-submission-${n}`));
      });
    } finally {
      failed = submitted.size < SUBMISSIONS;
      await faults;
    }

    // Every submission answered with its own code, and exists once.
    const codes = [...submitted.values()].map((d) => d.code);
    expect(new Set(codes).size).toBe(SUBMISSIONS);
    const checks = new StackChecks(db, NAME);
    await checks.expectCodesStoredOnceWithoutGaps(codes);
    await checks.expectOneSubmittedNotificationEach([...submitted.values()].map((d) => d.id));
    await checks.expectNothingLeftBehind();
  });
});

function rabbitmq(command: string): void {
  execFileSync('rabbitmqctl', ['-q', command], { stdio: 'ignore', timeout: 120_000 });
}
