import { Events } from '@dvc/contracts';
import { problemOf } from '@dvc/testing';
import { PaymentTestContext, startPaymentContext } from '../../test/payment-context';
import { ReconciliationService } from './reconciliation.service';

jest.setTimeout(60_000);

/** Đối soát: what the IPN missed is asked of the provider; what nobody paid expires. */
describe('the reconciliation job', () => {
  let ctx: PaymentTestContext;
  const reconcile = (now: Date) => ctx.app.get(ReconciliationService).run(now);

  beforeAll(async () => {
    ctx = await startPaymentContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  it('finds a payment whose IPN never reached us, by asking the provider', async () => {
    const citizen = ctx.newCitizen();
    const payment = await ctx.openPayment(citizen);
    const view = await ctx.checkout(payment.id, citizen);
    const pressed = await ctx.withIpnGatewayDown(() => ctx.press(view.paymentUrl, 'pay'));
    expect(pressed.status).toBe(302);
    expect((await ctx.get(payment.id, citizen)).status).toBe('started');
    expect(await ctx.callbacks(view.txnRef)).toEqual([]);

    const report = await reconcile(new Date(Date.now() + 20 * 60_000));
    expect(report.succeeded).toBeGreaterThanOrEqual(1);
    const paid = await ctx.get(payment.id, citizen);
    expect(paid).toMatchObject({ status: 'success', receiptNumber: expect.any(String) });
    expect(await ctx.outbox(Events.paymentSucceeded, payment.id)).toHaveLength(1);
    const [attempt] = await ctx.sut.db.query(
      `SELECT settled_by FROM "${ctx.sut.schema}".attempts WHERE txn_ref = $1`,
      [view.txnRef],
    );
    expect(attempt.settled_by).toBe('reconciliation');
    const [run] = await ctx.sut.db.query(
      `SELECT finished_at, succeeded FROM "${ctx.sut.schema}".reconciliation_runs WHERE id = $1`,
      [report.runId],
    );
    expect(run.finished_at).not.toBeNull();
    expect(run.succeeded).toBe(report.succeeded);
  });

  it('expires a payment nobody paid in its window: payment.expired and a new payment', async () => {
    const citizen = ctx.newCitizen();
    const payment = await ctx.openPayment(citizen);
    const view = await ctx.checkout(payment.id, citizen);
    await ctx.simulatorPage(view.paymentUrl); // seen at the provider, never paid

    // Within the window it stays (the provider says: not finished yet).
    await reconcile(new Date(Date.now() + 30 * 60_000));
    expect((await ctx.get(payment.id, citizen)).status).toBe('started');

    const report = await reconcile(new Date(Date.now() + 91 * 60_000));
    expect(report.expired).toBeGreaterThanOrEqual(1);
    const expired = await ctx.get(payment.id, citizen);
    expect(expired).toMatchObject({ status: 'expired', nextPaymentId: expect.any(String) });
    expect(await ctx.outbox(Events.paymentExpired, payment.id)).toEqual([
      expect.objectContaining({
        applicantId: citizen.accountId,
        dossierCode: payment.dossierCode,
        nextPaymentId: expired.nextPaymentId,
      }),
    ]);
    expect((await ctx.get(expired.nextPaymentId!, citizen)).status).toBe('created');
    expect(await problemOf(ctx.checkout(payment.id, citizen))).toMatchObject({
      status: 409,
      code: 'payment.expired',
    });
    // A late IPN for the expired attempt is answered and kept for refund, the payment stays expired.
    expect((await ctx.ipn(ctx.providerIpn(view, 135_000))).RspCode).toBe('02');
    expect((await ctx.get(payment.id, citizen)).status).toBe('expired');
    const [attempt] = await ctx.sut.db.query(
      `SELECT status, note FROM "${ctx.sut.schema}".attempts WHERE txn_ref = $1`,
      [view.txnRef],
    );
    expect(attempt).toEqual({ status: 'disputed', note: 'paid while the payment was expired' });
  });
});
