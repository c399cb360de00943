import { Counter } from 'prom-client';
import { metricsRegistry } from '@dvc/observability';

/** IPN calls, by the answer the provider got (`/metrics`). */
export const ipnAnswers = new Counter({
  name: 'payment_ipn_answers_total',
  help: 'IPN calls by the RspCode answered and why',
  labelNames: ['rsp_code', 'outcome'],
  registers: [metricsRegistry],
});

/**
 * Money may have moved without being accepted (payment in `error`, attempt `disputed`):
 * someone must refund or resolve it. Alert on any increase.
 */
export const manualResolutions = new Counter({
  name: 'payment_manual_resolution_total',
  help: 'Payments in error and disputed attempts that need a refund or a manual resolution',
  labelNames: ['kind'],
  registers: [metricsRegistry],
});
