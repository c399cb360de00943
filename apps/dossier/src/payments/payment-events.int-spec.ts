import { randomUUID } from 'node:crypto';
import { DossierRpc, Events, SubmitResult } from '@dvc/contracts';
import { problemOf, waitFor } from '@dvc/testing';
import {
  AGENCY,
  DossierTestContext,
  eventOf,
  startDossierContext,
} from '../../test/dossier-context';

jest.setTimeout(60_000);

describe('fees: payment requests out, payment.succeeded in', () => {
  let ctx: DossierTestContext;

  beforeAll(async () => {
    ctx = await startDossierContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  it('requests a fee and moves on when payment.succeeded arrives', async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer();
    const { id } = await ctx.newReceivedDossier(citizen, officer);
    expect((await problemOf(ctx.act(id, 'request-payment', officer))).code).toBe(
      'dossier.amount_required',
    );
    const waiting = await ctx.act(id, 'request-payment', officer, { amount: 50_000 });
    expect(waiting).toMatchObject({
      status: 'PAYMENT_REQUIRED',
      paymentAmount: 50_000,
      dueAt: null,
    });
    const [event] = await ctx.sut.db.query(
      `SELECT routing_keys, envelope->'data' AS data FROM "${ctx.sut.schema}".outbox
        WHERE type = $1 AND envelope->'data'->>'dossierId' = $2`,
      [Events.dossierPaymentRequired, id],
    );
    expect(event.routing_keys).toEqual(['dossier.payment_required']);
    expect(event.data).toMatchObject({ amount: 50_000, atSubmission: false });
    const [agencyCopy] = await ctx.sut.db.query(
      `SELECT routing_keys, envelope->'data' AS data FROM "${ctx.sut.schema}".outbox
        WHERE type = $1 AND envelope->'data'->>'dossierCode' = $2`,
      [Events.dossierPaymentRequired, waiting.code],
    );
    expect(agencyCopy.routing_keys).toEqual(['agency.T00_00_01_H99.dossier.payment_required']);
    expect(agencyCopy.data).toMatchObject({
      amount: 50_000,
      atSubmission: false,
      status: 'PAYMENT_REQUIRED',
    });

    const envelope = eventOf(Events.paymentSucceeded, {
      paymentId: randomUUID(),
      dossierId: id,
      amount: 50_000,
    });
    ctx.publishEvent(envelope);
    const processing = await waitFor(
      async () => {
        const view = await ctx.get(id, citizen);
        return view.status === 'PROCESSING' && view;
      },
      { what: 'payment.succeeded applied' },
    );
    expect(processing.dueAt).not.toBeNull();
    expect(processing.history.at(-1)).toMatchObject({
      from: 'PAYMENT_REQUIRED',
      to: 'PROCESSING',
      byRole: 'system',
    });
    // a redelivery changes nothing
    ctx.publishEvent(envelope);
    await waitFor(
      async () => {
        const [row] = await ctx.sut.db.query(
          `SELECT count(*)::int AS n FROM "${ctx.sut.schema}".inbox WHERE message_id = $1`,
          [envelope.id],
        );
        return row.n === 1;
      },
      { what: 'inbox row' },
    );
    expect((await ctx.get(id, citizen)).history).toHaveLength(processing.history.length);
  });

  it('takes the fee first when the procedure wants it at submission, then submits on payment', async () => {
    const citizen = ctx.newCitizen();
    const draft = await ctx.newDraft(citizen, '9.000006');
    await ctx.attach(draft.id, 'don', citizen);
    const result = await ctx.rpc<SubmitResult>(DossierRpc.submit, { dossierId: draft.id }, citizen);
    expect(result.status).toBe('PAYMENT_REQUIRED');
    expect(result.code).toMatch(new RegExp(`^${AGENCY.replace(/\./g, '\\.')}-\\d{6}-\\d{4}$`));
    expect(await ctx.get(draft.id, citizen)).toMatchObject({
      status: 'PAYMENT_REQUIRED',
      paymentAmount: 135_000,
      dueAt: null,
    });
    const outboxTypes = async (): Promise<string[]> =>
      (
        await ctx.sut.db.query(
          `SELECT type FROM "${ctx.sut.schema}".outbox WHERE envelope->'data'->>'dossierId' = $1 ORDER BY id`,
          [draft.id],
        )
      ).map((r: { type: string }) => r.type);
    expect(await outboxTypes()).toEqual(['dossier.status_changed', 'dossier.payment_required']);
    const [{ data }] = await ctx.sut.db.query(
      `SELECT envelope->'data' AS data FROM "${ctx.sut.schema}".outbox WHERE type = $1 AND envelope->'data'->>'dossierId' = $2`,
      [Events.dossierPaymentRequired, draft.id],
    );
    expect(data).toMatchObject({ amount: 135_000, atSubmission: true, code: result.code });

    ctx.publishEvent(
      eventOf(Events.paymentSucceeded, {
        paymentId: randomUUID(),
        dossierId: draft.id,
        amount: 135_000,
      }),
    );
    const submitted = await waitFor(
      async () => {
        const view = await ctx.get(draft.id, citizen);
        return view.status === 'SUBMITTED' && view;
      },
      { what: 'paid at submission' },
    );
    expect(submitted.history.map((h) => h.to)).toEqual(['DRAFT', 'PAYMENT_REQUIRED', 'SUBMITTED']);
    expect(await outboxTypes()).toEqual([
      'dossier.status_changed',
      'dossier.payment_required',
      'dossier.submitted',
      'dossier.status_changed',
    ]);
  });
});
