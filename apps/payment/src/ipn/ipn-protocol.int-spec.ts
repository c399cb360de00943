import { Caller, Events, IpnAnswer, PaymentRpc } from '@dvc/contracts';
import { PaymentTestContext, startPaymentContext } from '../../test/payment-context';
import { formatVnpDate } from '../provider/vnpay/vnpay-dates';

jest.setTimeout(60_000);

/** The provider's IPN: every answer code of the protocol, and only a genuine one settles. */
describe('IPN protocol', () => {
  let ctx: PaymentTestContext;

  beforeAll(async () => {
    ctx = await startPaymentContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  /** A payment the citizen checked out: the provider's page is open, nothing paid yet. */
  async function checkedOut(citizen: Caller) {
    const payment = await ctx.openPayment(citizen);
    return { payment, view: await ctx.checkout(payment.id, citizen) };
  }

  it('answers 97 to a forged or missing signature, and records it', async () => {
    const citizen = ctx.newCitizen();
    const { payment, view } = await checkedOut(citizen);
    expect(
      await ctx.ipn(ctx.providerIpn(view, 135_000, {}, 'not-the-merchant-secret-0000')),
    ).toEqual({
      RspCode: '97',
      Message: 'Invalid signature',
    });
    const unsigned = ctx.providerIpn(view, 135_000).replace(/&vnp_SecureHash=[0-9a-f]+$/, '');
    expect((await ctx.ipn(unsigned)).RspCode).toBe('97');
    expect((await ctx.ipn('')).RspCode).toBe('97');
    expect((await ctx.rpc<IpnAnswer>(PaymentRpc.ipn, {}, null)).RspCode).toBe('97');
    expect((await ctx.get(payment.id, citizen)).status).toBe('started');
    const recorded = await ctx.callbacks(view.txnRef);
    expect(recorded.map((c) => [c.rsp_code, c.outcome])).toEqual([
      ['97', 'bad_signature'],
      ['97', 'bad_signature'],
    ]);
  });

  it('answers 99 to signed parameters that are missing or malformed, 01 to an unknown TxnRef', async () => {
    const citizen = ctx.newCitizen();
    const { payment, view } = await checkedOut(citizen);
    expect((await ctx.ipn(ctx.providerIpn(view, 135_000, { vnp_ResponseCode: '' }))).RspCode).toBe(
      '99',
    );
    expect((await ctx.ipn(ctx.providerIpn(view, 135_000, { vnp_PayDate: '2026' }))).RspCode).toBe(
      '99',
    );
    expect(
      await ctx.ipn(ctx.providerIpn({ ...view, txnRef: 'DVC000000UNKNOWN00' }, 135_000)),
    ).toEqual({
      RspCode: '01',
      Message: 'Order not found',
    });
    expect((await ctx.get(payment.id, citizen)).status).toBe('started');
  });

  it('answers 99 to a pay date before the checkout or in the future, and changes nothing', async () => {
    const citizen = ctx.newCitizen();
    const { payment, view } = await checkedOut(citizen);
    const past = ctx.providerIpn(view, 135_000, { vnp_PayDate: '20200101120000' });
    const future = ctx.providerIpn(view, 135_000, {
      vnp_PayDate: formatVnpDate(new Date(Date.now() + 3_600_000)),
    });
    expect((await ctx.ipn(past)).RspCode).toBe('99');
    expect((await ctx.ipn(future)).RspCode).toBe('99');
    expect((await ctx.get(payment.id, citizen)).status).toBe('started');
    expect(await ctx.outbox(Events.paymentSucceeded, payment.id)).toEqual([]);
  });

  it('answers 04 to another amount and puts the payment in error for a person', async () => {
    const citizen = ctx.newCitizen();
    const { payment, view } = await checkedOut(citizen);
    const answer = await ctx.ipn(ctx.providerIpn(view, 1_350));
    expect(answer).toEqual({ RspCode: '04', Message: 'Invalid amount' });
    const errored = await ctx.get(payment.id, citizen);
    expect(errored).toMatchObject({ status: 'error', nextPaymentId: null });
    const [attempt] = await ctx.sut.db.query(
      `SELECT status, note FROM "${ctx.sut.schema}".attempts WHERE txn_ref = $1`,
      [view.txnRef],
    );
    expect(attempt).toEqual({
      status: 'disputed',
      note: expect.stringContaining('amount_mismatch'),
    });
    expect(await ctx.outbox(Events.paymentFailed, payment.id)).toEqual([
      expect.objectContaining({
        status: 'error',
        reason: expect.stringContaining('amount_mismatch'),
      }),
    ]);
    // A replay of the genuine amount now: the attempt is settled, nothing changes.
    expect((await ctx.ipn(ctx.providerIpn(view, 135_000))).RspCode).toBe('02');
    expect((await ctx.get(payment.id, citizen)).status).toBe('error');
    expect(await ctx.outbox(Events.paymentSucceeded, payment.id)).toEqual([]);
  });

  it('settles once when 10 duplicate IPNs arrive together', async () => {
    const citizen = ctx.newCitizen();
    const { payment, view } = await checkedOut(citizen);
    const query = ctx.providerIpn(view, 135_000);
    const answers = await Promise.all(Array.from({ length: 10 }, () => ctx.ipn(query)));
    const codes = answers.map((a) => a.RspCode).sort();
    expect(codes).toEqual(['00', ...Array(9).fill('02')]);
    expect((await ctx.get(payment.id, citizen)).status).toBe('success');
    expect(await ctx.outbox(Events.paymentSucceeded, payment.id)).toHaveLength(1);
    const [{ n }] = await ctx.sut.db.query(
      `SELECT count(*)::int AS n FROM "${ctx.sut.schema}".receipts WHERE payment_id = $1`,
      [payment.id],
    );
    expect(n).toBe(1);
  });

  it('counts IPN answers and manual resolutions in /metrics', async () => {
    const citizen = ctx.newCitizen();
    const settled = await checkedOut(citizen);
    expect((await ctx.ipn(ctx.providerIpn(settled.view, 135_000))).RspCode).toBe('00');
    const mismatched = await checkedOut(citizen);
    expect((await ctx.ipn(ctx.providerIpn(mismatched.view, 1_350))).RspCode).toBe('04');
    const metrics = await (await fetch(`${ctx.base}/metrics`)).text();
    expect(metrics).toMatch(/payment_ipn_answers_total\{rsp_code="00",outcome="settled"\} [1-9]/);
    expect(metrics).toMatch(/payment_manual_resolution_total\{kind="payment_error"\} [1-9]/);
  });
});
