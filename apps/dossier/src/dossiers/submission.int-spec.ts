import { randomUUID } from 'node:crypto';
import { DossierRpc, DossierSummary, Events, Page, SubmitResult } from '@dvc/contracts';
import { problemOf, waitFor } from '@dvc/testing';
import {
  AGENCY,
  AGENCY_BULK,
  DossierTestContext,
  VALID_FORM,
  startDossierContext,
} from '../../test/dossier-context';
import { localDate } from '../calendar/working-calendar';

jest.setTimeout(60_000);

describe('dossier submission (nộp hồ sơ)', () => {
  let ctx: DossierTestContext;

  beforeAll(async () => {
    ctx = await startDossierContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  it('submits once under an Idempotency-Key: the replay answers the same code and lookup key', async () => {
    const citizen = ctx.newCitizen();
    const draft = await ctx.newCompleteDraft(citizen);
    const key = `submit-${randomUUID()}`;
    const submitted = await ctx.rpc<SubmitResult>(
      DossierRpc.submit,
      { dossierId: draft.id, idempotencyKey: key },
      citizen,
    );
    const again = await ctx.rpc<SubmitResult>(
      DossierRpc.submit,
      { dossierId: draft.id, idempotencyKey: key },
      citizen,
    );
    expect(again).toEqual(submitted);
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.lookupKey).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/);
    const view = await ctx.get(draft.id, citizen);
    const day = localDate(new Date(view.submittedAt!));
    // <agency>-<yyMMdd>-<the agency's counter for the day>
    const [counter] = await ctx.sut.db.query(
      `SELECT last FROM "${ctx.sut.schema}".code_counters WHERE agency_code = $1`,
      [AGENCY],
    );
    expect(submitted.code).toBe(
      `${AGENCY}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${String(counter.last).padStart(4, '0')}`,
    );
    expect(view).toMatchObject({ code: submitted.code, status: 'SUBMITTED' });
    expect(view.history.map((h) => h.to)).toEqual(['DRAFT', 'SUBMITTED']);
    const all = await ctx.rpc<Page<DossierSummary>>(DossierRpc.list, {}, citizen);
    expect(all.items.filter((d) => d.code === submitted.code)).toHaveLength(1);

    // the same key for another dossier, and a plain second submit
    const other = await ctx.newDraft(citizen);
    expect(
      await problemOf(
        ctx.rpc(DossierRpc.submit, { dossierId: other.id, idempotencyKey: key }, citizen),
      ),
    ).toMatchObject({ status: 409, code: 'idempotency.key_reused' });
    expect(
      await problemOf(ctx.rpc(DossierRpc.submit, { dossierId: draft.id }, citizen)),
    ).toMatchObject({
      status: 409,
      code: 'dossier.illegal_transition',
      currentStatus: 'SUBMITTED',
    });
  });

  it('replays concurrent submits under one Idempotency-Key as one submission', async () => {
    const citizen = ctx.newCitizen();
    const draft = await ctx.newCompleteDraft(citizen);
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        ctx.rpc<SubmitResult>(
          DossierRpc.submit,
          { dossierId: draft.id, idempotencyKey: key },
          citizen,
        ),
      ),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0].status).toBe('SUBMITTED');
    const [{ n }] = await ctx.sut.db.query(
      `SELECT count(*)::int AS n FROM "${ctx.sut.schema}".outbox WHERE type = $1 AND envelope->'data'->>'dossierId' = $2`,
      [Events.dossierSubmitted, draft.id],
    );
    expect(n).toBe(1);
  });

  it('gives 50 concurrent submissions of one agency 50 distinct consecutive codes', async () => {
    const citizen = ctx.newCitizen();
    const drafts = await Promise.all(
      Array.from({ length: 50 }, () => ctx.newDraft(citizen, '9.000005')),
    );
    await Promise.all(drafts.map((d) => ctx.attach(d.id, 'to-khai', citizen)));
    const results = await Promise.all(
      drafts.map((d) => ctx.rpc<SubmitResult>(DossierRpc.submit, { dossierId: d.id }, citizen)),
    );
    const codes = results.map((r) => r.code);
    expect(new Set(codes).size).toBe(50);
    const prefixes = new Set(codes.map((c) => c.slice(0, -5)));
    expect([...prefixes]).toEqual([
      expect.stringMatching(new RegExp(`^${AGENCY_BULK.replace(/\./g, '\\.')}-\\d{6}$`)),
    ]);
    expect(codes.map((c) => c.slice(-4)).sort()).toEqual(
      Array.from({ length: 50 }, (_, i) => String(i + 1).padStart(4, '0')),
    );
    const [counter] = await ctx.sut.db.query(
      `SELECT last FROM "${ctx.sut.schema}".code_counters WHERE agency_code = $1`,
      [AGENCY_BULK],
    );
    expect(counter.last).toBe(50);
  });

  it('puts dossier.submitted in the outbox for the portal, and a richer copy for the agency only', async () => {
    const citizen = ctx.newCitizen();
    const submitted = await ctx.newSubmittedDossier(citizen);
    const rows: { type: string; routing_keys: string[] }[] = await ctx.sut.db.query(
      `SELECT type, routing_keys FROM "${ctx.sut.schema}".outbox
        WHERE envelope->'data'->>'dossierId' = $1 OR envelope->'data'->>'dossierCode' = $2
        ORDER BY id`,
      [submitted.id, submitted.code],
    );
    expect(rows).toEqual([
      { type: 'dossier.submitted', routing_keys: ['dossier.submitted'] },
      {
        type: 'dossier.submitted',
        routing_keys: ['agency.T00_00_01_H99.dossier.submitted'],
      },
      { type: 'dossier.status_changed', routing_keys: ['dossier.status_changed'] },
      {
        type: 'dossier.status_changed',
        routing_keys: ['agency.T00_00_01_H99.dossier.status_changed'],
      },
    ]);
    const [portal] = await ctx.sut.db.query(
      `SELECT envelope->'data' AS data FROM "${ctx.sut.schema}".outbox
        WHERE type = 'dossier.submitted' AND envelope->'data'->>'dossierId' = $1`,
      [submitted.id],
    );
    expect(portal.data).not.toHaveProperty('formData');
    // The applicant's confirmation email gives the lookup key; the agency's copy never has it.
    expect(portal.data.lookupKey).toBe(submitted.lookupKey);

    const received = await waitFor(
      () =>
        ctx.agencyEvents.find(
          (e) => e.type === Events.dossierSubmitted && e.data.dossierCode === submitted.code,
        ),
      { what: 'dossier.submitted on the agency routing key' },
    );
    const view = await ctx.get(submitted.id, citizen);
    const attached = view.components.flatMap((c) => c.attachments);
    expect(received.data).toEqual({
      dossierCode: submitted.code,
      agencyCode: AGENCY,
      procedure: {
        code: view.procedure.code,
        name: view.procedure.name,
        caseId: view.caseId,
        caseName: expect.any(String),
      },
      status: 'SUBMITTED',
      statusCode: 1,
      at: expect.any(String),
      submittedAt: view.submittedAt,
      receivedAt: null,
      dueAt: null,
      receiptNumber: null,
      deliveryMethod: view.deliveryMethod,
      formData: VALID_FORM,
      files: attached.map((a) => ({
        componentId: a.componentId,
        fileId: a.fileId,
        fileName: a.fileName,
        size: a.size,
        sha256: a.sha256,
      })),
      results: [],
    });
    // Never an account id, nobody's personal profile but what the form says.
    expect(JSON.stringify(received.data)).not.toContain(citizen.accountId);
    expect(JSON.stringify(received.data)).not.toContain(submitted.id);
  });

  it("shows the lookup key again on the applicant's dossier, never to the officer", async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer();
    const draft = await ctx.newCompleteDraft(citizen);
    expect((await ctx.get(draft.id, citizen)).lookupKey).toBeNull();
    const submitted = await ctx.rpc<SubmitResult>(
      DossierRpc.submit,
      { dossierId: draft.id },
      citizen,
    );
    expect((await ctx.get(draft.id, citizen)).lookupKey).toBe(submitted.lookupKey);
    const received = await ctx.act(draft.id, 'receive', officer);
    expect(received.lookupKey).toBeNull();
    expect(JSON.stringify(received)).not.toContain(submitted.lookupKey);
  });

  it('keeps the status history append-only', async () => {
    const { submitted } = await ctx.newReturnedDossier(ctx.newCitizen(), ctx.newOfficer());
    const { id } = submitted;
    await expect(
      ctx.sut.db.query(
        `UPDATE "${ctx.sut.schema}".status_history SET note = 'sửa' WHERE dossier_id = $1`,
        [id],
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      ctx.sut.db.query(`DELETE FROM "${ctx.sut.schema}".status_history WHERE dossier_id = $1`, [
        id,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      ctx.sut.db.query(`TRUNCATE "${ctx.sut.schema}".status_history CASCADE`),
    ).rejects.toThrow(/append-only/);
    const [{ count }] = await ctx.sut.db.query(
      `SELECT count(*)::int AS count FROM "${ctx.sut.schema}".status_history WHERE dossier_id = $1`,
      [id],
    );
    expect(count).toBe(8);
  });
});
