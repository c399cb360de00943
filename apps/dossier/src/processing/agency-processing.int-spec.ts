import { randomUUID } from 'node:crypto';
import {
  DomainError,
  DossierRpc,
  DossierView,
  FileAuthorizationView,
  OfficerDossierSummary,
  Page,
  ResultFileView,
  UploadQuotaView,
} from '@dvc/contracts';
import { problemOf } from '@dvc/testing';
import {
  DossierTestContext,
  HOLIDAYS,
  MAX_DOSSIER_BYTES,
  OTHER_AGENCY,
  startDossierContext,
} from '../../test/dossier-context';
import { WorkingCalendar } from '../calendar/working-calendar';

jest.setTimeout(60_000);

/** The agency's side of a dossier (xử lý hồ sơ): receipt, processing, supplement, result. */
describe('agency processing', () => {
  const calendar = new WorkingCalendar(HOLIDAYS);
  let ctx: DossierTestContext;

  beforeAll(async () => {
    ctx = await startDossierContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  it('shows the dossier to nobody else: other citizens and other agencies get 404', async () => {
    const citizen = ctx.newCitizen();
    const stranger = ctx.newCitizen({ fullName: 'Trần Văn Lạ' });
    const otherOfficer = ctx.newOfficer([OTHER_AGENCY]);
    const { id } = await ctx.newSubmittedDossier(citizen);
    expect(await problemOf(ctx.get(id, stranger))).toMatchObject({
      status: 404,
      code: 'dossier.not_found',
    });
    expect(
      await problemOf(ctx.rpc(DossierRpc.officerGet, { dossierId: id }, otherOfficer)),
    ).toMatchObject({ status: 404, code: 'dossier.not_found' });
    expect(await problemOf(ctx.act(id, 'receive', otherOfficer))).toMatchObject({
      status: 404,
    });
    expect(await problemOf(ctx.act(id, 'receive', citizen))).toMatchObject({
      status: 403,
      code: 'auth.officer_required',
    });
    const theirs = await ctx.rpc<Page<OfficerDossierSummary>>(
      DossierRpc.officerList,
      {},
      otherOfficer,
    );
    expect(theirs.total).toBe(0);
  });

  it('receives: receipt number and a due date one working day later on the working calendar', async () => {
    const officer = ctx.newOfficer();
    const submitted = await ctx.newSubmittedDossier(ctx.newCitizen());
    const received = await ctx.act(submitted.id, 'receive', officer);
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
    const officer = ctx.newOfficer();
    const { id } = await ctx.newReceivedDossier(ctx.newCitizen(), officer);
    expect(await problemOf(ctx.act(id, 'complete', officer))).toMatchObject({
      status: 409,
      code: 'dossier.illegal_transition',
      currentStatus: 'RECEIVED',
      currentStatusCode: 2,
    });
    expect(await problemOf(ctx.act(id, 'fly', officer))).toMatchObject({ status: 400 });
  });

  it('pauses the clock during a supplement request and resumes it with the time that was left', async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer();
    const { id } = await ctx.newReceivedDossier(citizen, officer);
    const started = await ctx.act(id, 'start', officer);
    const dueBefore = new Date(started.dueAt!);
    expect((await problemOf(ctx.act(id, 'request-supplement', officer))).code).toBe(
      'dossier.supplement_reason_required',
    );
    const paused = await ctx.act(id, 'request-supplement', officer, {
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
    const added = await ctx.attach(id, 'giay-uy-quyen', citizen);
    expect(added.supplement).toBe(true);
    const submittedFile = (await ctx.get(id, citizen)).components[0].attachments[0];
    expect(
      (
        await problemOf(
          ctx.rpc(
            DossierRpc.removeAttachment,
            { dossierId: id, attachmentId: submittedFile.id },
            citizen,
          ),
        )
      ).code,
    ).toBe('dossier.attachment_submitted');

    const resumed = await ctx.rpc<DossierView>(
      DossierRpc.supplement,
      { dossierId: id, note: 'Đã bổ sung' },
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
    const citizen = ctx.newCitizen();
    const stranger = ctx.newCitizen({ fullName: 'Trần Văn Lạ' });
    const officer = ctx.newOfficer();
    const otherOfficer = ctx.newOfficer([OTHER_AGENCY]);
    const { id } = await ctx.newReceivedDossier(citizen, officer);
    await ctx.act(id, 'start', officer);
    expect(await problemOf(ctx.act(id, 'complete', officer))).toMatchObject({
      status: 422,
      code: 'dossier.result_missing',
    });
    expect(
      await ctx.rpc<UploadQuotaView>(DossierRpc.officerPrepareResult, { dossierId: id }, officer),
    ).toEqual({ remainingBytes: MAX_DOSSIER_BYTES, maxBytes: MAX_DOSSIER_BYTES });
    const citizensUpload = ctx.storeFile(citizen, 'result');
    expect(
      (
        await problemOf(
          ctx.rpc(
            DossierRpc.officerAddResult,
            { dossierId: id, fileId: citizensUpload.id },
            officer,
          ),
        )
      ).code,
    ).toBe('file.not_found');
    const resultFile = ctx.storeFile(officer, 'result', 5000, 'giay-khai-sinh.pdf');
    const result = await ctx.rpc<ResultFileView>(
      DossierRpc.officerAddResult,
      { dossierId: id, fileId: resultFile.id },
      officer,
    );
    expect(result).toEqual({
      fileId: resultFile.id,
      fileName: 'giay-khai-sinh.pdf',
      contentType: 'application/pdf',
      size: 5000,
      downloadUrl: `/api/v1/dossiers/${id}/results/${resultFile.id}`,
      verificationCode: null,
      coverSheet: null,
    });
    expect((await ctx.act(id, 'complete', officer, { note: 'Đã cấp giấy khai sinh' })).status).toBe(
      'RESULT_READY',
    );
    const returned = await ctx.act(id, 'return', officer);
    expect(returned.status).toBe('RETURNED');
    // The citizen gets the copy signed by the agency on completion, with its verification code.
    const [delivered] = (await ctx.get(id, citizen)).results;
    expect(delivered.fileId).not.toBe(resultFile.id);
    expect(delivered).toMatchObject({
      fileName: 'giay-khai-sinh.pdf',
      downloadUrl: `/api/v1/dossiers/${id}/results/${delivered.fileId}`,
      verificationCode: expect.stringMatching(/^[A-Z0-9]{12}$/),
      coverSheet: null,
    });
    expect(
      await ctx.rpc<FileAuthorizationView>(
        DossierRpc.authorizeFile,
        { dossierId: id, fileId: delivered.fileId },
        citizen,
      ),
    ).toEqual({ fileId: delivered.fileId, kind: 'result' });

    // who may stream which file
    expect(
      await ctx.rpc<FileAuthorizationView>(
        DossierRpc.authorizeFile,
        { dossierId: id, fileId: resultFile.id },
        citizen,
      ),
    ).toEqual({ fileId: resultFile.id, kind: 'result' });
    const attachmentFile = returned.components[0].attachments[0].fileId;
    expect(
      await ctx.rpc<FileAuthorizationView>(
        DossierRpc.authorizeFile,
        { dossierId: id, fileId: attachmentFile },
        officer,
      ),
    ).toEqual({ fileId: attachmentFile, kind: 'attachment' });
    for (const who of [stranger, otherOfficer]) {
      expect(
        (
          await problemOf(
            ctx.rpc(DossierRpc.authorizeFile, { dossierId: id, fileId: resultFile.id }, who),
          )
        ).status,
      ).toBe(404);
    }
    expect(
      (
        await problemOf(
          ctx.rpc(DossierRpc.authorizeFile, { dossierId: id, fileId: randomUUID() }, citizen),
        )
      ).code,
    ).toBe('file.not_found');
  });

  it('lets only one of concurrent identical actions on a dossier pass the transition check', async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer();
    const { id } = await ctx.newSubmittedDossier(citizen);
    const outcomes = await Promise.allSettled([
      ctx.act(id, 'receive', officer),
      ctx.act(id, 'receive', officer),
      ctx.act(id, 'receive', officer),
    ]);
    const passed = outcomes.filter((o) => o.status === 'fulfilled');
    expect(passed).toHaveLength(1);
    for (const o of outcomes) {
      if (o.status === 'rejected')
        expect((o.reason as DomainError).code).toBe('dossier.illegal_transition');
    }
    const view = await ctx.get(id, citizen);
    expect(view.history).toHaveLength(3); // create, submit and the one that won
  });

  it('lets the citizen withdraw and the officer stop', async () => {
    const citizen = ctx.newCitizen();
    const officer = ctx.newOfficer();
    const { id } = await ctx.newSubmittedDossier(citizen);
    expect((await problemOf(ctx.act(id, 'stop', officer))).code).toBe('dossier.illegal_transition');
    const withdrawing = await ctx.rpc<DossierView>(
      DossierRpc.withdraw,
      { dossierId: id, note: 'Nộp nhầm' },
      citizen,
    );
    expect(withdrawing.status).toBe('WITHDRAWAL_REQUESTED');
    expect((await ctx.act(id, 'stop', officer)).status).toBe('STOPPED');
    const stopped = await ctx.rpc<Page<OfficerDossierSummary>>(
      DossierRpc.officerList,
      { status: 'STOPPED' },
      officer,
    );
    expect(stopped.items.map((d) => d.id)).toContain(id);
  });
});
