import type { ProcessStack } from '../scripts/process-stack';
import type { Measure } from './cost';
import { percentiles, round } from './measure';
import { PortalClient, pdfOf } from './portal-client';

/**
 * An officer's actions on submitted dossiers through the gateway, 16 at a time, each over its
 * own batch: receive (1 → 2), start (2 → 4), request-payment (4 → 6, which makes the payment
 * service create a payment), and refuse (1 → 3) on other dossiers. `complete` and `return`
 * need a signed result document and are not measured here.
 */
export async function officerActions(
  stack: ProcessStack,
  measure: Measure,
  dossiers = 120,
  concurrency = 16,
) {
  const gateway = stack.url('gateway');
  const citizen = await PortalClient.login(gateway, 'citizen@dvc.local');
  const officer = await PortalClient.login(gateway, 'officer@dvc.local');
  const submitted: string[] = [];
  for (let i = 0; i < dossiers + dossiers / 4; i++)
    submitted.push(await citizen.submitDossier(pdfOf(2048)));
  const processed = submitted.slice(0, dossiers);
  const refused = submitted.slice(dossiers);

  const act = (action: string, ids: string[], body: Record<string, unknown> = {}) =>
    measure(action, () =>
      each(ids, concurrency, (id) =>
        officer.json('POST', `/officer/dossiers/${id}/actions/${action}`, body),
      ),
    );
  return {
    receive: await act('receive', processed),
    start: await act('start', processed),
    requestPayment: await act('request-payment', processed, { amount: 135000 }),
    refuse: await act('refuse', refused, { note: 'Hồ sơ không hợp lệ (bench)' }),
  };
}

/** Runs `work` once per item, `concurrency` at a time; every item must succeed. */
async function each(
  items: string[],
  concurrency: number,
  work: (item: string) => Promise<unknown>,
) {
  const samples: number[] = [];
  const queue = [...items];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        const t0 = performance.now();
        await work(item);
        samples.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  return {
    operations: samples.length,
    perSecond: round(samples.length / seconds, 1),
    latencyMs: percentiles(samples),
  };
}
