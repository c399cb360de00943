import { INestApplication } from '@nestjs/common';
import amqplib from 'amqplib';
import { randomUUID } from 'node:crypto';
import {
  AttachmentView,
  Caller,
  CatalogueRpc,
  DomainError,
  DossierRpc,
  DossierSummary,
  DossierView,
  EVENTS_EXCHANGE,
  EventEnvelope,
  Events,
  FileAuthorizationView,
  IdentityRpc,
  OfficerDossierSummary,
  OfficerDossierView,
  Page,
  PersonalDocumentView,
  ProblemShape,
  ProfileView,
  PublicLookupView,
  ResultFileView,
  RpcQueues,
  StorageRpc,
  StoredFileView,
  SubmitResult,
  UploadQuotaView,
} from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import type { RpcClient } from '@dvc/messaging';
import { FakeRpcService, ServiceUnderTest, isolatedService, notFound, waitFor } from '@dvc/testing';
import { AGENCY, AGENCY_BULK, HOLIDAYS, OTHER_AGENCY, PROCEDURES } from '../test/fixtures';
import { migrateDossier, startDossier } from './app';
import { WorkingCalendar, localDate } from './calendar/working-calendar';
import { DossierConfig } from './dossier.config';

jest.setTimeout(60_000);

const MAX_DOSSIER_BYTES = 1_000_000;
const LOOKUP_FAILURES = 5;

const citizen: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };
const stranger: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };
const officer: Caller = {
  accountId: randomUUID(),
  roles: ['officer'],
  agencies: [AGENCY, AGENCY_BULK],
};
const otherOfficer: Caller = {
  accountId: randomUUID(),
  roles: ['officer'],
  agencies: [OTHER_AGENCY],
};

const PROFILES: Record<string, Partial<ProfileView>> = {
  [citizen.accountId]: {
    fullName: 'Nguyễn Thị Bình',
    email: 'binh@example.vn',
    phone: '0912345678',
    idNumber: '001099012345',
  },
  [stranger.accountId]: {
    fullName: 'Trần Văn Lạ',
    email: 'la@example.vn',
    phone: null,
    idNumber: null,
  },
};

/**
 * The dossier service in-process against the real Postgres (own schema), RabbitMQ (own
 * vhost) and Redis (own prefix), driven through its RPC queue like the gateway drives it.
 * Catalogue, identity and document-storage are fakes answering on their own RPC queues.
 */
describe('dossier service', () => {
  const calendar = new WorkingCalendar(HOLIDAYS);
  let sut: ServiceUnderTest;
  let app: INestApplication;
  let client: RpcClient;
  let catalogue: FakeRpcService;
  let identity: FakeRpcService;
  let storage: FakeRpcService;
  let amqp: amqplib.ChannelModel;
  let events: amqplib.Channel;
  let agencyEvents: EventEnvelope<Record<string, unknown> & { dossierCode: string }>[];

  /** document-storage's metadata, as the fake keeps it. */
  const files = new Map<string, StoredFileView>();
  const documents = new Map<string, PersonalDocumentView & { ownerId: string }>();
  const claimed = new Set<string>();

  beforeAll(async () => {
    sut = await isolatedService('dossier');
    catalogue = (await FakeRpcService.start(sut.amqpUrl, RpcQueues.catalogue))
      .on(CatalogueRpc.getProcedure, (req) => {
        const found = PROCEDURES.find((p) => p.code === req.data.code);
        return found ? { response: found } : notFound('procedure.not_found');
      })
      .on(CatalogueRpc.listHolidays, () => ({ response: HOLIDAYS }));
    identity = (await FakeRpcService.start(sut.amqpUrl, RpcQueues.identity)).on(
      IdentityRpc.getProfile,
      (req) => {
        const id = req.caller!.accountId;
        return {
          response: { id, roles: ['citizen'], agencies: [], status: 'active', ...PROFILES[id] },
        };
      },
    );
    storage = (await FakeRpcService.start(sut.amqpUrl, RpcQueues.storage))
      .on(StorageRpc.getFile, (req) => {
        const file = files.get(req.data.fileId as string);
        return file ? { response: file } : notFound('file.not_found');
      })
      .on(StorageRpc.getDocument, (req) => {
        const doc = documents.get(req.data.documentId as string);
        return doc && doc.ownerId === req.caller?.accountId
          ? { response: doc }
          : notFound('document.not_found');
      })
      .on(StorageRpc.copyFile, (req) => {
        const source = files.get(req.data.fileId as string)!;
        const copy = storeFile(req.caller!, 'attachment', source.size, source.fileName);
        return { response: copy };
      })
      .on(StorageRpc.claimFiles, (req) => {
        for (const id of req.data.fileIds as string[]) claimed.add(id);
        return { response: { claimed: (req.data.fileIds as string[]).length } };
      })
      .on(StorageRpc.deleteFile, (req) => {
        const file = files.get(req.data.fileId as string);
        if (file) file.status = 'deleted';
        return { response: { deleted: true } };
      });

    const config = loadConfig(DossierConfig, {
      ...sut.env,
      RPC_TIMEOUT_MS: '15000',
      MAX_DOSSIER_BYTES: String(MAX_DOSSIER_BYTES),
      LOOKUP_FAILURES_PER_WINDOW: String(LOOKUP_FAILURES),
    });
    await migrateDossier(config);

    // What an agency's own system bound to `agency.<code>.#` receives.
    agencyEvents = await sut.captureEvents(`agency.${AGENCY.replace(/\./g, '_')}.#`);
    // Events other services publish, as their outbox relays would.
    amqp = await amqplib.connect(sut.amqpUrl);
    events = await amqp.createChannel();
    await events.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });

    app = await startDossier(config);
    client = await sut.rpcClient('dossier', RpcQueues.dossier, 30_000);
  }, 120_000);

  afterAll(() => sut?.cleanup(app, catalogue, identity, storage, amqp), 60_000);

  // ---- helpers -------------------------------------------------------------------------

  function rpc<T>(pattern: string, data: unknown, caller: Caller | null, ip?: string): Promise<T> {
    return client.send<T>(pattern, { caller, correlationId: randomUUID(), ip, data });
  }

  async function problemOf(call: Promise<unknown>): Promise<ProblemShape> {
    const outcome = await call.then(
      () => new Error('expected the call to fail'),
      (err: unknown) => err,
    );
    if (outcome instanceof DomainError) return outcome.toProblem();
    throw outcome;
  }

  function storeFile(
    owner: Caller,
    purpose: StoredFileView['purpose'],
    size = 1000,
    fileName = 'tep.pdf',
  ) {
    const file: StoredFileView = {
      id: randomUUID(),
      ownerId: owner.accountId,
      purpose,
      fileName,
      contentType: 'application/pdf',
      size,
      sha256: 'ab'.repeat(32),
      status: 'clean',
      createdAt: new Date().toISOString(),
    };
    files.set(file.id, file);
    return file;
  }

  const validForm = { hoTen: 'Nguyễn Văn An', ngaySinh: '2026-01-15', gioiTinh: 'Nam' };
  const createDraft = (procedureCode = '9.000004', who = citizen) =>
    rpc<DossierView>(DossierRpc.create, { procedureCode }, who);
  const get = (dossierId: string, who = citizen) =>
    rpc<DossierView>(DossierRpc.get, { dossierId }, who);
  const attach = (dossierId: string, componentId: string, who = citizen, size = 1000) =>
    rpc<AttachmentView>(
      DossierRpc.addAttachment,
      { dossierId, componentId, fileId: storeFile(who, 'attachment', size).id },
      who,
    );
  const act = (
    dossierId: string,
    action: string,
    extra: Record<string, unknown> = {},
    who = officer,
  ) => rpc<OfficerDossierView>(DossierRpc.officerAction, { dossierId, action, ...extra }, who);

  /** A complete dossier of 9.000004, submitted. */
  async function submittedDossier(): Promise<SubmitResult> {
    const draft = await createDraft();
    await rpc(DossierRpc.update, { dossierId: draft.id, formData: validForm }, citizen);
    await attach(draft.id, 'to-khai');
    await attach(draft.id, 'giay-chung-sinh');
    return rpc<SubmitResult>(DossierRpc.submit, { dossierId: draft.id }, citizen);
  }

  // ---- the journey -----------------------------------------------------------------------

  it('answers ping', async () => {
    expect(await rpc(DossierRpc.ping, {}, null)).toEqual({ ok: true });
  });

  it('refuses a draft for a level-2 procedure, pointing to the desk, the post and the forms', async () => {
    const problem = await problemOf(createDraft('9.000002'));
    expect(problem).toMatchObject({
      status: 409,
      code: 'dossier.offline_only',
      level: 2,
      forms: [
        {
          name: 'Tờ khai đăng ký khai tử',
          downloadUrl: '/api/v1/procedures/9.000002/forms/to-khai-khai-tu',
        },
      ],
    });
    expect(problem.detail).toContain('trực tiếp');
    expect(problem.detail).toContain('bưu chính');
    expect(problem.detail).toContain('/api/v1/procedures/9.000002/forms/to-khai-khai-tu');
    expect((await problemOf(createDraft('9.999999'))).code).toBe('procedure.not_found');
    expect((await problemOf(createDraft('not-a-code'))).status).toBe(400);
    expect(
      (await problemOf(rpc(DossierRpc.create, { procedureCode: '9.000004' }, null))).status,
    ).toBe(401);
  });

  describe('one dossier from draft to result', () => {
    let draft: DossierView;
    let submitted: SubmitResult;

    it('creates a draft with the component slots of the procedure case', async () => {
      draft = await createDraft();
      expect(draft).toMatchObject({
        code: null,
        status: 'DRAFT',
        statusCode: 0,
        procedure: { code: '9.000004', level: 4 },
        caseId: 'mac-dinh',
        agency: { code: AGENCY },
        deliveryMethod: 'online',
        formData: {},
        dueAt: null,
        overdue: false,
      });
      expect(draft.components.map((c) => [c.componentId, c.required])).toEqual([
        ['to-khai', true],
        ['giay-chung-sinh', true],
        ['giay-uy-quyen', false],
      ]);
      expect(draft.history).toEqual([
        expect.objectContaining({ from: null, to: 'DRAFT', byRole: 'citizen' }),
      ]);
      const mine = await rpc<Page<DossierSummary>>(DossierRpc.list, { status: 'DRAFT' }, citizen);
      expect(mine.items.map((d) => d.id)).toContain(draft.id);
    });

    it('refuses wrong form data field by field in Vietnamese, then saves a valid partial form', async () => {
      const problem = await problemOf(
        rpc(
          DossierRpc.update,
          { dossierId: draft.id, formData: { ngaySinh: '15/01/2026', gioiTinh: 'X' } },
          citizen,
        ),
      );
      expect(problem).toMatchObject({ status: 422, code: 'dossier.form_invalid' });
      expect(problem.errors).toHaveLength(2);
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          {
            field: '/ngaySinh',
            message:
              'Ngày, tháng, năm sinh: ngày không hợp lệ, nhập theo dạng YYYY-MM-DD (ví dụ 2026-01-31)',
          },
          { field: '/gioiTinh', message: 'Giới tính: phải là một trong các giá trị: Nam, Nữ' },
        ]),
      );
      expect((await get(draft.id)).formData).toEqual({});

      const partial = await rpc<DossierView>(
        DossierRpc.update,
        { dossierId: draft.id, formData: { ngaySinh: '2026-01-15' } },
        citizen,
      );
      expect(partial.formData).toEqual({ ngaySinh: '2026-01-15' });
      expect(
        (await problemOf(rpc(DossierRpc.update, { dossierId: draft.id, colour: 'red' }, citizen)))
          .status,
      ).toBe(400);
    });

    it('refuses to submit while the form or required components are missing, listing all of it', async () => {
      const problem = await problemOf(rpc(DossierRpc.submit, { dossierId: draft.id }, citizen));
      expect(problem).toMatchObject({ status: 422, code: 'dossier.incomplete' });
      expect(problem.errors?.map((e) => e.field)).toEqual([
        '/hoTen',
        '/gioiTinh',
        'components/to-khai',
        'components/giay-chung-sinh',
      ]);
      await rpc(DossierRpc.update, { dossierId: draft.id, formData: validForm }, citizen);
      const stillMissing = await problemOf(
        rpc(DossierRpc.submit, { dossierId: draft.id }, citizen),
      );
      expect(stillMissing.errors?.map((e) => e.field)).toEqual([
        'components/to-khai',
        'components/giay-chung-sinh',
      ]);
    });

    it('attaches uploaded files within the quota, only the caller’s own clean attachment files', async () => {
      expect(
        await rpc<UploadQuotaView>(
          DossierRpc.prepareAttachment,
          { dossierId: draft.id, componentId: 'to-khai' },
          citizen,
        ),
      ).toEqual({ remainingBytes: MAX_DOSSIER_BYTES, maxBytes: MAX_DOSSIER_BYTES });
      const attached = await attach(draft.id, 'to-khai', citizen, 400_000);
      expect(attached).toMatchObject({
        componentId: 'to-khai',
        size: 400_000,
        source: 'upload',
        supplement: false,
      });
      expect(claimed.has(attached.fileId)).toBe(true);
      expect(
        await rpc<UploadQuotaView>(
          DossierRpc.prepareAttachment,
          { dossierId: draft.id, componentId: 'to-khai' },
          citizen,
        ),
      ).toMatchObject({ remainingBytes: MAX_DOSSIER_BYTES - 400_000 });

      // over the dossier quota
      const tooBig = await problemOf(
        attach(draft.id, 'giay-chung-sinh', citizen, MAX_DOSSIER_BYTES - 399_999),
      );
      expect(tooBig).toMatchObject({ status: 413, code: 'dossier.quota_exceeded' });
      // someone else's file, a result file, an unknown component
      const strangersFile = storeFile(stranger, 'attachment');
      expect(
        (
          await problemOf(
            rpc(
              DossierRpc.addAttachment,
              { dossierId: draft.id, componentId: 'to-khai', fileId: strangersFile.id },
              citizen,
            ),
          )
        ).code,
      ).toBe('file.not_found');
      const resultFile = storeFile(citizen, 'result');
      expect(
        (
          await problemOf(
            rpc(
              DossierRpc.addAttachment,
              { dossierId: draft.id, componentId: 'to-khai', fileId: resultFile.id },
              citizen,
            ),
          )
        ).status,
      ).toBe(422);
      expect((await problemOf(attach(draft.id, 'khong-co', citizen))).code).toBe(
        'dossier.component_unknown',
      );
      // and nobody else's dossier
      expect((await problemOf(attach(draft.id, 'to-khai', stranger))).code).toBe(
        'dossier.not_found',
      );
    });

    it('attaches a wallet document as a copy, and removes an attachment from the draft', async () => {
      const original = storeFile(citizen, 'wallet', 2000, 'giay-chung-sinh.pdf');
      const document: PersonalDocumentView & { ownerId: string } = {
        id: randomUUID(),
        fileId: original.id,
        ownerId: citizen.accountId,
        type: 'birth-certificate',
        title: 'Giấy chứng sinh',
        number: null,
        issuedAt: null,
        file: {
          fileName: original.fileName,
          contentType: original.contentType,
          size: 2000,
          sha256: original.sha256,
        },
        createdAt: new Date().toISOString(),
      };
      documents.set(document.id, document);
      const fromWallet = await rpc<AttachmentView>(
        DossierRpc.attachFromDocument,
        { dossierId: draft.id, componentId: 'giay-chung-sinh', documentId: document.id },
        citizen,
      );
      expect(fromWallet).toMatchObject({
        source: 'wallet',
        size: 2000,
        fileName: 'giay-chung-sinh.pdf',
      });
      expect(fromWallet.fileId).not.toBe(original.id);
      expect(files.get(fromWallet.fileId)?.purpose).toBe('attachment');
      expect(
        (
          await problemOf(
            rpc(
              DossierRpc.attachFromDocument,
              { dossierId: draft.id, componentId: 'giay-chung-sinh', documentId: document.id },
              stranger,
            ),
          )
        ).code,
      ).toBe('dossier.not_found');

      const extra = await attach(draft.id, 'giay-uy-quyen');
      expect(
        await rpc(
          DossierRpc.removeAttachment,
          { dossierId: draft.id, attachmentId: extra.id },
          citizen,
        ),
      ).toEqual({ removed: true });
      expect(files.get(extra.fileId)?.status).toBe('deleted');
      const slots = (await get(draft.id)).components;
      expect(slots.find((c) => c.componentId === 'giay-uy-quyen')?.attachments).toEqual([]);
      expect(slots.find((c) => c.componentId === 'giay-chung-sinh')?.attachments).toHaveLength(1);
    });

    it('submits once under an Idempotency-Key: the replay answers the same code and lookup key', async () => {
      const key = `submit-${randomUUID()}`;
      submitted = await rpc<SubmitResult>(
        DossierRpc.submit,
        { dossierId: draft.id, idempotencyKey: key },
        citizen,
      );
      const again = await rpc<SubmitResult>(
        DossierRpc.submit,
        { dossierId: draft.id, idempotencyKey: key },
        citizen,
      );
      expect(again).toEqual(submitted);
      expect(submitted.status).toBe('SUBMITTED');
      expect(submitted.lookupKey).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/);
      const view = await get(draft.id);
      const day = localDate(new Date(view.submittedAt!));
      expect(submitted.code).toBe(
        `${AGENCY}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-0001`,
      );
      expect(view).toMatchObject({ code: submitted.code, status: 'SUBMITTED' });
      expect(view.history.map((h) => h.to)).toEqual(['DRAFT', 'SUBMITTED']);
      const all = await rpc<Page<DossierSummary>>(DossierRpc.list, {}, citizen);
      expect(all.items.filter((d) => d.code === submitted.code)).toHaveLength(1);

      // the same key for another dossier, and a plain second submit
      const other = await createDraft();
      expect(
        await problemOf(
          rpc(DossierRpc.submit, { dossierId: other.id, idempotencyKey: key }, citizen),
        ),
      ).toMatchObject({ status: 409, code: 'idempotency.key_reused' });
      expect(
        await problemOf(rpc(DossierRpc.submit, { dossierId: draft.id }, citizen)),
      ).toMatchObject({
        status: 409,
        code: 'dossier.illegal_transition',
        currentStatus: 'SUBMITTED',
      });
      // nothing to edit any more
      expect((await problemOf(attach(draft.id, 'giay-uy-quyen'))).code).toBe(
        'dossier.not_editable',
      );
    });

    it('puts dossier.submitted in the outbox for the portal, and a richer copy for the agency only', async () => {
      const rows: { type: string; routing_keys: string[] }[] = await sut.db.query(
        `SELECT type, routing_keys FROM "${sut.schema}".outbox
          WHERE envelope->'data'->>'dossierId' = $1 OR envelope->'data'->>'dossierCode' = $2
          ORDER BY id`,
        [draft.id, submitted.code],
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
      const [portal] = await sut.db.query(
        `SELECT envelope->'data' AS data FROM "${sut.schema}".outbox
          WHERE type = 'dossier.submitted' AND envelope->'data'->>'dossierId' = $1`,
        [draft.id],
      );
      expect(portal.data).not.toHaveProperty('formData');

      const received = await waitFor(
        () =>
          agencyEvents.find(
            (e) => e.type === Events.dossierSubmitted && e.data.dossierCode === submitted.code,
          ),
        { what: 'dossier.submitted on the agency routing key' },
      );
      const view = await get(draft.id);
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
        formData: validForm,
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
      expect(JSON.stringify(received.data)).not.toContain(draft.id);
    });

    it('shows the dossier to nobody else: other citizens and other agencies get 404', async () => {
      expect(await problemOf(get(draft.id, stranger))).toMatchObject({
        status: 404,
        code: 'dossier.not_found',
      });
      expect(
        await problemOf(rpc(DossierRpc.officerGet, { dossierId: draft.id }, otherOfficer)),
      ).toMatchObject({ status: 404, code: 'dossier.not_found' });
      expect(await problemOf(act(draft.id, 'receive', {}, otherOfficer))).toMatchObject({
        status: 404,
      });
      expect(await problemOf(act(draft.id, 'receive', {}, citizen))).toMatchObject({
        status: 403,
        code: 'auth.officer_required',
      });
      const theirs = await rpc<Page<OfficerDossierSummary>>(
        DossierRpc.officerList,
        {},
        otherOfficer,
      );
      expect(theirs.total).toBe(0);
    });

    it('lists the dossier in the officer queue, searchable by code, name without accents or ID number', async () => {
      for (const q of [submitted.code, 'nguyen thi binh', '001099012345']) {
        const page = await rpc<Page<OfficerDossierSummary>>(DossierRpc.officerList, { q }, officer);
        expect(page.items.map((d) => d.code)).toEqual([submitted.code]);
        expect(page.items[0].applicant).toEqual({
          fullName: 'Nguyễn Thị Bình',
          idNumber: '001099012345',
        });
      }
      const view = await rpc<OfficerDossierView>(
        DossierRpc.officerGet,
        { dossierId: draft.id },
        officer,
      );
      expect(view.applicant).toEqual({
        accountId: citizen.accountId,
        fullName: 'Nguyễn Thị Bình',
        idNumber: '001099012345',
        email: 'binh@example.vn',
        phone: '0912345678',
      });
    });

    it('receives: receipt number and a due date one working day later on the working calendar', async () => {
      const received = await act(draft.id, 'receive');
      expect(received).toMatchObject({
        status: 'RECEIVED',
        receiptNumber: `TN-${submitted.code}`,
        overdue: false,
      });
      const expected = calendar.addWorkingMinutes(new Date(received.receivedAt!), 480);
      expect(received.dueAt).toBe(expected.toISOString());
      expect(received.history.at(-1)).toMatchObject({
        from: 'SUBMITTED',
        to: 'RECEIVED',
        byRole: 'officer',
      });
    });

    it('answers an illegal transition with 409 and the current status', async () => {
      expect(await problemOf(act(draft.id, 'complete'))).toMatchObject({
        status: 409,
        code: 'dossier.illegal_transition',
        currentStatus: 'RECEIVED',
        currentStatusCode: 2,
      });
      expect(await problemOf(act(draft.id, 'fly'))).toMatchObject({ status: 400 });
    });

    it('pauses the clock during a supplement request and resumes it with the time that was left', async () => {
      const started = await act(draft.id, 'start');
      const dueBefore = new Date(started.dueAt!);
      expect((await problemOf(act(draft.id, 'request-supplement'))).code).toBe(
        'dossier.supplement_reason_required',
      );
      const paused = await act(draft.id, 'request-supplement', {
        missing: ['Bản sao giấy chứng nhận kết hôn của cha mẹ'],
        note: 'Bổ sung một lần đầy đủ',
      });
      expect(paused).toMatchObject({
        status: 'SUPPLEMENT_REQUESTED',
        dueAt: null,
        overdue: false,
        supplementRequest: {
          missing: ['Bản sao giấy chứng nhận kết hôn của cha mẹ'],
          note: 'Bổ sung một lần đầy đủ',
        },
      });
      const pausedAt = new Date(paused.clockPausedAt!);
      expect(pausedAt.toISOString()).toBe(paused.history.at(-1)!.at);

      // the citizen answers with a new file; what was submitted stays
      const added = await attach(draft.id, 'giay-uy-quyen');
      expect(added.supplement).toBe(true);
      const submittedFile = (await get(draft.id)).components[0].attachments[0];
      expect(
        (
          await problemOf(
            rpc(
              DossierRpc.removeAttachment,
              { dossierId: draft.id, attachmentId: submittedFile.id },
              citizen,
            ),
          )
        ).code,
      ).toBe('dossier.attachment_submitted');

      const resumed = await rpc<DossierView>(
        DossierRpc.supplement,
        { dossierId: draft.id, note: 'Đã bổ sung' },
        citizen,
      );
      expect(resumed).toMatchObject({
        status: 'PROCESSING',
        clockPausedAt: null,
        supplementRequest: null,
      });
      const resumedAt = new Date(resumed.history.at(-1)!.at);
      const left = Math.round(calendar.workingMinutesBetween(pausedAt, dueBefore));
      expect(resumed.dueAt).toBe(calendar.addWorkingMinutes(resumedAt, left).toISOString());
      expect(resumed.history.slice(-2).map((h) => [h.from, h.to])).toEqual([
        ['PROCESSING', 'SUPPLEMENT_REQUESTED'],
        ['SUPPLEMENT_REQUESTED', 'PROCESSING'],
      ]);
    });

    it('completes only with a result file, then returns the result', async () => {
      expect(await problemOf(act(draft.id, 'complete'))).toMatchObject({
        status: 422,
        code: 'dossier.result_missing',
      });
      expect(
        await rpc<UploadQuotaView>(
          DossierRpc.officerPrepareResult,
          { dossierId: draft.id },
          officer,
        ),
      ).toEqual({ remainingBytes: MAX_DOSSIER_BYTES, maxBytes: MAX_DOSSIER_BYTES });
      const citizensUpload = storeFile(citizen, 'result');
      expect(
        (
          await problemOf(
            rpc(
              DossierRpc.officerAddResult,
              { dossierId: draft.id, fileId: citizensUpload.id },
              officer,
            ),
          )
        ).code,
      ).toBe('file.not_found');
      const resultFile = storeFile(officer, 'result', 5000, 'giay-khai-sinh.pdf');
      const result = await rpc<ResultFileView>(
        DossierRpc.officerAddResult,
        { dossierId: draft.id, fileId: resultFile.id },
        officer,
      );
      expect(result).toEqual({
        fileId: resultFile.id,
        fileName: 'giay-khai-sinh.pdf',
        contentType: 'application/pdf',
        size: 5000,
        downloadUrl: `/api/v1/dossiers/${draft.id}/results/${resultFile.id}`,
      });
      expect((await act(draft.id, 'complete', { note: 'Đã cấp giấy khai sinh' })).status).toBe(
        'RESULT_READY',
      );
      const returned = await act(draft.id, 'return');
      expect(returned.status).toBe('RETURNED');
      expect((await get(draft.id)).results.map((r) => r.fileId)).toEqual([resultFile.id]);

      // who may stream which file
      expect(
        await rpc<FileAuthorizationView>(
          DossierRpc.authorizeFile,
          { dossierId: draft.id, fileId: resultFile.id },
          citizen,
        ),
      ).toEqual({ fileId: resultFile.id, kind: 'result' });
      const attachmentFile = returned.components[0].attachments[0].fileId;
      expect(
        await rpc<FileAuthorizationView>(
          DossierRpc.authorizeFile,
          { dossierId: draft.id, fileId: attachmentFile },
          officer,
        ),
      ).toEqual({ fileId: attachmentFile, kind: 'attachment' });
      for (const who of [stranger, otherOfficer]) {
        expect(
          (
            await problemOf(
              rpc(DossierRpc.authorizeFile, { dossierId: draft.id, fileId: resultFile.id }, who),
            )
          ).status,
        ).toBe(404);
      }
      expect(
        (
          await problemOf(
            rpc(DossierRpc.authorizeFile, { dossierId: draft.id, fileId: randomUUID() }, citizen),
          )
        ).code,
      ).toBe('file.not_found');
    });

    it('shows the public lookup by code + key or ID number, without personal data', async () => {
      const byKey = await rpc<PublicLookupView>(
        DossierRpc.publicLookup,
        { code: submitted.code, key: submitted.lookupKey.toLowerCase() },
        null,
        '203.0.113.1',
      );
      expect(byKey).toMatchObject({
        code: submitted.code,
        procedure: { code: '9.000004' },
        agency: { code: AGENCY },
        status: 'RETURNED',
        statusCode: 10,
      });
      expect(byKey.history.map((h) => h.to)).toEqual([
        'SUBMITTED',
        'RECEIVED',
        'PROCESSING',
        'SUPPLEMENT_REQUESTED',
        'PROCESSING',
        'RESULT_READY',
        'RETURNED',
      ]);
      const text = JSON.stringify(byKey);
      for (const secret of [
        'Bình',
        'binh@example.vn',
        '0912345678',
        '001099012345',
        'Đã bổ sung',
        '.pdf',
      ]) {
        expect(text).not.toContain(secret);
      }
      const byIdNumber = await rpc<PublicLookupView>(
        DossierRpc.publicLookup,
        { code: submitted.code, key: '001099012345' },
        null,
        '203.0.113.1',
      );
      expect(byIdNumber).toEqual(byKey);
    });

    it('answers a wrong key and an unknown code with the same 404, and throttles guessing per IP', async () => {
      const ip = '203.0.113.2';
      const wrongKey = await problemOf(
        rpc(DossierRpc.publicLookup, { code: submitted.code, key: 'ZZZZZZ' }, null, ip),
      );
      const unknownCode = await problemOf(
        rpc(
          DossierRpc.publicLookup,
          { code: `${AGENCY}-260101-9999`, key: submitted.lookupKey },
          null,
          ip,
        ),
      );
      const sqlish = await problemOf(
        rpc(DossierRpc.publicLookup, { code: "' OR 1=1 --", key: "' OR '1'='1" }, null, ip),
      );
      expect(wrongKey).toEqual({
        status: 404,
        code: 'lookup.not_found',
        title: 'Không tìm thấy',
        detail: 'Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu đã nhập.',
      });
      expect(unknownCode).toEqual(wrongKey);
      expect(sqlish).toEqual(wrongKey);
      for (let i = 3; i < LOOKUP_FAILURES; i++) {
        await problemOf(rpc(DossierRpc.publicLookup, { code: `X-${i}`, key: 'ABCDEF' }, null, ip));
      }
      const throttled = await problemOf(
        rpc(DossierRpc.publicLookup, { code: submitted.code, key: submitted.lookupKey }, null, ip),
      );
      expect(throttled).toMatchObject({ status: 429, code: 'lookup.throttled' });
      expect(throttled.retryAfter).toBeGreaterThan(0);
      // another client is not affected
      expect(
        (
          await rpc<PublicLookupView>(
            DossierRpc.publicLookup,
            { code: submitted.code, key: submitted.lookupKey },
            null,
            '203.0.113.3',
          )
        ).status,
      ).toBe('RETURNED');
    });

    it('keeps the status history append-only', async () => {
      await expect(
        sut.db.query(
          `UPDATE "${sut.schema}".status_history SET note = 'sửa' WHERE dossier_id = $1`,
          [draft.id],
        ),
      ).rejects.toThrow(/append-only/);
      await expect(
        sut.db.query(`DELETE FROM "${sut.schema}".status_history WHERE dossier_id = $1`, [
          draft.id,
        ]),
      ).rejects.toThrow(/append-only/);
      await expect(sut.db.query(`TRUNCATE "${sut.schema}".status_history CASCADE`)).rejects.toThrow(
        /append-only/,
      );
      const [{ count }] = await sut.db.query(
        `SELECT count(*)::int AS count FROM "${sut.schema}".status_history WHERE dossier_id = $1`,
        [draft.id],
      );
      expect(count).toBe(8);
    });
  });

  it('gives 50 concurrent submissions of one agency 50 distinct consecutive codes', async () => {
    const drafts = await Promise.all(Array.from({ length: 50 }, () => createDraft('9.000005')));
    await Promise.all(drafts.map((d) => attach(d.id, 'to-khai')));
    const results = await Promise.all(
      drafts.map((d) => rpc<SubmitResult>(DossierRpc.submit, { dossierId: d.id }, citizen)),
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
    const [counter] = await sut.db.query(
      `SELECT last FROM "${sut.schema}".code_counters WHERE agency_code = $1`,
      [AGENCY_BULK],
    );
    expect(counter.last).toBe(50);
  });

  it('requests a fee and moves on when payment.succeeded arrives', async () => {
    const { id } = await submittedDossier();
    await act(id, 'receive');
    expect((await problemOf(act(id, 'request-payment'))).code).toBe('dossier.amount_required');
    const waiting = await act(id, 'request-payment', { amount: 50_000 });
    expect(waiting).toMatchObject({
      status: 'PAYMENT_REQUIRED',
      paymentAmount: 50_000,
      dueAt: null,
    });
    const [event] = await sut.db.query(
      `SELECT routing_keys, envelope->'data' AS data FROM "${sut.schema}".outbox
        WHERE type = $1 AND envelope->'data'->>'dossierId' = $2`,
      [Events.dossierPaymentRequired, id],
    );
    expect(event.routing_keys).toEqual(['dossier.payment_required']);
    expect(event.data).toMatchObject({ amount: 50_000, atSubmission: false });
    const [agencyCopy] = await sut.db.query(
      `SELECT routing_keys, envelope->'data' AS data FROM "${sut.schema}".outbox
        WHERE type = $1 AND envelope->'data'->>'dossierCode' = $2`,
      [Events.dossierPaymentRequired, waiting.code],
    );
    expect(agencyCopy.routing_keys).toEqual(['agency.T00_00_01_H99.dossier.payment_required']);
    expect(agencyCopy.data).toMatchObject({
      amount: 50_000,
      atSubmission: false,
      status: 'PAYMENT_REQUIRED',
    });

    const envelope: EventEnvelope = {
      id: randomUUID(),
      type: Events.paymentSucceeded,
      occurredAt: new Date().toISOString(),
      version: 1,
      correlationId: null,
      data: { paymentId: randomUUID(), dossierId: id, amount: 50_000 },
    };
    const publish = () =>
      events.publish(
        EVENTS_EXCHANGE,
        Events.paymentSucceeded,
        Buffer.from(JSON.stringify(envelope)),
        {
          messageId: envelope.id,
          persistent: true,
        },
      );
    publish();
    const processing = await waitFor(
      async () => {
        const view = await get(id);
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
    publish();
    await waitFor(
      async () => {
        const [row] = await sut.db.query(
          `SELECT count(*)::int AS n FROM "${sut.schema}".inbox WHERE message_id = $1`,
          [envelope.id],
        );
        return row.n === 1;
      },
      { what: 'inbox row' },
    );
    expect((await get(id)).history).toHaveLength(processing.history.length);
  });

  it('lets only one of concurrent identical actions on a dossier pass the transition check', async () => {
    const { id } = await submittedDossier();
    const outcomes = await Promise.allSettled([
      act(id, 'receive'),
      act(id, 'receive'),
      act(id, 'receive'),
    ]);
    const passed = outcomes.filter((o) => o.status === 'fulfilled');
    expect(passed).toHaveLength(1);
    for (const o of outcomes) {
      if (o.status === 'rejected')
        expect((o.reason as DomainError).code).toBe('dossier.illegal_transition');
    }
    const view = await get(id);
    expect(view.history).toHaveLength(3); // create, submit and the one that won
  });

  it('replays concurrent submits under one Idempotency-Key as one submission', async () => {
    const draft = await createDraft();
    await rpc(DossierRpc.update, { dossierId: draft.id, formData: validForm }, citizen);
    await attach(draft.id, 'to-khai');
    await attach(draft.id, 'giay-chung-sinh');
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        rpc<SubmitResult>(DossierRpc.submit, { dossierId: draft.id, idempotencyKey: key }, citizen),
      ),
    );
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0].status).toBe('SUBMITTED');
    const [{ n }] = await sut.db.query(
      `SELECT count(*)::int AS n FROM "${sut.schema}".outbox WHERE type = $1 AND envelope->'data'->>'dossierId' = $2`,
      [Events.dossierSubmitted, draft.id],
    );
    expect(n).toBe(1);
  });

  it('takes the fee first when the procedure wants it at submission, then submits on payment', async () => {
    const draft = await createDraft('9.000006');
    await attach(draft.id, 'don');
    const result = await rpc<SubmitResult>(DossierRpc.submit, { dossierId: draft.id }, citizen);
    expect(result.status).toBe('PAYMENT_REQUIRED');
    expect(result.code).toMatch(new RegExp(`^${AGENCY.replace(/\./g, '\\.')}-\\d{6}-\\d{4}$`));
    expect(await get(draft.id)).toMatchObject({
      status: 'PAYMENT_REQUIRED',
      paymentAmount: 135_000,
      dueAt: null,
    });
    const outboxTypes = async (): Promise<string[]> =>
      (
        await sut.db.query(
          `SELECT type FROM "${sut.schema}".outbox WHERE envelope->'data'->>'dossierId' = $1 ORDER BY id`,
          [draft.id],
        )
      ).map((r: { type: string }) => r.type);
    expect(await outboxTypes()).toEqual(['dossier.status_changed', 'dossier.payment_required']);
    const [{ data }] = await sut.db.query(
      `SELECT envelope->'data' AS data FROM "${sut.schema}".outbox WHERE type = $1 AND envelope->'data'->>'dossierId' = $2`,
      [Events.dossierPaymentRequired, draft.id],
    );
    expect(data).toMatchObject({ amount: 135_000, atSubmission: true, code: result.code });

    const envelope: EventEnvelope = {
      id: randomUUID(),
      type: Events.paymentSucceeded,
      occurredAt: new Date().toISOString(),
      version: 1,
      correlationId: null,
      data: { paymentId: randomUUID(), dossierId: draft.id, amount: 135_000 },
    };
    events.publish(
      EVENTS_EXCHANGE,
      Events.paymentSucceeded,
      Buffer.from(JSON.stringify(envelope)),
      {
        messageId: envelope.id,
      },
    );
    const submitted = await waitFor(
      async () => {
        const view = await get(draft.id);
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

  it('lets the citizen withdraw and the officer stop', async () => {
    const { id } = await submittedDossier();
    expect((await problemOf(act(id, 'stop'))).code).toBe('dossier.illegal_transition');
    const withdrawing = await rpc<DossierView>(
      DossierRpc.withdraw,
      { dossierId: id, note: 'Nộp nhầm' },
      citizen,
    );
    expect(withdrawing.status).toBe('WITHDRAWAL_REQUESTED');
    expect((await act(id, 'stop')).status).toBe('STOPPED');
    const stopped = await rpc<Page<OfficerDossierSummary>>(
      DossierRpc.officerList,
      { status: 'STOPPED' },
      officer,
    );
    expect(stopped.items.map((d) => d.id)).toContain(id);
  });

  it('sorts the officer queue by due date, nulls last, and filters overdue', async () => {
    const page = await rpc<Page<OfficerDossierSummary>>(
      DossierRpc.officerList,
      { pageSize: 100 },
      officer,
    );
    const dues = page.items.map((d) => d.dueAt);
    const firstNull = dues.indexOf(null);
    expect(dues.slice(0, firstNull === -1 ? undefined : firstNull)).toEqual(
      [...dues.slice(0, firstNull === -1 ? undefined : firstNull)].sort(),
    );
    if (firstNull !== -1) expect(dues.slice(firstNull).every((d) => d === null)).toBe(true);
    expect(page.total).toBeGreaterThanOrEqual(56);

    // A received dossier whose due date has passed (set back in the table: time travel).
    const { id } = await submittedDossier();
    await act(id, 'receive');
    await sut.db.query(
      `UPDATE "${sut.schema}".dossiers SET due_at = now() - interval '1 hour' WHERE id = $1`,
      [id],
    );
    const overdue = await rpc<Page<OfficerDossierSummary>>(
      DossierRpc.officerList,
      { overdue: true },
      officer,
    );
    expect(overdue.items.map((d) => [d.id, d.overdue])).toEqual([[id, true]]);
    const onTime = await rpc<Page<OfficerDossierSummary>>(
      DossierRpc.officerList,
      { overdue: false, pageSize: 100 },
      officer,
    );
    expect(onTime.items.map((d) => d.id)).not.toContain(id);
    expect(onTime.total).toBe(page.total);
    expect((await get(id)).overdue).toBe(true);
    // and the queue puts it first: soonest due
    const first = await rpc<Page<OfficerDossierSummary>>(
      DossierRpc.officerList,
      { pageSize: 1 },
      officer,
    );
    expect(first.items[0].id).toBe(id);
  });
});
