import type { ProcessStack } from '../scripts/process-stack';
import type { Measure } from './cost';
import { randomUUID } from 'node:crypto';
import { closedLoop, eachOnce } from './measure';
import { PortalClient, pdfOf } from './portal-client';

const ATTACHMENT = pdfOf(200 * 1024);
/** Drafts prepared for the submit step (the baseline submitted 150). */
const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 150);

/**
 * The whole online filing through the gateway, as a citizen does it: draft → form →
 * 2 × 200 KB attachments (streamed to document-storage, scanned) → submit, in a closed loop.
 * Its cost is mostly the uploads; the submit step alone is `submitStep`.
 */
export async function wholeFiling(
  stack: ProcessStack,
  seconds: number,
  measure: Measure,
  concurrency = 16,
) {
  const citizen = await PortalClient.login(stack.url('gateway'), 'citizen@dvc.local');
  const result = await measure('whole filing (draft, form, 2 files, submit)', () =>
    closedLoop(concurrency, seconds * 1000, () =>
      citizen.submitDossier(ATTACHMENT).then(() => undefined),
    ),
  );
  return { concurrency, attachmentKb: ATTACHMENT.length / 1024, ...result };
}

/**
 * The measurement of a submission: drafts with their form and two 200 KB attachments
 * are prepared before the window; the window times only `POST /dossiers/:id/submit` of those
 * drafts, `concurrency` at a time, and counts the CPU of every process until the submission's
 * consequences (events, agency copy, notification, bell, email) have drained.
 * Target: ≥ 200 submissions/s with p99 < 250 ms, ≤ 10 CPU-ms a submission (mail sink excluded).
 */
export async function submitStep(
  stack: ProcessStack,
  measure: Measure,
  concurrency = 16,
  drafts = DRAFTS,
) {
  const citizen = await PortalClient.login(stack.url('gateway'), 'citizen@dvc.local');
  // Four at a time: preparing is upload-heavy and not measured; a draft whose preparation
  // failed (an RPC timeout on a loaded machine) is left out.
  const prepared: string[] = [];
  await eachOnce(
    Array.from({ length: drafts }, (_, i) => String(i)),
    4,
    async () => {
      await citizen.prepareDraft(ATTACHMENT).then(
        (id) => prepared.push(id),
        () => undefined,
      );
    },
  );
  // A submit that failed (an RPC timeout on a loaded machine) is sent again with its key, as the
  // portal does: each draft is submitted once, and its time includes the retries.
  // Five attempts at most; a draft still not submitted then counts as failed.
  let retries = 0;
  let failures = 0;
  const submitOnce = async (id: string) => {
    const key = randomUUID();
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        return await citizen.submit(id, key);
      } catch (err) {
        if (attempt === 5) {
          failures += 1;
          console.error(`bench: submit failed: ${(err as Error).message}`);
        } else retries += 1;
      }
    }
  };
  const result = await measure('submit step (prepared drafts)', () =>
    eachOnce(prepared, concurrency, submitOnce),
  );
  return {
    concurrency,
    drafts: prepared.length,
    retries,
    failures,
    ...result,
    targets: { perSecond: '≥ 200', p99Ms: '< 250', cpuMs: '≤ 10' },
  };
}
