import { PaymentTestContext, startPaymentContext } from '../../test/payment-context';
import { ReconciliationService } from '../reconciliation/reconciliation.service';

jest.setTimeout(60_000);

const UNSIGNED_PER_MINUTE = 5;
const UNSIGNED_MAX_CHARS = 200;

/** An IPN whose signature does not check is anyone's: kept short, few and briefly. */
describe('unsigned IPNs', () => {
  let ctx: PaymentTestContext;

  beforeAll(async () => {
    ctx = await startPaymentContext({
      UNSIGNED_IPN_PER_MINUTE: String(UNSIGNED_PER_MINUTE),
      UNSIGNED_IPN_MAX_CHARS: String(UNSIGNED_MAX_CHARS),
    });
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  const count = async (signed: boolean): Promise<number> =>
    (
      await ctx.sut.db.query(
        `SELECT count(*)::int AS n FROM "${ctx.sut.schema}".provider_callbacks
          WHERE signature_valid = $1`,
        [signed],
      )
    )[0].n;

  it('keeps unsigned IPNs short, few a minute, and for a day only; signed ones for ever', async () => {
    // A signed IPN, the provider's word, for comparison.
    const citizen = ctx.newCitizen();
    const payment = await ctx.openPayment(citizen);
    const view = await ctx.checkout(payment.id, citizen);
    expect((await ctx.ipn(ctx.providerIpn(view, payment.amount))).RspCode).toBe('00');

    const flood = `vnp_TxnRef=${'9'.repeat(500)}&vnp_SecureHash=00&junk=${'x'.repeat(10_000)}`;
    for (let i = 0; i < UNSIGNED_PER_MINUTE + 4; i++) {
      expect((await ctx.ipn(flood)).RspCode).toBe('97');
    }
    const kept: { raw_query: string; params: object }[] = await ctx.sut.db.query(
      `SELECT raw_query, params FROM "${ctx.sut.schema}".provider_callbacks
        WHERE NOT signature_valid AND received_at > now() - interval '1 minute'`,
    );
    expect(kept).toHaveLength(UNSIGNED_PER_MINUTE);
    for (const row of kept) {
      expect(row.raw_query.length).toBeLessThanOrEqual(UNSIGNED_MAX_CHARS);
      expect(row.params).toEqual({});
    }
    const signedBefore = await count(true);
    expect(signedBefore).toBeGreaterThan(0);

    // The reconciliation job, a day later, deletes the unsigned ones and only those.
    await ctx.app.get(ReconciliationService).run(new Date(Date.now() + 25 * 3_600_000));
    expect(await count(false)).toBe(0);
    expect(await count(true)).toBe(signedBefore);
    await expect(
      ctx.sut.db.query(`DELETE FROM "${ctx.sut.schema}".provider_callbacks WHERE signature_valid`),
    ).rejects.toThrow(/append-only/);
  });
});
