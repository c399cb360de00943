import { DossierRpc, DossierSummary, DossierView, Page } from '@dvc/contracts';
import { problemOf } from '@dvc/testing';
import {
  AGENCY,
  DossierTestContext,
  VALID_FORM,
  startDossierContext,
} from '../../test/dossier-context';

jest.setTimeout(60_000);

describe('dossier drafts: creating, filling in, what submission still lacks', () => {
  let ctx: DossierTestContext;

  beforeAll(async () => {
    ctx = await startDossierContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  it('answers ping', async () => {
    expect(await ctx.rpc(DossierRpc.ping, {}, null)).toEqual({ ok: true });
  });

  it('refuses a draft for a level-2 procedure, pointing to the desk, the post and the forms', async () => {
    const citizen = ctx.newCitizen();
    const problem = await problemOf(ctx.newDraft(citizen, '9.000002'));
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
    expect((await problemOf(ctx.newDraft(citizen, '9.999999'))).code).toBe('procedure.not_found');
    expect((await problemOf(ctx.newDraft(citizen, 'not-a-code'))).status).toBe(400);
    expect(
      (await problemOf(ctx.rpc(DossierRpc.create, { procedureCode: '9.000004' }, null))).status,
    ).toBe(401);
  });

  it('creates a draft with the component slots of the procedure case', async () => {
    const citizen = ctx.newCitizen();
    const draft = await ctx.newDraft(citizen);
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
    const mine = await ctx.rpc<Page<DossierSummary>>(DossierRpc.list, { status: 'DRAFT' }, citizen);
    expect(mine.items.map((d) => d.id)).toContain(draft.id);
  });

  it('refuses wrong form data field by field in Vietnamese, then saves a valid partial form', async () => {
    const citizen = ctx.newCitizen();
    const draft = await ctx.newDraft(citizen);
    const problem = await problemOf(
      ctx.rpc(
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
            'Ngày, tháng, năm sinh: ngày không hợp lệ, nhập theo dạng ngày/tháng/năm (ví dụ 31/01/2026)',
        },
        { field: '/gioiTinh', message: 'Giới tính: phải là một trong các giá trị: Nam, Nữ' },
      ]),
    );
    expect((await ctx.get(draft.id, citizen)).formData).toEqual({});

    const partial = await ctx.rpc<DossierView>(
      DossierRpc.update,
      { dossierId: draft.id, formData: { ngaySinh: '2026-01-15' } },
      citizen,
    );
    expect(partial.formData).toEqual({ ngaySinh: '2026-01-15' });
    expect(
      (await problemOf(ctx.rpc(DossierRpc.update, { dossierId: draft.id, colour: 'red' }, citizen)))
        .status,
    ).toBe(400);
  });

  it('refuses to submit while the form or required components are missing, listing all of it', async () => {
    const citizen = ctx.newCitizen();
    const draft = await ctx.newDraft(citizen);
    await ctx.rpc(
      DossierRpc.update,
      { dossierId: draft.id, formData: { ngaySinh: '2026-01-15' } },
      citizen,
    );
    const problem = await problemOf(ctx.rpc(DossierRpc.submit, { dossierId: draft.id }, citizen));
    expect(problem).toMatchObject({ status: 422, code: 'dossier.incomplete' });
    expect(problem.errors?.map((e) => e.field)).toEqual([
      '/hoTen',
      '/gioiTinh',
      'components/to-khai',
      'components/giay-chung-sinh',
    ]);
    await ctx.rpc(DossierRpc.update, { dossierId: draft.id, formData: VALID_FORM }, citizen);
    const stillMissing = await problemOf(
      ctx.rpc(DossierRpc.submit, { dossierId: draft.id }, citizen),
    );
    expect(stillMissing.errors?.map((e) => e.field)).toEqual([
      'components/to-khai',
      'components/giay-chung-sinh',
    ]);
  });
});
