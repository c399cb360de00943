import type { ProcessStack } from '../scripts/process-stack';
import type { Measure } from './cost';
import { closedLoop } from './measure';
import { PortalClient, pdfOf } from './portal-client';

const ATTACHMENT = pdfOf(200 * 1024);

/**
 * A whole online submission through the gateway, as a citizen does it: draft → form →
 * 2 × 200 KB attachments (streamed to document-storage, scanned) → submit.
 * Target: ≥ 200 submissions/s with p99 < 250 ms on 2 cores.
 */
export async function dossierSubmit(
  stack: ProcessStack,
  seconds: number,
  measure: Measure,
  concurrency = 16,
) {
  const citizen = await PortalClient.login(stack.url('gateway'), 'citizen@dvc.local');
  const result = await measure('submit', () =>
    closedLoop(concurrency, seconds * 1000, () =>
      citizen.submitDossier(ATTACHMENT).then(() => undefined),
    ),
  );
  return {
    concurrency,
    attachmentKb: ATTACHMENT.length / 1024,
    ...result,
    targets: { perSecond: '≥ 200', p99Ms: '< 250' },
  };
}
