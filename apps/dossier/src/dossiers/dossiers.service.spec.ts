import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Caller, DossierView, ProcedureView, ProfileView } from '@dvc/contracts';
import { Tx, UnitOfWork } from '@dvc/messaging';
import { newTestService, problemOf, provide } from '@dvc/testing';
import { dossierOf } from '../../test/dossier-row';
import { procedure } from '../../test/fixtures';
import type { Attachment } from '../attachments/attachments.dto';
import { DossierCodes } from '../codes/dossier-code';
import { matchesLookupHash } from '../codes/lookup-key';
import { FormValidator } from '../forms/form-validator';
import { KeyTakenError, SubmitReplays } from '../idempotency/submit-replays';
import { ApplicantDirectory } from '../neighbours/applicant-directory';
import { FileStore } from '../neighbours/file-store';
import { ProcedureDirectory } from '../neighbours/procedure-directory';
import { DossierViews } from './dossier-views';
import { DossierWorkflow } from './dossier-workflow';
import type { Dossier } from './dossiers.dto';
import { DossiersRepository } from './dossiers.repository';
import { DossiersService } from './dossiers.service';

const caller: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };
const on = { caller, correlationId: null };
const validForm = { hoTen: 'Nguyễn Văn An', ngaySinh: '2026-01-15', gioiTinh: 'Nam' };
const profile: ProfileView = {
  id: caller.accountId,
  roles: ['citizen'],
  agencies: [],
  status: 'active',
  fullName: 'Nguyễn Thị Bình',
  email: 'binh@example.vn',
  phone: '0912345678',
  idNumber: '001099012345',
  birthDate: null,
  address: null,
  vneid: null,
  locale: 'vi',
  createdAt: '2026-01-01T00:00:00.000Z',
};

function procedureAt(level: 1 | 2 | 3 | 4): ProcedureView {
  return procedure({
    code: '1.000001',
    name: 'Cấp phiếu lý lịch tư pháp',
    level,
    agency: {
      code: '000.00.01.H26',
      name: 'Sở Tư pháp Hà Nội',
      level: 'province',
      parentCode: null,
    },
    forms: [
      {
        id: 'to-khai',
        name: 'Tờ khai yêu cầu cấp phiếu',
        format: 'pdf',
        reference: null,
        downloadUrl: '/api/v1/procedures/1.000001/forms/to-khai',
      },
    ],
  });
}

function attachmentTo(d: Dossier, componentId: string): Attachment {
  return { dossierId: d.id, componentId, fileId: randomUUID() } as Attachment;
}

/**
 * The service with the real form validator; transactions run the work at once and views show
 * the row as it is, so a test sees what the service wrote.
 */
function newDossiersService() {
  const { sut, mocks } = newTestService(
    DossiersService,
    provide(FormValidator, new FormValidator()),
  );
  const tx = { manager: {} as EntityManager, publish: jest.fn() } as unknown as Tx;
  mocks.get(UnitOfWork).run.mockImplementation((_id, work) => work(tx));
  mocks
    .get(DossierViews)
    .citizen.mockImplementation((d) => Promise.resolve(d as unknown as DossierView));
  return { sut, mocks, tx };
}

/** A dossier the caller owns, as find and lock return it (with its attachments, if given). */
function owned(
  mocks: ReturnType<typeof newDossiersService>['mocks'],
  d: Dossier,
  attachments: Attachment[] = [],
) {
  mocks.get(DossiersRepository).find.mockResolvedValue(d);
  mocks.get(DossiersRepository).lock.mockResolvedValue(d);
  mocks.get(DossiersRepository).findWithAttachments.mockResolvedValue({ dossier: d, attachments });
  mocks.get(DossiersRepository).lockWithAttachments.mockResolvedValue({ dossier: d, attachments });
  return d;
}

describe('DossiersService.create (level rules, with a fake catalogue)', () => {
  it.each([1, 2] as const)(
    'refuses level %i: submitted at the desk or by post, with the form downloads',
    async (level) => {
      const { sut, mocks } = newTestService(DossiersService);
      mocks.get(ProcedureDirectory).procedure.mockResolvedValue(procedureAt(level));
      const problem = await problemOf(sut.create(caller, { procedureCode: '1.000001' }, on));
      expect(problem).toMatchObject({
        status: 409,
        code: 'dossier.offline_only',
        level,
        forms: [
          {
            name: 'Tờ khai yêu cầu cấp phiếu',
            downloadUrl: '/api/v1/procedures/1.000001/forms/to-khai',
          },
        ],
      });
      expect(problem.detail).toMatch(/trực tiếp tại Sở Tư pháp Hà Nội hoặc qua dịch vụ bưu chính/);
      expect(problem.detail).toContain('/api/v1/procedures/1.000001/forms/to-khai');
    },
  );

  it('answers 404 for an unknown procedure and 422 for a case it does not have', async () => {
    const { sut, mocks } = newTestService(DossiersService);
    mocks.get(ProcedureDirectory).procedure.mockResolvedValue(null);
    expect((await problemOf(sut.create(caller, { procedureCode: '1.000001' }, on))).code).toBe(
      'procedure.not_found',
    );
    mocks.get(ProcedureDirectory).procedure.mockResolvedValue(procedureAt(3));
    const problem = await problemOf(
      sut.create(caller, { procedureCode: '1.000001', caseId: 'khac' }, on),
    );
    expect(problem).toMatchObject({
      status: 422,
      code: 'dossier.case_unknown',
      errors: [{ field: 'caseId' }],
    });
  });
});

describe('DossiersService.update (saving the form)', () => {
  it('saves a partial form in a draft: missing fields wait for submission', async () => {
    const { sut, mocks } = newDossiersService();
    const d = owned(mocks, dossierOf({ applicantId: caller.accountId }));
    mocks
      .get(DossiersRepository)
      .update.mockImplementation((_m, row, changes) => Promise.resolve({ ...row, ...changes }));
    const saved = await sut.update(
      caller,
      { dossierId: d.id, formData: { ngaySinh: '2026-01-15' } },
      on,
    );
    expect(saved.formData).toEqual({ ngaySinh: '2026-01-15' });
  });

  it('refuses wrong values field by field and writes nothing', async () => {
    const { sut, mocks } = newDossiersService();
    const d = owned(mocks, dossierOf({ applicantId: caller.accountId }));
    const problem = await problemOf(
      sut.update(caller, { dossierId: d.id, formData: { ngaySinh: '15/01/2026' } }, on),
    );
    expect(problem).toMatchObject({
      status: 422,
      code: 'dossier.form_invalid',
      errors: [{ field: '/ngaySinh' }],
    });
    expect(mocks.get(DossiersRepository).update).not.toHaveBeenCalled();
  });

  it('refuses a form larger than 256 KB', async () => {
    const { sut, mocks } = newDossiersService();
    const d = owned(mocks, dossierOf({ applicantId: caller.accountId }));
    const problem = await problemOf(
      sut.update(caller, { dossierId: d.id, formData: { hoTen: 'a'.repeat(300 * 1024) } }, on),
    );
    expect(problem).toMatchObject({ status: 422, code: 'dossier.form_too_large' });
  });

  it('lets a level-3 dossier collect its result only at the desk', async () => {
    const { sut, mocks } = newDossiersService();
    const d = owned(mocks, dossierOf({ applicantId: caller.accountId }, procedureAt(3)));
    const problem = await problemOf(
      sut.update(caller, { dossierId: d.id, deliveryMethod: 'post' }, on),
    );
    expect(problem).toMatchObject({
      status: 422,
      code: 'dossier.delivery_unavailable',
      errors: [{ field: 'deliveryMethod' }],
    });
  });

  it('changes delivery only in a draft: while supplementing, only the form and files', async () => {
    const { sut, mocks } = newDossiersService();
    const d = owned(
      mocks,
      dossierOf({ applicantId: caller.accountId, status: 'SUPPLEMENT_REQUESTED' }),
    );
    expect(
      await problemOf(sut.update(caller, { dossierId: d.id, deliveryMethod: 'desk' }, on)),
    ).toMatchObject({
      status: 409,
      code: 'dossier.not_editable',
      currentStatus: 'SUPPLEMENT_REQUESTED',
    });
  });

  it('refuses edits once submitted, and hides other people’s dossiers', async () => {
    const { sut, mocks } = newDossiersService();
    const submitted = owned(
      mocks,
      dossierOf({ applicantId: caller.accountId, status: 'SUBMITTED' }),
    );
    expect(
      (await problemOf(sut.update(caller, { dossierId: submitted.id, formData: validForm }, on)))
        .code,
    ).toBe('dossier.not_editable');
    const theirs = owned(mocks, dossierOf());
    expect(
      await problemOf(sut.update(caller, { dossierId: theirs.id, formData: validForm }, on)),
    ).toMatchObject({ status: 404, code: 'dossier.not_found' });
  });

  it('writes nothing when nothing changes', async () => {
    const { sut, mocks } = newDossiersService();
    const d = owned(mocks, dossierOf({ applicantId: caller.accountId }));
    expect(await sut.update(caller, { dossierId: d.id }, on)).toBe(d);
    expect(mocks.get(DossiersRepository).update).not.toHaveBeenCalled();
  });
});

describe('DossiersService.submit (nộp hồ sơ)', () => {
  /** A complete draft of the caller: valid form, both required components attached. */
  function readyToSubmit(overrides: Partial<Dossier> = {}, procedureView?: ProcedureView) {
    const service = newDossiersService();
    const { mocks } = service;
    const d = owned(
      mocks,
      dossierOf(
        { applicantId: caller.accountId, formData: validForm, ...overrides },
        procedureView,
      ),
    );
    const attached = d.procedure.components
      .filter((c) => c.required)
      .map((c) => attachmentTo(d, c.id));
    owned(mocks, d, attached);
    mocks.get(SubmitReplays).requestHash.mockReturnValue('hash');
    mocks.get(SubmitReplays).find.mockResolvedValue(null);
    mocks.get(SubmitReplays).record.mockResolvedValue(undefined);
    mocks.get(ApplicantDirectory).profileOf.mockResolvedValue(profile);
    mocks.get(FileStore).claim.mockResolvedValue(undefined);
    mocks.get(DossierCodes).next.mockResolvedValue(`${d.agencyCode}-260302-0001`);
    mocks
      .get(DossierWorkflow)
      .apply.mockImplementation((_tx, row, request) =>
        Promise.resolve({ ...row, ...request.changes, status: 'SUBMITTED' }),
      );
    return { ...service, d, attached };
  }

  it('gives the dossier its code and a lookup key, with the applicant as identity knows them', async () => {
    const { sut, mocks, d, attached } = readyToSubmit();
    const result = await sut.submit(caller, { dossierId: d.id }, on);
    expect(result).toEqual({
      id: d.id,
      code: `${d.agencyCode}-260302-0001`,
      lookupKey: expect.stringMatching(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$/),
      status: 'SUBMITTED',
    });
    expect(mocks.get(FileStore).claim).toHaveBeenCalledWith(
      attached.map((a) => a.fileId),
      on,
    );
    const [, , request] = mocks.get(DossierWorkflow).apply.mock.calls[0];
    expect(request).toMatchObject({ action: 'submit', actor: { by: 'citizen', role: 'citizen' } });
    expect(request.changes).toMatchObject({
      code: result.code,
      applicant: {
        accountId: caller.accountId,
        fullName: 'Nguyễn Thị Bình',
        idNumber: '001099012345',
        email: 'binh@example.vn',
        phone: '0912345678',
      },
      applicantNameFolded: 'nguyen thi binh',
      submittedAt: request.now,
    });
    expect(request.changes).not.toHaveProperty('paymentAmount');
    // Only the hash of the lookup key is kept.
    expect(matchesLookupHash(result.lookupKey, request.changes!.lookupKeyHash!)).toBe(true);
  });

  it('lists everything still missing at once, and writes nothing', async () => {
    const { sut, mocks, d } = readyToSubmit({
      formData: { ngaySinh: '2026-01-15' },
      deliveryMethod: 'post',
    });
    owned(mocks, d, [attachmentTo(d, 'to-khai')]);
    const problem = await problemOf(sut.submit(caller, { dossierId: d.id }, on));
    expect(problem).toMatchObject({ status: 422, code: 'dossier.incomplete' });
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: '/hoTen' }),
      expect.objectContaining({ field: '/gioiTinh' }),
      {
        field: 'components/giay-chung-sinh',
        message: 'Chưa đính kèm thành phần hồ sơ: Giấy chứng sinh',
      },
      { field: 'deliveryAddress', message: 'Nhận kết quả qua bưu chính cần địa chỉ nhận' },
    ]);
    expect(mocks.get(UnitOfWork).run).not.toHaveBeenCalled();
    expect(mocks.get(FileStore).claim).not.toHaveBeenCalled();
  });

  it('asks for the fee first when the procedure takes it at submission', async () => {
    const feeFirst = procedure({
      feeAtSubmission: true,
      cases: [
        {
          ...procedure().cases[0],
          fees: [{ name: 'Lệ phí cấp đổi', amountVnd: 135_000, note: null }],
        },
      ],
    });
    const { sut, mocks, d } = readyToSubmit({}, feeFirst);
    await sut.submit(caller, { dossierId: d.id }, on);
    const [, , request] = mocks.get(DossierWorkflow).apply.mock.calls[0];
    expect(request.changes).toMatchObject({ paymentAmount: 135_000 });
  });

  it('answers a replayed Idempotency-Key with the first answer, submitting nothing again', async () => {
    const { sut, mocks, d } = readyToSubmit({ status: 'SUBMITTED' });
    const first = {
      id: d.id,
      code: 'X-260302-0001',
      lookupKey: 'ABCDEF',
      status: 'SUBMITTED' as const,
    };
    mocks.get(SubmitReplays).find.mockResolvedValue(first);
    expect(await sut.submit(caller, { dossierId: d.id, idempotencyKey: 'k-1' }, on)).toBe(first);
    expect(mocks.get(SubmitReplays).find).toHaveBeenCalledWith(
      caller.accountId,
      'k-1',
      'hash',
      undefined,
    );
    expect(mocks.get(ApplicantDirectory).profileOf).not.toHaveBeenCalled();
    expect(mocks.get(UnitOfWork).run).not.toHaveBeenCalled();
  });

  it('looks a key up only for a dossier that cannot be submitted: a first submit reads no key', async () => {
    const { sut, mocks, d } = readyToSubmit();
    await sut.submit(caller, { dossierId: d.id, idempotencyKey: 'k-0' }, on);
    expect(mocks.get(SubmitReplays).find).not.toHaveBeenCalled();
    expect(mocks.get(SubmitReplays).record).toHaveBeenCalled();
  });

  it('records the answer under the Idempotency-Key in the same transaction', async () => {
    const { sut, mocks, d, tx } = readyToSubmit();
    const result = await sut.submit(caller, { dossierId: d.id, idempotencyKey: 'k-2' }, on);
    expect(mocks.get(SubmitReplays).record).toHaveBeenCalledWith(
      tx.manager,
      caller.accountId,
      'k-2',
      'hash',
      result,
    );
  });

  it('passes the attachments read under the lock to the events, with no results (a draft has none)', async () => {
    const { sut, mocks, d, attached } = readyToSubmit();
    await sut.submit(caller, { dossierId: d.id }, on);
    const [, , request] = mocks.get(DossierWorkflow).apply.mock.calls[0];
    expect(request.files).toEqual({ attachments: attached, results: [] });
  });

  it('answers the winner’s result when a concurrent submit took the key first', async () => {
    const { sut, mocks, d } = readyToSubmit();
    const winner = {
      id: d.id,
      code: 'X-260302-0007',
      lookupKey: 'QWERTY',
      status: 'SUBMITTED' as const,
    };
    mocks.get(SubmitReplays).record.mockRejectedValue(new KeyTakenError('k-3'));
    mocks.get(SubmitReplays).find.mockResolvedValueOnce(winner); // after the key was taken
    expect(await sut.submit(caller, { dossierId: d.id, idempotencyKey: 'k-3' }, on)).toBe(winner);
  });

  it('answers the winner’s result when the same submit committed while it waited for the lock', async () => {
    const { sut, mocks, d, tx } = readyToSubmit();
    const winner = {
      id: d.id,
      code: 'X-260302-0008',
      lookupKey: 'ZXCVBN',
      status: 'SUBMITTED' as const,
    };
    mocks.get(DossiersRepository).lockWithAttachments.mockResolvedValue({
      dossier: { ...d, status: 'SUBMITTED' },
      attachments: [],
    });
    mocks.get(SubmitReplays).find.mockResolvedValueOnce(winner);
    expect(await sut.submit(caller, { dossierId: d.id, idempotencyKey: 'k-4' }, on)).toBe(winner);
    expect(mocks.get(SubmitReplays).find).toHaveBeenCalledWith(
      caller.accountId,
      'k-4',
      'hash',
      tx.manager,
    );
    expect(mocks.get(DossierWorkflow).apply).not.toHaveBeenCalled();
  });

  it('refuses a second submit with the current status, and other people’s drafts with 404', async () => {
    const { sut, mocks, d } = readyToSubmit({ status: 'SUBMITTED' });
    expect(await problemOf(sut.submit(caller, { dossierId: d.id }, on))).toMatchObject({
      status: 409,
      code: 'dossier.illegal_transition',
      currentStatus: 'SUBMITTED',
    });
    const theirs = owned(mocks, dossierOf({ formData: validForm }));
    expect((await problemOf(sut.submit(caller, { dossierId: theirs.id }, on))).code).toBe(
      'dossier.not_found',
    );
  });
});

describe('DossiersService.supplement (bổ sung hồ sơ)', () => {
  it('resumes processing once the form is complete, clearing the request', async () => {
    const { sut, mocks } = newDossiersService();
    const d = owned(
      mocks,
      dossierOf({
        applicantId: caller.accountId,
        status: 'SUPPLEMENT_REQUESTED',
        pausedFrom: 'PROCESSING',
        formData: validForm,
      }),
    );
    mocks
      .get(DossierWorkflow)
      .apply.mockImplementation((_tx, row, request) =>
        Promise.resolve({ ...row, ...request.changes, status: 'PROCESSING' }),
      );
    const resumed = await sut.supplement(caller, { dossierId: d.id, note: 'Đã bổ sung' }, on);
    expect(resumed).toMatchObject({ status: 'PROCESSING', supplementRequest: null });
    expect(mocks.get(DossierWorkflow).apply.mock.calls[0][2]).toMatchObject({
      action: 'supplement',
      note: 'Đã bổ sung',
      actor: { by: 'citizen' },
    });
  });

  it('refuses while the form still lacks required fields', async () => {
    const { sut, mocks } = newDossiersService();
    const d = owned(
      mocks,
      dossierOf({
        applicantId: caller.accountId,
        status: 'SUPPLEMENT_REQUESTED',
        formData: { ngaySinh: '2026-01-15' },
      }),
    );
    const problem = await problemOf(sut.supplement(caller, { dossierId: d.id }, on));
    expect(problem).toMatchObject({ status: 422, code: 'dossier.form_invalid' });
    expect(problem.errors?.map((e) => e.field)).toEqual(['/hoTen', '/gioiTinh']);
    expect(mocks.get(DossierWorkflow).apply).not.toHaveBeenCalled();
  });

  it('refuses when nothing was asked for', async () => {
    const { sut, mocks } = newDossiersService();
    const d = owned(
      mocks,
      dossierOf({ applicantId: caller.accountId, status: 'PROCESSING', formData: validForm }),
    );
    expect(await problemOf(sut.supplement(caller, { dossierId: d.id }, on))).toMatchObject({
      status: 409,
      code: 'dossier.illegal_transition',
      currentStatus: 'PROCESSING',
    });
  });
});
