import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { Events, Page, PaymentMethodView, PaymentRpc, PaymentView } from '@dvc/contracts';
import { problemOf, waitFor } from '@dvc/testing';
import { AGENCY, PaymentTestContext, startPaymentContext } from '../../test/payment-context';
import { RECONCILE_JOB, RECONCILE_QUEUE } from '../reconciliation/reconciliation.processor';

jest.setTimeout(60_000);

/** Payments made from the dossier service's requests, and ended when the dossier moves on. */
describe('payment requests', () => {
  let ctx: PaymentTestContext;

  beforeAll(async () => {
    ctx = await startPaymentContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  it('answers ping and lists the payment methods', async () => {
    expect(await ctx.rpc(PaymentRpc.ping, {}, null)).toEqual({ ok: true });
    const methods = await ctx.rpc<PaymentMethodView[]>(PaymentRpc.listMethods, {}, null);
    expect(methods.map((m) => m.id)).toEqual(['vnpay-qr', 'domestic-card', 'international-card']);
    expect(methods[0].name).toContain('VNPAY QR');
  });

  it('schedules the reconciliation as a repeatable job', async () => {
    const queue = ctx.app.get<Queue>(getQueueToken(RECONCILE_QUEUE));
    const jobs = await waitFor(async () => {
      const repeatable = await queue.getRepeatableJobs();
      return repeatable.length > 0 && repeatable;
    });
    expect(jobs).toEqual([expect.objectContaining({ name: RECONCILE_JOB, every: 3_600_000 })]);
  });

  it('creates one payment per dossier request, even when the event comes again', async () => {
    const citizen = ctx.newCitizen();
    const stranger = ctx.newCitizen('Trần Văn Lạ');
    const request = ctx.paymentRequired(citizen);
    const first = ctx.publish(Events.dossierPaymentRequired, request);
    ctx.publish(Events.dossierPaymentRequired, request, first.id); // redelivered
    const republished = ctx.publish(Events.dossierPaymentRequired, request); // under a new id
    await waitFor(
      async () => {
        const [{ n }] = await ctx.sut.db.query(
          `SELECT count(*)::int AS n FROM "${ctx.sut.schema}".inbox WHERE consumer = 'payment.events'
             AND message_id = ANY($1)`,
          [[first.id, republished.id]],
        );
        return n >= 2;
      },
      { what: 'both messages processed' },
    );
    const payments = await ctx.paymentsOfDossier(request.dossierId, citizen);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      dossierCode: request.code,
      procedureName: request.procedureName,
      agencyCode: AGENCY,
      amount: 135_000,
      description: request.description,
      status: 'created',
      expiresAt: null,
      receiptNumber: null,
      retryOf: null,
    });
    const created = await ctx.outbox(Events.paymentCreated, payments[0].id);
    expect(created).toEqual([
      expect.objectContaining({
        applicantId: citizen.accountId,
        dossierCode: request.code,
        amount: 135_000,
      }),
    ]);
    // Filtered by status; nobody else sees it.
    const open = await ctx.rpc<Page<PaymentView>>(PaymentRpc.list, { status: 'created' }, citizen);
    expect(open.items.map((p) => p.id)).toContain(payments[0].id);
    const paid = await ctx.rpc<Page<PaymentView>>(PaymentRpc.list, { status: 'success' }, citizen);
    expect(paid.items.map((p) => p.id)).not.toContain(payments[0].id);
    expect(await ctx.paymentsOfDossier(request.dossierId, stranger)).toEqual([]);
    expect((await problemOf(ctx.get(payments[0].id, stranger))).status).toBe(404);
  });

  it('refuses a checkout without the commitment, of someone else, or with an unknown method', async () => {
    const citizen = ctx.newCitizen();
    const stranger = ctx.newCitizen('Trần Văn Lạ');
    const payment = await ctx.openPayment(citizen);
    const without = await problemOf(
      ctx.rpc(PaymentRpc.checkout, { paymentId: payment.id, method: 'vnpay-qr' }, citizen),
    );
    expect(without).toMatchObject({ status: 400, code: 'payment.commitment_required' });
    const refused = await problemOf(
      ctx.rpc(
        PaymentRpc.checkout,
        { paymentId: payment.id, method: 'vnpay-qr', commitment: false },
        citizen,
      ),
    );
    expect(refused.code).toBe('payment.commitment_required');
    expect((await problemOf(ctx.checkout(payment.id, stranger))).status).toBe(404);
    expect((await problemOf(ctx.checkout(payment.id, citizen, 'tien-mat'))).status).toBe(400);
    expect((await problemOf(ctx.checkout(randomUUID(), citizen))).status).toBe(404);
    expect((await problemOf(ctx.rpc(PaymentRpc.checkout, { paymentId: 'x' }, null))).status).toBe(
      400,
    );
    expect((await ctx.get(payment.id, citizen)).status).toBe('created');
  });

  it('ends the open payment of a dossier that no longer waits for its fee', async () => {
    const citizen = ctx.newCitizen();
    const payment = await ctx.openPayment(citizen);
    ctx.publish(Events.dossierStatusChanged, {
      dossierId: payment.dossierId,
      code: payment.dossierCode,
      from: 'PAYMENT_REQUIRED',
      status: 'WITHDRAWAL_REQUESTED',
      action: 'withdraw',
    });
    await waitFor(async () => (await ctx.get(payment.id, citizen)).status === 'cancelled', {
      what: 'the payment cancelled',
    });
    expect(await ctx.outbox(Events.paymentFailed, payment.id)).toEqual([
      expect.objectContaining({
        status: 'cancelled',
        reason: 'dossier_changed',
        nextPaymentId: null,
      }),
    ]);
  });

  it('a newer request of the dossier replaces its open payment; an older one arriving late is ignored', async () => {
    const citizen = ctx.newCitizen();
    const first = ctx.paymentRequired(citizen, { at: new Date(Date.now() - 60_000).toISOString() });
    const older = await ctx.openPayment(citizen, first);
    const newer = ctx.paymentRequired(citizen, {
      dossierId: first.dossierId,
      code: first.code,
      amount: 200_000,
      at: new Date().toISOString(),
    });
    ctx.publish(Events.dossierPaymentRequired, newer);
    const replaced = await waitFor(
      async () => {
        const all = await ctx.paymentsOfDossier(first.dossierId, citizen);
        return all.length === 2 && all;
      },
      { what: 'the payment of the newer request' },
    );
    expect(replaced.find((p) => p.id === older.id)).toMatchObject({ status: 'cancelled' });
    expect(replaced.find((p) => p.id !== older.id)).toMatchObject({
      status: 'created',
      amount: 200_000,
    });
    expect(await ctx.outbox(Events.paymentFailed, older.id)).toEqual([
      expect.objectContaining({ status: 'cancelled', reason: 'superseded' }),
    ]);
    // The first request again, as a late retry would bring it under a new message id.
    const late = ctx.publish(Events.dossierPaymentRequired, {
      ...first,
      at: new Date(Date.now() - 30_000).toISOString(),
    });
    await waitFor(
      async () =>
        (
          await ctx.sut.db.query(`SELECT 1 FROM "${ctx.sut.schema}".inbox WHERE message_id = $1`, [
            late.id,
          ])
        ).length === 1,
      { what: 'the late request processed' },
    );
    expect(await ctx.paymentsOfDossier(first.dossierId, citizen)).toHaveLength(2);
  });

  it('dead-letters a payment request it cannot read, after retries', async () => {
    const dlq = await ctx.events.checkQueue('payment.events.dlq');
    ctx.publish(Events.dossierPaymentRequired, {
      ...ctx.paymentRequired(ctx.newCitizen()),
      amount: -5,
    });
    await waitFor(
      async () =>
        (await ctx.events.checkQueue('payment.events.dlq')).messageCount === dlq.messageCount + 1,
      { what: 'the malformed request in the DLQ', timeoutMs: 20_000 },
    );
  });
});
