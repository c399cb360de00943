import { loadConfig } from '@dvc/config';
import { PaymentConfig } from '../apps/payment/src/payment.config';
import { formatVnpDate } from '../apps/payment/src/provider/vnpay/vnpay-dates';
import { sign, toQueryString } from '../apps/payment/src/provider/vnpay/vnpay-signature';
import type { ProcessStack } from '../scripts/process-stack';
import type { Measure } from './cost';
import { closedLoop, round } from './measure';
import { PortalClient, pdfOf } from './portal-client';

/**
 * Provider → us: signed IPN calls through the gateway for started payments (first call:
 * the success path with its row lock, receipt and event; then replays answering 02).
 */
export async function ipnHandling(
  stack: ProcessStack,
  measure: Measure,
  payments = 60,
  seconds = 5,
) {
  const gateway = stack.url('gateway');
  const citizen = await PortalClient.login(gateway, 'citizen@dvc.local');
  const officer = await PortalClient.login(gateway, 'officer@dvc.local');
  const config = loadConfig(PaymentConfig, { ...stack.env, NODE_ENV: 'development' });

  const started: { txnRef: string; amount: string }[] = [];
  for (let i = 0; i < payments; i++) {
    const dossierId = await citizen.submitDossier(pdfOf(2048));
    await officer.json('POST', `/officer/dossiers/${dossierId}/actions/receive`, {});
    await officer.json('POST', `/officer/dossiers/${dossierId}/actions/request-payment`, {
      amount: 135000,
    });
    const payment = await until(async () => {
      const page = await citizen.json<{
        items: { id: string; dossierId: string; status: string }[];
      }>('GET', '/payments?pageSize=100');
      return page.items.find((p) => p.dossierId === dossierId && p.status === 'created');
    });
    const { paymentUrl } = await citizen.json<{ paymentUrl: string }>(
      'POST',
      `/payments/${payment.id}/checkout`,
      { method: 'vnpay-qr', commitment: true },
    );
    const query = new URL(paymentUrl).searchParams;
    started.push({ txnRef: query.get('vnp_TxnRef')!, amount: query.get('vnp_Amount')! });
  }

  const ipnUrl = (p: { txnRef: string; amount: string }, n: number) =>
    `${gateway}/api/v1/payments/vnpay/ipn?` +
    toQueryString(
      sign(
        {
          vnp_Amount: p.amount,
          vnp_BankCode: 'NCB',
          vnp_OrderInfo: 'Thanh toan le phi',
          vnp_PayDate: formatVnpDate(new Date()),
          vnp_ResponseCode: '00',
          vnp_TmnCode: config.VNPAY_TMN_CODE,
          vnp_TransactionNo: String(14_000_000 + n),
          vnp_TransactionStatus: '00',
          vnp_TxnRef: p.txnRef,
        },
        config.VNPAY_HASH_SECRET,
      ),
    );
  const answers = new Map<string, number>();
  let n = 0;
  const result = await measure('ipn', () =>
    closedLoop(8, seconds * 1000, async () => {
      const i = n++;
      const response = await fetch(ipnUrl(started[i % started.length], i % started.length));
      const { RspCode } = (await response.json()) as { RspCode: string };
      answers.set(RspCode, (answers.get(RspCode) ?? 0) + 1);
    }),
  );
  return {
    payments,
    ...result,
    answers: Object.fromEntries(answers),
    firstCallsSucceeded: answers.get('00') === payments,
    note: `first call per payment = success (00), then replays (02); ${round(result.perSecond, 0)}/s`,
  };
}

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('payment not created within 15 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}
