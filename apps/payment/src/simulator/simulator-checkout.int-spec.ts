import {
  Caller,
  Events,
  PaymentHttp,
  PaymentReturnView,
  PaymentRpc,
  ReceiptAuthorizationView,
} from '@dvc/contracts';
import { INTERNAL_TOKEN_HEADER } from '@dvc/http';
import { problemOf } from '@dvc/testing';
import { AGENCY, PaymentTestContext, startPaymentContext } from '../../test/payment-context';
import { pdfText } from '../../test/pdf-text';
import { parseQueryString, verify } from '../provider/vnpay/vnpay-signature';

jest.setTimeout(60_000);

/** Paid (or not) through the built-in simulator of the provider's page, then the receipt. */
describe('paid through the simulator', () => {
  let ctx: PaymentTestContext;

  beforeAll(async () => {
    ctx = await startPaymentContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  /** A payment the citizen paid on the simulator's page, and where the browser was sent back. */
  async function paidThroughSimulator(citizen: Caller) {
    const payment = await ctx.openPayment(citizen);
    const view = await ctx.checkout(payment.id, citizen);
    const pressed = await ctx.press(view.paymentUrl, 'pay');
    expect(pressed.status).toBe(302);
    return { payment, view, returnLocation: new URL(pressed.headers.get('location')!) };
  }

  it('checks out: a signed URL of the provider page, a fresh TxnRef each time', async () => {
    const citizen = ctx.newCitizen();
    const payment = await ctx.openPayment(citizen);
    const first = await ctx.checkout(payment.id, citizen, 'domestic-card');
    const view = await ctx.checkout(payment.id, citizen);
    expect(view.txnRef).not.toBe(first.txnRef);
    expect(view.expiresAt).toBe(first.expiresAt); // one window for the payment
    const url = new URL(view.paymentUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${ctx.base}/simulator/vpcpay.html`);
    const { params } = parseQueryString(url.search);
    expect(params).toMatchObject({
      vnp_Amount: '13500000',
      vnp_TxnRef: view.txnRef,
      vnp_BankCode: 'VNPAYQR',
      vnp_IpAddr: '203.0.113.7',
      vnp_ReturnUrl: 'http://portal.test/api/v1/payments/vnpay/return',
    });
    expect(verify(params, ctx.config.VNPAY_HASH_SECRET)).toBe(true);
    const started = await ctx.get(payment.id, citizen);
    expect(started).toMatchObject({ status: 'started', method: 'vnpay-qr' });
    expect(Date.parse(started.expiresAt!) - Date.parse(started.startedAt!)).toBe(90 * 60_000);
  });

  it('shows the merchant, the amount and the order on the simulator page', async () => {
    const citizen = ctx.newCitizen();
    const payment = await ctx.openPayment(citizen);
    const view = await ctx.checkout(payment.id, citizen);
    const { html, payload } = await ctx.simulatorPage(view.paymentUrl);
    expect(html).toContain('Cổng Dịch vụ công');
    expect(html).toContain('135.000 VND');
    expect(html).toContain(payment.dossierCode);
    expect(html).toMatch(/>Thanh toán</);
    expect(html).toMatch(/>Hủy</);
    expect(payload).toBe(new URL(view.paymentUrl).search.slice(1));
    const forged = await fetch(view.paymentUrl.replace('vnp_Amount=13500000', 'vnp_Amount=100'));
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('Sai chữ ký');
  });

  it('pays: IPN from the simulator → success, receipt number, payment.succeeded; then the return redirect', async () => {
    const citizen = ctx.newCitizen();
    const { payment, view, returnLocation } = await paidThroughSimulator(citizen);
    expect(`${returnLocation.origin}${returnLocation.pathname}`).toBe(
      'http://portal.test/api/v1/payments/vnpay/return',
    );
    const { params } = parseQueryString(returnLocation.search);
    expect(params).toMatchObject({
      vnp_ResponseCode: '00',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: view.txnRef,
      vnp_Amount: '13500000',
    });
    expect(verify(params, ctx.config.VNPAY_HASH_SECRET)).toBe(true);

    // The IPN went through before the browser was sent back.
    const paid = await ctx.get(payment.id, citizen);
    expect(paid).toMatchObject({
      status: 'success',
      transactionNo: params.vnp_TransactionNo,
      receiptNumber: expect.stringMatching(/^BL\d{4}-\d{7}$/),
      receiptUrl: `/api/v1/payments/${payment.id}/receipt`,
    });
    expect(await ctx.callbacks(view.txnRef)).toEqual([
      expect.objectContaining({ rsp_code: '00', outcome: 'settled', signature_valid: true }),
    ]);
    expect(await ctx.outbox(Events.paymentSucceeded, payment.id)).toEqual([
      {
        paymentId: payment.id,
        dossierId: payment.dossierId,
        dossierCode: payment.dossierCode,
        applicantId: citizen.accountId,
        agencyCode: AGENCY,
        procedureName: payment.procedureName,
        amount: 135_000,
        receiptNumber: paid.receiptNumber,
        transactionNo: params.vnp_TransactionNo,
        paidAt: paid.paidAt,
      },
    ]);
  });

  it('shows the true state on the return, and a forged return changes nothing', async () => {
    const citizen = ctx.newCitizen();
    const { payment, returnLocation } = await paidThroughSimulator(citizen);
    const shown = await ctx.rpc<PaymentReturnView>(
      PaymentRpc.returnView,
      { rawQuery: returnLocation.search.slice(1) },
      null,
    );
    expect(shown).toMatchObject({
      signatureValid: true,
      providerResult: 'success',
      payment: { id: payment.id, status: 'success' },
    });
    // A "success" redirect for an unpaid payment, with a hash made up by the sender.
    const other = await ctx.openPayment(citizen);
    const otherView = await ctx.checkout(other.id, citizen);
    const forged = ctx.providerIpn(otherView, 135_000, {}, 'not-the-merchant-secret-0000');
    const answer = await ctx.rpc<PaymentReturnView>(
      PaymentRpc.returnView,
      { rawQuery: forged },
      null,
    );
    expect(answer).toMatchObject({ signatureValid: false, payment: null });
    expect((await ctx.get(other.id, citizen)).status).toBe('started');
    expect(await ctx.callbacks(otherView.txnRef)).toEqual([]);
  });

  it('answers 02 to the same IPN replayed, and changes nothing', async () => {
    const citizen = ctx.newCitizen();
    const { payment, view, returnLocation } = await paidThroughSimulator(citizen);
    const replay = returnLocation.search.slice(1); // the same signed parameters
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await ctx.ipn(replay));
    expect(answers).toEqual(Array(5).fill({ RspCode: '02', Message: 'Order already confirmed' }));
    expect(await ctx.outbox(Events.paymentSucceeded, payment.id)).toHaveLength(1);
    expect((await ctx.get(payment.id, citizen)).status).toBe('success');
    expect((await ctx.callbacks(view.txnRef)).map((c) => c.rsp_code)).toEqual([
      '00',
      '02',
      '02',
      '02',
      '02',
      '02',
    ]);
  });

  it('refuses to check out a paid payment (409) and the simulator a second payment', async () => {
    const citizen = ctx.newCitizen();
    const { payment, view } = await paidThroughSimulator(citizen);
    expect(await problemOf(ctx.checkout(payment.id, citizen))).toMatchObject({
      status: 409,
      code: 'payment.already_paid',
      currentStatus: 'success',
    });
    const again = await fetch(view.paymentUrl);
    expect(again.status).toBe(400);
  });

  it('streams the receipt PDF to the owner only, with the code, the amount and the payer', async () => {
    const citizen = ctx.newCitizen('Nguyễn Thị Bình');
    const stranger = ctx.newCitizen('Trần Văn Lạ');
    const { payment } = await paidThroughSimulator(citizen);
    expect(
      (await problemOf(ctx.rpc(PaymentRpc.authorizeReceipt, { paymentId: payment.id }, stranger)))
        .status,
    ).toBe(404);
    const allowed = await ctx.rpc<ReceiptAuthorizationView>(
      PaymentRpc.authorizeReceipt,
      { paymentId: payment.id },
      citizen,
    );
    expect(allowed.paymentId).toBe(payment.id);
    // The signed copy document-storage issued (faked here) is the one the owner downloads.
    expect(allowed).toMatchObject({ verificationCode: expect.stringMatching(/^TEST/) });
    const url = `${ctx.base}${PaymentHttp.receipt(payment.id)}`;
    expect((await fetch(url)).status).toBe(401);
    const asOwner = (account: string) => ({
      [INTERNAL_TOKEN_HEADER]: ctx.config.INTERNAL_TOKEN,
      [PaymentHttp.headers.owner]: account,
    });
    // Never a receipt by id alone: the owner the gateway checked, and only that one.
    const noOwner = await fetch(url, {
      headers: { [INTERNAL_TOKEN_HEADER]: ctx.config.INTERNAL_TOKEN },
    });
    expect(noOwner.status).toBe(400);
    expect(((await noOwner.json()) as { code: string }).code).toBe('receipt.owner_required');
    expect((await fetch(url, { headers: asOwner(stranger.accountId) })).status).toBe(404);
    const response = await fetch(url, { headers: asOwner(citizen.accountId) });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(
      `bien-lai-${allowed.receiptNumber}.pdf`,
    );
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(payment.dossierCode);
    expect(text).toContain('135.000 đồng');
    expect(text).toContain('Một trăm ba mươi lăm nghìn đồng');
    expect(text).toContain('Nguyễn Thị Bình');
    expect(text).toContain(allowed.receiptNumber);
    const unpaid = await ctx.openPayment(citizen);
    expect(
      (await problemOf(ctx.rpc(PaymentRpc.authorizeReceipt, { paymentId: unpaid.id }, citizen)))
        .code,
    ).toBe('receipt.not_found');
    expect(
      (
        await fetch(`${ctx.base}${PaymentHttp.receipt(unpaid.id)}`, {
          headers: asOwner(citizen.accountId),
        })
      ).status,
    ).toBe(404);
  });

  it('cancelled at the simulator: cancelled, payment.failed, and a new payment to try again', async () => {
    const citizen = ctx.newCitizen();
    const payment = await ctx.openPayment(citizen);
    const view = await ctx.checkout(payment.id, citizen);
    const pressed = await ctx.press(view.paymentUrl, 'cancel');
    expect(pressed.status).toBe(302);
    const { params } = parseQueryString(new URL(pressed.headers.get('location')!).search);
    expect(params.vnp_ResponseCode).toBe('24');
    const cancelled = await ctx.get(payment.id, citizen);
    expect(cancelled).toMatchObject({ status: 'cancelled', nextPaymentId: expect.any(String) });
    expect(await ctx.outbox(Events.paymentFailed, payment.id)).toEqual([
      expect.objectContaining({
        status: 'cancelled',
        reason: '24',
        nextPaymentId: cancelled.nextPaymentId,
      }),
    ]);
    const retry = await ctx.get(cancelled.nextPaymentId!, citizen);
    expect(retry).toMatchObject({ status: 'created', retryOf: payment.id, amount: 135_000 });
    expect(await ctx.outbox(Events.paymentCreated, retry.id)).toEqual([
      expect.objectContaining({ retryOf: payment.id }),
    ]);
    expect(await problemOf(ctx.checkout(payment.id, citizen))).toMatchObject({
      status: 409,
      code: 'payment.not_payable',
      nextPaymentId: retry.id,
    });
    expect((await ctx.checkout(retry.id, citizen)).paymentUrl).toContain('vnp_TxnRef=');
  });
});
