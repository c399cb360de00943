import type { EntityManager } from 'typeorm';
import type { Tx } from '@dvc/messaging';
import { newTestService, problemOf, provide } from '@dvc/testing';
import { dossierOf } from '../../test/dossier-row';
import { procedure } from '../../test/fixtures';
import { DossierConfig } from '../dossier.config';
import { Actor, DossierWorkflow } from '../dossiers/dossier-workflow';
import type { Dossier } from '../dossiers/dossiers.dto';
import { AgencyActionInput, AgencyActions } from './agency-actions';
import type { ResultFile } from '../results/results.dto';
import { ResultsRepository } from '../results/results.repository';
import { FileStore } from '../neighbours/file-store';
import type { IssuedDocumentView, PersonalDocumentView } from '@dvc/contracts';

const officer: Actor = { by: 'officer', role: 'officer', accountId: 'officer-1' };
const now = new Date('2026-03-03T02:00:00Z');
const tx = { manager: {} as EntityManager, publish: jest.fn() } as unknown as Tx;

/** The agency's rules with a workflow that applies whatever it is asked, and no results yet. */
function newAgencyActions() {
  const { sut, mocks } = newTestService(
    AgencyActions,
    provide(DossierConfig, { MAX_DOSSIER_BYTES: 1_000_000 } as DossierConfig),
  );
  mocks
    .get(DossierWorkflow)
    .apply.mockImplementation((_tx, d, request) => Promise.resolve({ ...d, ...request.changes }));
  mocks.get(ResultsRepository).list.mockResolvedValue([]);
  /** What the workflow was asked to apply for one action. */
  const perform = async (d: Dossier, input: AgencyActionInput) => {
    await sut.perform(tx, d, input, officer, now);
    return mocks.get(DossierWorkflow).apply.mock.calls.at(-1)![2];
  };
  return { sut, mocks, perform };
}

const code = 'T00.00.01.H99-260302-0001';

describe('AgencyActions: what each action needs besides the status change', () => {
  it('receive numbers the receipt after the dossier code and records when', async () => {
    const { perform } = newAgencyActions();
    const request = await perform(dossierOf({ code, status: 'SUBMITTED' }), { action: 'receive' });
    expect(request).toMatchObject({
      action: 'receive',
      actor: officer,
      now,
      note: null,
      changes: { receivedAt: now, receiptNumber: `TN-${code}` },
    });
  });

  it('start needs nothing more', async () => {
    const { perform } = newAgencyActions();
    const request = await perform(dossierOf({ code, status: 'RECEIVED' }), {
      action: 'start',
      note: 'Chuyển phòng Hộ tịch',
    });
    expect(request).toMatchObject({ action: 'start', note: 'Chuyển phòng Hộ tịch' });
    expect(request.changes).toBeUndefined();
  });

  describe('request-supplement', () => {
    const processing = () => dossierOf({ code, status: 'PROCESSING' });

    it('refuses without a list of what is missing or a note', async () => {
      const { sut } = newAgencyActions();
      const problem = await problemOf(
        sut.perform(
          tx,
          processing(),
          { action: 'request-supplement', missing: ['  ', ''] },
          officer,
          now,
        ),
      );
      expect(problem).toMatchObject({
        status: 422,
        code: 'dossier.supplement_reason_required',
        errors: [{ field: 'missing' }],
      });
    });

    it('refuses a deadline that has already passed', async () => {
      const { sut } = newAgencyActions();
      const problem = await problemOf(
        sut.perform(
          tx,
          processing(),
          { action: 'request-supplement', note: 'Thiếu bản sao', deadline: '2026-03-03T01:59:00Z' },
          officer,
          now,
        ),
      );
      expect(problem).toMatchObject({
        status: 422,
        code: 'dossier.deadline_past',
        errors: [{ field: 'deadline' }],
      });
    });

    it('keeps the trimmed list, the note and the deadline for the citizen to see', async () => {
      const { perform } = newAgencyActions();
      const request = await perform(processing(), {
        action: 'request-supplement',
        missing: [' Bản sao giấy chứng nhận kết hôn ', ''],
        note: '  Bổ sung một lần  ',
        deadline: '2026-03-10T10:00:00+07:00',
      });
      expect(request.missing).toEqual(['Bản sao giấy chứng nhận kết hôn']);
      expect(request.changes).toEqual({
        supplementRequest: {
          missing: ['Bản sao giấy chứng nhận kết hôn'],
          note: 'Bổ sung một lần',
          deadline: '2026-03-10T03:00:00.000Z',
          requestedAt: now.toISOString(),
        },
      });
    });

    it('accepts a note alone, with no deadline', async () => {
      const { perform } = newAgencyActions();
      const request = await perform(processing(), {
        action: 'request-supplement',
        note: 'Ảnh chụp giấy chứng sinh bị mờ',
      });
      expect(request.changes?.supplementRequest).toMatchObject({
        missing: [],
        note: 'Ảnh chụp giấy chứng sinh bị mờ',
        deadline: null,
      });
    });
  });

  describe('request-payment', () => {
    it('is refused for a level-3 procedure: the fee is paid at the desk', async () => {
      const { sut } = newAgencyActions();
      const d = dossierOf({ code, status: 'RECEIVED' }, procedure({ level: 3 }));
      expect(
        await problemOf(
          sut.perform(tx, d, { action: 'request-payment', amount: 50_000 }, officer, now),
        ),
      ).toMatchObject({
        status: 409,
        code: 'dossier.online_payment_unavailable',
        currentStatus: 'RECEIVED',
      });
    });

    it('asks for the amount given, or else the procedure’s fee', async () => {
      const { perform } = newAgencyActions();
      const free = dossierOf({ code, status: 'RECEIVED' });
      expect((await perform(free, { action: 'request-payment', amount: 50_000 })).changes).toEqual({
        paymentAmount: 50_000,
      });
      const withFee = procedure();
      withFee.cases[0].fees = [{ name: 'Lệ phí', amountVnd: 8_000, note: null }];
      const paid = dossierOf({ code, status: 'RECEIVED' }, withFee);
      expect((await perform(paid, { action: 'request-payment' })).changes).toEqual({
        paymentAmount: 8_000,
      });
    });

    it('refuses without an amount when the procedure is free', async () => {
      const { sut } = newAgencyActions();
      const d = dossierOf({ code, status: 'RECEIVED' });
      expect(
        await problemOf(sut.perform(tx, d, { action: 'request-payment' }, officer, now)),
      ).toMatchObject({
        status: 422,
        code: 'dossier.amount_required',
        errors: [{ field: 'amount' }],
      });
    });
  });

  it('refuse needs a reason', async () => {
    const { sut, perform } = newAgencyActions();
    const d = dossierOf({ code, status: 'RECEIVED' });
    expect(
      await problemOf(sut.perform(tx, d, { action: 'refuse', note: '   ' }, officer, now)),
    ).toMatchObject({ status: 422, code: 'dossier.note_required', errors: [{ field: 'note' }] });
    expect(await perform(d, { action: 'refuse', note: 'Không đúng thẩm quyền' })).toMatchObject({
      action: 'refuse',
      note: 'Không đúng thẩm quyền',
    });
  });

  it('complete needs a result file first', async () => {
    const { sut, mocks, perform } = newAgencyActions();
    const d = dossierOf({ code, status: 'PROCESSING' });
    expect(await problemOf(sut.perform(tx, d, { action: 'complete' }, officer, now))).toMatchObject(
      {
        status: 422,
        code: 'dossier.result_missing',
        errors: [{ field: 'results' }],
      },
    );
    mocks
      .get(ResultsRepository)
      .list.mockResolvedValue([{ id: 'r-1', fileId: 'f-1', signed: null } as ResultFile]);
    mocks.get(FileStore).issueResult.mockResolvedValue({
      fileId: 'signed-1',
      fileName: 'ket-qua.pdf',
      verificationCode: 'ABCDEFGHJKMN',
    } as IssuedDocumentView);
    mocks.get(ResultsRepository).markSigned.mockResolvedValue(undefined);
    expect(await perform(d, { action: 'complete' })).toMatchObject({ action: 'complete' });
    expect(mocks.get(ResultsRepository).list).toHaveBeenCalledWith(d.id, tx.manager);
  });

  it('return puts each signed result into the citizen wallet', async () => {
    const { mocks, perform } = newAgencyActions();
    const d = dossierOf({ code, status: 'RESULT_READY' });
    const signed = { fileId: 'signed-1', fileName: 'a.pdf', verificationCode: 'ABCDEFGHJKMN' };
    mocks
      .get(ResultsRepository)
      .list.mockResolvedValue([{ id: 'r-1', fileId: 'f-1', signed } as ResultFile]);
    mocks.get(FileStore).addResultToWallet.mockResolvedValue({} as PersonalDocumentView);

    await perform(d, { action: 'return' });

    expect(mocks.get(FileStore).addResultToWallet).toHaveBeenCalledWith(
      { ownerId: d.applicantId, fileId: 'signed-1', dossierCode: code },
      null,
    );
  });

  it('complete has each result signed by the agency, once', async () => {
    const { mocks, perform } = newAgencyActions();
    const d = dossierOf({ code, status: 'PROCESSING' });
    const signed = { fileId: 's-0', fileName: 'a.pdf', verificationCode: 'ABCDEFGHJKMN' };
    mocks
      .get(ResultsRepository)
      .list.mockResolvedValue([
        { id: 'r-1', fileId: 'f-1', signed: null } as ResultFile,
        { id: 'r-2', fileId: 'f-2', signed } as ResultFile,
      ]);
    mocks.get(FileStore).issueResult.mockResolvedValue({
      fileId: 'signed-1',
      fileName: 'quyet-dinh-trang-bia.pdf',
      verificationCode: 'PQRSTUVWXYZ2',
    } as IssuedDocumentView);
    mocks.get(ResultsRepository).markSigned.mockResolvedValue(undefined);

    await perform(d, { action: 'complete' });

    expect(mocks.get(FileStore).issueResult).toHaveBeenCalledTimes(1);
    expect(mocks.get(FileStore).issueResult).toHaveBeenCalledWith(
      { fileId: 'f-1', dossierCode: code, agency: d.procedure.agency },
      null,
    );
    expect(mocks.get(ResultsRepository).markSigned).toHaveBeenCalledWith(tx.manager, 'r-1', {
      fileId: 'signed-1',
      fileName: 'quyet-dinh-trang-bia.pdf',
      verificationCode: 'PQRSTUVWXYZ2',
    });
  });

  describe('return', () => {
    it('needs the postal tracking number when the result goes by post', async () => {
      const { sut, perform } = newAgencyActions();
      const byPost = dossierOf({ code, status: 'RESULT_READY', deliveryMethod: 'post' });
      expect(
        await problemOf(
          sut.perform(tx, byPost, { action: 'return', deliveryTracking: ' ' }, officer, now),
        ),
      ).toMatchObject({
        code: 'dossier.tracking_required',
        errors: [{ field: 'deliveryTracking' }],
      });
      expect(
        (await perform(byPost, { action: 'return', deliveryTracking: ' EV123456789VN ' })).changes,
      ).toEqual({ deliveryTracking: 'EV123456789VN' });
    });

    it('needs nothing when the result is collected at the desk or online', async () => {
      const { perform } = newAgencyActions();
      const online = dossierOf({ code, status: 'RESULT_READY', deliveryMethod: 'online' });
      expect((await perform(online, { action: 'return' })).changes).toBeUndefined();
    });
  });

  describe('stop', () => {
    it('needs a reason when the agency stops on its own', async () => {
      const { sut } = newAgencyActions();
      const d = dossierOf({ code, status: 'PROCESSING' });
      expect(await problemOf(sut.perform(tx, d, { action: 'stop' }, officer, now))).toMatchObject({
        code: 'dossier.note_required',
      });
    });

    it('needs none to confirm the citizen’s withdrawal', async () => {
      const { perform } = newAgencyActions();
      const d = dossierOf({ code, status: 'WITHDRAWAL_REQUESTED' });
      expect(await perform(d, { action: 'stop' })).toMatchObject({ action: 'stop', note: null });
    });
  });

  it('applies nothing when a refusal is thrown', async () => {
    const { sut, mocks } = newAgencyActions();
    await problemOf(sut.perform(tx, dossierOf({ code }), { action: 'refuse' }, officer, now));
    expect(mocks.get(DossierWorkflow).apply).not.toHaveBeenCalled();
  });
});
