import type { ProcessStack } from '../scripts/process-stack';
import type { Measure } from './cost';
import { eachOnce } from './measure';
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
      eachOnce(ids, concurrency, (id) =>
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
