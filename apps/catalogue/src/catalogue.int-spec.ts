import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AgencyView,
  Caller,
  CatalogueRpc,
  DomainError,
  EventEnvelope,
  Events,
  FieldView,
  HolidayView,
  ImportResult,
  Page,
  ProblemShape,
  ProcedureSummary,
  ProcedureView,
  RpcQueues,
} from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import { ServiceUnderTest, WireClient, isolatedService, waitFor } from '@dvc/testing';
import {
  TEST_COMMUNE,
  TEST_FIELD,
  TEST_FIELD_2,
  TEST_PROVINCE,
  procedure,
  testSeed,
} from '../test/catalogue-seed.fixture';
import { migrateCatalogue, seedCatalogue, startCatalogue } from './app';
import { CatalogueConfig } from './catalogue.config';
import { catalogueSeed } from './seed/data';
import type { ProcedureSeed } from './seed/seed.types';

const admin: Caller = { accountId: randomUUID(), roles: ['admin'], agencies: [] };
const citizen: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };

/**
 * The catalogue service started in-process against the real Postgres (own schema),
 * RabbitMQ (own vhost) and Redis (own key prefix), driven through its RPC queue and its
 * HTTP server like the gateway drives them. The schema holds the demo seed plus a test
 * catalogue with its own field and agency codes, so counts filtered by them are exact.
 */
describe('catalogue service', () => {
  let sut: ServiceUnderTest;
  let config: CatalogueConfig;
  let app: INestApplication;
  let client: WireClient;
  let baseUrl: string;
  let events: EventEnvelope<{ code: string }>[];

  beforeAll(async () => {
    sut = await isolatedService('catalogue');
    config = loadConfig(CatalogueConfig, sut.env);
    await migrateCatalogue(config);
    await seedCatalogue(config);
    await seedCatalogue(config, testSeed);
    // What catalogue publishes on dvc.events, as a consumer would see it.
    events = await sut.captureEvents('catalogue.#');
    app = await startCatalogue(config);
    baseUrl = sut.urlOf(app);
    client = await sut.rpcClient('catalogue', RpcQueues.catalogue);
  }, 120_000);

  afterAll(() => sut?.cleanup(app), 30_000);

  // ---- helpers -------------------------------------------------------------------------

  function rpc<T>(pattern: string, data: unknown, caller: Caller | null = null): Promise<T> {
    return client.send<T>(pattern, { caller, correlationId: randomUUID(), data });
  }

  /** The problem a call answered with (fails the test when it succeeded or failed otherwise). */
  async function problemOf(call: Promise<unknown>): Promise<ProblemShape> {
    const outcome = await call.then(
      () => new Error('expected the call to fail'),
      (err: unknown) => err,
    );
    if (outcome instanceof DomainError) return outcome.toProblem();
    throw outcome;
  }

  const search = (query: Record<string, unknown>) =>
    rpc<Page<ProcedureSummary>>(CatalogueRpc.searchProcedures, query);
  const codes = (page: Page<ProcedureSummary>) => page.items.map((p) => p.code);
  const fold = (s: string) =>
    s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
  const outboxRows = async (): Promise<{ code: string; published: boolean }[]> =>
    sut.db.query(
      `SELECT envelope->'data'->>'code' AS code, published_at IS NOT NULL AS published
         FROM "${sut.schema}".outbox WHERE type = $1 ORDER BY id`,
      [Events.procedureUpserted],
    );

  // ---- seed, ping, lists ---------------------------------------------------------------

  it('answers ping', async () => {
    expect(await rpc(CatalogueRpc.ping, {})).toEqual({ ok: true });
  });

  it('seeds idempotently: a second run changes nothing', async () => {
    expect(await seedCatalogue(config, testSeed)).toEqual({
      agencies: 0,
      fields: 0,
      procedures: { created: 0, updated: 0, unchanged: testSeed.procedures.length },
      holidays: 0,
    });
    const demo = await seedCatalogue(config);
    expect(demo.procedures).toEqual({
      created: 0,
      updated: 0,
      unchanged: catalogueSeed.procedures.length,
    });
  });

  it('lists agencies, fields and the holidays of a year', async () => {
    const agencies = await rpc<AgencyView[]>(CatalogueRpc.listAgencies, {});
    expect(agencies).toEqual(
      expect.arrayContaining([
        {
          code: TEST_COMMUNE,
          name: 'Ủy ban nhân dân phường Thử nghiệm',
          level: 'commune',
          parentCode: TEST_PROVINCE,
        },
        {
          code: TEST_PROVINCE,
          name: 'Công an tỉnh Thử nghiệm',
          level: 'province',
          parentCode: null,
        },
      ]),
    );
    expect(agencies.length).toBe(catalogueSeed.agencies.length + testSeed.agencies.length);
    const fields = await rpc<FieldView[]>(CatalogueRpc.listFields, {});
    expect(fields).toEqual(
      expect.arrayContaining([{ code: TEST_FIELD, name: 'Hộ tịch (thử nghiệm)' }]),
    );

    expect(await rpc<HolidayView[]>(CatalogueRpc.listHolidays, { year: 2031 })).toEqual([
      { date: '2031-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
      { date: '2031-09-02', name: 'Quốc khánh', kind: 'holiday' },
    ]);
    const all = await rpc<HolidayView[]>(CatalogueRpc.listHolidays, {});
    expect(all.length).toBe(catalogueSeed.holidays.length + testSeed.holidays.length);
    expect((await problemOf(rpc(CatalogueRpc.listHolidays, { year: 'abc' }))).status).toBe(400);
  });

  // ---- search --------------------------------------------------------------------------

  it('finds procedures without accents, in any case', async () => {
    for (const q of ['giay phep lai xe', 'GIẤY PHÉP LÁI XE', 'Giấy phép lái xe']) {
      const page = await search({ q });
      expect(page.items.length).toBeGreaterThan(0);
      expect(fold(page.items[0].name)).toContain('giay phep lai xe');
      expect(codes(page)).toContain('T.000004');
    }
    expect(codes(await search({ q: 'giay phep lai xe', field: TEST_FIELD_2 }))).toEqual([
      'T.000004',
    ]);
    // The demo seed's own licence renewal is found the same way.
    expect((await search({ q: 'doi giay phep lai xe' })).items.map((p) => p.name)).toContain(
      catalogueSeed.procedures.find((p) => fold(p.name).includes('doi giay phep lai xe'))?.name,
    );
  });

  it('finds the licence renewal in English, as the English search box suggests', async () => {
    for (const q of ['driving licence', 'Driving license renewal']) {
      expect((await search({ q })).items.map((p) => p.name)).toContain('Đổi giấy phép lái xe');
    }
  });

  it('finds procedures despite typos and half-typed words', async () => {
    for (const q of ['khai sin', 'dang ki khai sinh', 'đăng ký khai xinh']) {
      const page = await search({ q, field: TEST_FIELD });
      expect(page.items[0]?.code).toBe('T.000001');
    }
    expect(codes(await search({ q: 'khai sin' }))).toContain('T.000001');
    expect(codes(await search({ q: 'giay phep lai se', field: TEST_FIELD_2 }))).toEqual([
      'T.000004',
    ]);
  });

  it('leaves look-alike names out when the words themselves find enough', async () => {
    const page = await search({ q: 'giay phep lai xe', pageSize: 100 });
    expect(page.total).toBe(page.items.length);
    for (const item of page.items) {
      const words = fold(`${item.name} ${item.field.name}`).split(/[^a-z0-9.]+/);
      for (const word of ['giay', 'phep', 'lai']) expect(words).toContain(word);
      expect(words.some((w) => w.startsWith('xe'))).toBe(true);
    }
  });

  it('finds a procedure by its code and by its field name', async () => {
    expect(codes(await search({ q: 'T.000004' }))[0]).toBe('T.000004');
    expect(codes(await search({ q: 'duong bo thu nghiem' }))).toEqual(['T.000004']);
  });

  it('filters by field, agency and level', async () => {
    expect((await search({ field: TEST_FIELD })).total).toBe(4);
    expect(codes(await search({ agency: TEST_PROVINCE }))).toEqual(['T.000004']);
    expect(codes(await search({ field: TEST_FIELD, level: 4 }))).toEqual(['T.000001']);
    expect(codes(await search({ field: TEST_FIELD, level: '3' }))).toEqual(['T.000002']);
    expect((await search({ field: 'khong-co' })).total).toBe(0);
  });

  it('pages with a stable total, every procedure once', async () => {
    const pages = await Promise.all(
      [1, 2, 3].map((page) => search({ field: TEST_FIELD, pageSize: 3, page })),
    );
    expect(pages.map((p) => p.total)).toEqual([4, 4, 4]);
    expect(pages.map((p) => p.items.length)).toEqual([3, 1, 0]);
    expect(pages[0]).toMatchObject({ page: 1, pageSize: 3 });
    const seen = pages.flatMap(codes);
    expect(new Set(seen).size).toBe(4);
    // No words: by name.
    const names = pages.flatMap((p) => p.items.map((i) => fold(i.name)));
    expect(names).toEqual([...names].sort());
  });

  it('lists every procedure when the query is empty and clamps the page size', async () => {
    const total = catalogueSeed.procedures.length + testSeed.procedures.length;
    const page = await search({ q: '', pageSize: 1000 });
    expect(page.total).toBe(total);
    expect(page.pageSize).toBe(100);
    expect(page.items.length).toBe(Math.min(total, 100));
  });

  it('answers metacharacter queries normally', async () => {
    const queries = [
      "'",
      '&',
      '|',
      ':*',
      '\\',
      '!',
      "a' & b | !c:*",
      "khai'sinh",
      '(giay)',
      '<->',
      "'; DROP TABLE x; --",
      'ʻ ː',
    ];
    for (const q of queries) {
      const page = await search({ q });
      expect(Array.isArray(page.items)).toBe(true);
      expect(typeof page.total).toBe('number');
    }
    expect(codes(await search({ q: "khai'sinh", field: TEST_FIELD }))[0]).toBe('T.000001');
  });

  it('answers 400 for a malformed search', async () => {
    const problem = await problemOf(search({ level: 'x' }));
    expect(problem).toMatchObject({ status: 400, errors: [{ field: 'level' }] });
  });

  // ---- get ------------------------------------------------------------------------------

  it('returns the whole record with what its level allows', async () => {
    const view = await rpc<ProcedureView>(CatalogueRpc.getProcedure, { code: 'T.000004' });
    expect(view).toMatchObject({
      code: 'T.000004',
      name: 'Đổi giấy phép lái xe',
      level: 4,
      field: { code: TEST_FIELD_2, name: 'Đường bộ (thử nghiệm)' },
      agency: { code: TEST_PROVINCE, level: 'province', parentCode: null },
      onlineSubmission: true,
      onlinePayment: true,
      feeAtSubmission: true,
      decision: '163/QĐ-BTP',
      forms: [
        {
          id: 'don-de-nghi',
          format: 'pdf',
          reference: 'Mẫu kèm Thông tư 35/2024/TT-BGTVT',
          downloadUrl: '/api/v1/procedures/T.000004/forms/don-de-nghi',
        },
      ],
    });
    expect(view.cases[0].fees).toEqual([
      { name: 'Lệ phí cấp đổi giấy phép lái xe', amountVnd: 135000, note: null },
    ]);
    expect(view.cases[0].components[0]).toMatchObject({ formId: 'don-de-nghi', note: null });

    const level3 = await rpc<ProcedureView>(CatalogueRpc.getProcedure, { code: 'T.000002' });
    expect([level3.onlineSubmission, level3.onlinePayment]).toEqual([true, false]);
    expect(level3.cases[0].formSchema).toBeNull();
    const level2 = await rpc<ProcedureView>(CatalogueRpc.getProcedure, { code: 'T.000003' });
    expect([level2.onlineSubmission, level2.onlinePayment]).toEqual([false, false]);
  });

  it('answers 404 for an unknown code', async () => {
    for (const data of [{ code: 'T.999999' }, { code: '' }, {}, { code: 42 }]) {
      expect(await problemOf(rpc(CatalogueRpc.getProcedure, data))).toMatchObject({
        status: 404,
        code: 'procedure.not_found',
      });
    }
  });

  // ---- form templates over HTTP -------------------------------------------------------

  it('serves a DOCX form template as an attachment', async () => {
    const res = await fetch(`${baseUrl}/internal/procedures/T.000001/forms/to-khai-khai-sinh`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="To khai dang ky khai sinh.docx"; filename*=UTF-8''${encodeURIComponent('Tờ khai đăng ký khai sinh.docx')}`,
    );
  });

  it('serves a PDF form template', async () => {
    const res = await fetch(`${baseUrl}/internal/procedures/T.000004/forms/don-de-nghi`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');
  });

  it('serves the form templates of the demo seed', async () => {
    const withForm = catalogueSeed.procedures.find((p) => p.level >= 2 && p.forms.length > 0)!;
    const res = await fetch(
      `${baseUrl}/internal/procedures/${withForm.code}/forms/${withForm.forms[0].id}`,
    );
    expect(res.status).toBe(200);
    const magic = Buffer.from(await res.arrayBuffer())
      .subarray(0, 4)
      .toString('latin1');
    expect(magic).toBe(withForm.forms[0].format === 'pdf' ? '%PDF' : 'PK\x03\x04');
  });

  it('answers a missing form template with a 404 problem', async () => {
    for (const path of ['T.000001/forms/khong-co', 'T.999999/forms/to-khai-khai-sinh']) {
      const res = await fetch(`${baseUrl}/internal/procedures/${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 404, code: 'procedure.form_not_found' });
    }
  });

  // ---- admin writes ---------------------------------------------------------------------

  it('lets only administrators write', async () => {
    const body = { procedures: [procedure({ code: 'T.000100' })] };
    expect(await problemOf(rpc(CatalogueRpc.importProcedures, body, citizen))).toMatchObject({
      status: 403,
      code: 'auth.admin_required',
    });
    expect((await problemOf(rpc(CatalogueRpc.importProcedures, body, null))).status).toBe(401);
    expect(
      (await problemOf(rpc(CatalogueRpc.upsertProcedure, procedure({ code: 'T.000100' }), citizen)))
        .status,
    ).toBe(403);
    expect((await problemOf(rpc(CatalogueRpc.getProcedure, { code: 'T.000100' }))).status).toBe(
      404,
    );
  });

  it('rejects an invalid import whole, listing every error, and changes nothing', async () => {
    const outboxBefore = (await outboxRows()).length;
    const renamed = procedure({ name: 'Đăng ký khai sinh (đã đổi)' });
    const broken = { ...procedure({ code: 'T.000101' }), level: 7, cases: [] };
    const problem = await problemOf(
      rpc(
        CatalogueRpc.importProcedures,
        { procedures: [renamed, procedure({ code: 'T.000102' }), broken] },
        admin,
      ),
    );
    expect(problem).toMatchObject({ status: 422, code: 'procedure.invalid' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: '/procedures/2/level', message: 'Phải là một trong: 1, 2, 3, 4' },
        { field: '/procedures/2/cases', message: 'Cần ít nhất 1 phần tử' },
      ]),
    );
    expect((await rpc<ProcedureView>(CatalogueRpc.getProcedure, { code: 'T.000001' })).name).toBe(
      'Đăng ký khai sinh',
    );
    expect((await problemOf(rpc(CatalogueRpc.getProcedure, { code: 'T.000102' }))).status).toBe(
      404,
    );
    expect((await outboxRows()).length).toBe(outboxBefore);
  });

  it('rejects an import naming an unknown agency or field', async () => {
    const problem = await problemOf(
      rpc(
        CatalogueRpc.importProcedures,
        {
          procedures: [procedure({ code: 'T.000103', agencyCode: 'X.00', fieldCode: 'khong-co' })],
        },
        admin,
      ),
    );
    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([
      { field: '/procedures/0/agencyCode', message: 'Không có cơ quan mã X.00' },
      { field: '/procedures/0/fieldCode', message: 'Không có lĩnh vực mã khong-co' },
    ]);
  });

  it('imports idempotently by code and content', async () => {
    expect(
      await rpc<ImportResult>(
        CatalogueRpc.importProcedures,
        { procedures: testSeed.procedures },
        admin,
      ),
    ).toEqual({
      created: 0,
      updated: 0,
      unchanged: testSeed.procedures.length,
    });
    const changed = procedure({
      code: 'T.000003',
      name: 'Đăng ký khai tử',
      level: 3,
      forms: [],
      cases: testSeed.procedures[2].cases,
    });
    const created = procedure({ code: 'T.000104', name: 'Đăng ký nhận cha, mẹ, con' });
    expect(
      await rpc<ImportResult>(
        CatalogueRpc.importProcedures,
        { procedures: [changed, created, testSeed.procedures[0]] },
        admin,
      ),
    ).toEqual({ created: 1, updated: 1, unchanged: 1 });
    expect(
      (await rpc<ProcedureView>(CatalogueRpc.getProcedure, { code: 'T.000003' })).onlineSubmission,
    ).toBe(true);
    expect(codes(await search({ q: 'nhan cha me con' }))).toEqual(['T.000104']);
  });

  it('upserts a procedure: the cached view is replaced, the forms regenerated, the event published', async () => {
    const key = `${sut.redisPrefix}catalogue:procedure:T.000005`;
    await rpc<ProcedureView>(CatalogueRpc.getProcedure, { code: 'T.000005' });
    expect(await sut.redis.exists(key)).toBe(1); // the read went through the cache

    const updated: ProcedureSeed = {
      ...procedure({ code: 'T.000005', name: 'Cấp giấy phép xây dựng (sửa đổi)', level: 2 }),
      forms: [{ ...procedure().forms[0], format: 'pdf' }],
    };
    const answered = await rpc<ProcedureView>(CatalogueRpc.upsertProcedure, updated, admin);
    expect(answered.name).toBe('Cấp giấy phép xây dựng (sửa đổi)');
    const read = await rpc<ProcedureView>(CatalogueRpc.getProcedure, { code: 'T.000005' });
    expect(read).toMatchObject({
      name: 'Cấp giấy phép xây dựng (sửa đổi)',
      level: 2,
      onlineSubmission: false,
    });
    expect(codes(await search({ q: 'giay phep xay dung sua doi' }))[0]).toBe('T.000005');

    const res = await fetch(`${baseUrl}/internal/procedures/T.000005/forms/to-khai-khai-sinh`);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('%PDF');

    // The outbox row was written with the change and the relay published it.
    await waitFor(
      async () => (await outboxRows()).some((r) => r.code === 'T.000005' && r.published),
      {
        what: 'the outbox row of T.000005 published',
      },
    );
    const event = await waitFor(() => events.find((e) => e.data.code === 'T.000005'), {
      what: 'catalogue.procedure.upserted for T.000005',
    });
    expect(event).toMatchObject({ type: Events.procedureUpserted, version: 1 });

    // Same content again: nothing written, no new event.
    const rowsBefore = (await outboxRows()).length;
    await rpc<ProcedureView>(CatalogueRpc.upsertProcedure, updated, admin);
    expect((await outboxRows()).length).toBe(rowsBefore);
  });

  it('offers no form download below level 2', async () => {
    const seed = procedure({ code: 'T.000105', name: 'Xác nhận thông tin hộ tịch', level: 1 });
    const view = await rpc<ProcedureView>(CatalogueRpc.upsertProcedure, seed, admin);
    expect(view.forms).toEqual([]);
    expect(view.cases[0].components[0].formId).toBeNull();
    const res = await fetch(`${baseUrl}/internal/procedures/T.000105/forms/to-khai-khai-sinh`);
    expect(res.status).toBe(404);

    // Raised to level 2, the same procedure gets its download.
    await rpc<ProcedureView>(CatalogueRpc.upsertProcedure, { ...seed, level: 2 }, admin);
    const now = await fetch(`${baseUrl}/internal/procedures/T.000105/forms/to-khai-khai-sinh`);
    expect(now.status).toBe(200);
  });

  it('rejects an invalid upsert with pointers relative to the procedure', async () => {
    const problem = await problemOf(
      rpc(CatalogueRpc.upsertProcedure, { ...procedure(), name: 42 }, admin),
    );
    expect(problem).toMatchObject({
      status: 422,
      errors: [{ field: '/name', message: 'Phải là chuỗi ký tự' }],
    });
  });
});
