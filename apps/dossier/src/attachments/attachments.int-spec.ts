import { AttachmentView, DossierRpc, UploadQuotaView } from '@dvc/contracts';
import { problemOf } from '@dvc/testing';
import {
  DossierTestContext,
  MAX_DOSSIER_BYTES,
  startDossierContext,
} from '../../test/dossier-context';

jest.setTimeout(60_000);

describe('dossier attachments (thành phần hồ sơ)', () => {
  let ctx: DossierTestContext;

  beforeAll(async () => {
    ctx = await startDossierContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  it('attaches uploaded files within the quota, only the caller’s own clean attachment files', async () => {
    const citizen = ctx.newCitizen();
    const stranger = ctx.newCitizen({ fullName: 'Trần Văn Lạ' });
    const draft = await ctx.newDraft(citizen);
    expect(
      await ctx.rpc<UploadQuotaView>(
        DossierRpc.prepareAttachment,
        { dossierId: draft.id, componentId: 'to-khai' },
        citizen,
      ),
    ).toEqual({ remainingBytes: MAX_DOSSIER_BYTES, maxBytes: MAX_DOSSIER_BYTES });
    const attached = await ctx.attach(draft.id, 'to-khai', citizen, 400_000);
    expect(attached).toMatchObject({
      componentId: 'to-khai',
      size: 400_000,
      source: 'upload',
      supplement: false,
    });
    expect(ctx.claimed.has(attached.fileId)).toBe(true);
    expect(
      await ctx.rpc<UploadQuotaView>(
        DossierRpc.prepareAttachment,
        { dossierId: draft.id, componentId: 'to-khai' },
        citizen,
      ),
    ).toMatchObject({ remainingBytes: MAX_DOSSIER_BYTES - 400_000 });

    // over the dossier quota
    const tooBig = await problemOf(
      ctx.attach(draft.id, 'giay-chung-sinh', citizen, MAX_DOSSIER_BYTES - 399_999),
    );
    expect(tooBig).toMatchObject({ status: 413, code: 'dossier.quota_exceeded' });
    // someone else's file, a result file, an unknown component
    const strangersFile = ctx.storeFile(stranger, 'attachment');
    expect(
      (
        await problemOf(
          ctx.rpc(
            DossierRpc.addAttachment,
            { dossierId: draft.id, componentId: 'to-khai', fileId: strangersFile.id },
            citizen,
          ),
        )
      ).code,
    ).toBe('file.not_found');
    const resultFile = ctx.storeFile(citizen, 'result');
    expect(
      (
        await problemOf(
          ctx.rpc(
            DossierRpc.addAttachment,
            { dossierId: draft.id, componentId: 'to-khai', fileId: resultFile.id },
            citizen,
          ),
        )
      ).status,
    ).toBe(422);
    expect((await problemOf(ctx.attach(draft.id, 'khong-co', citizen))).code).toBe(
      'dossier.component_unknown',
    );
    // and nobody else's dossier
    expect((await problemOf(ctx.attach(draft.id, 'to-khai', stranger))).code).toBe(
      'dossier.not_found',
    );
  });

  it('attaches a wallet document as a copy, and removes an attachment from the draft', async () => {
    const citizen = ctx.newCitizen();
    const stranger = ctx.newCitizen({ fullName: 'Trần Văn Lạ' });
    const draft = await ctx.newDraft(citizen);
    const document = ctx.storeWalletDocument(citizen, 'giay-chung-sinh.pdf', 2000);
    const fromWallet = await ctx.rpc<AttachmentView>(
      DossierRpc.attachFromDocument,
      { dossierId: draft.id, componentId: 'giay-chung-sinh', documentId: document.id },
      citizen,
    );
    expect(fromWallet).toMatchObject({
      source: 'wallet',
      size: 2000,
      fileName: 'giay-chung-sinh.pdf',
    });
    expect(fromWallet.fileId).not.toBe(document.fileId);
    expect(ctx.files.get(fromWallet.fileId)?.purpose).toBe('attachment');
    expect(
      (
        await problemOf(
          ctx.rpc(
            DossierRpc.attachFromDocument,
            { dossierId: draft.id, componentId: 'giay-chung-sinh', documentId: document.id },
            stranger,
          ),
        )
      ).code,
    ).toBe('dossier.not_found');

    const extra = await ctx.attach(draft.id, 'giay-uy-quyen', citizen);
    expect(
      await ctx.rpc(
        DossierRpc.removeAttachment,
        { dossierId: draft.id, attachmentId: extra.id },
        citizen,
      ),
    ).toEqual({ removed: true });
    expect(ctx.files.get(extra.fileId)?.status).toBe('deleted');
    const slots = (await ctx.get(draft.id, citizen)).components;
    expect(slots.find((c) => c.componentId === 'giay-uy-quyen')?.attachments).toEqual([]);
    expect(slots.find((c) => c.componentId === 'giay-chung-sinh')?.attachments).toHaveLength(1);
  });

  it('takes no new attachment once the dossier is submitted', async () => {
    const citizen = ctx.newCitizen();
    const { id } = await ctx.newSubmittedDossier(citizen);
    expect((await problemOf(ctx.attach(id, 'giay-uy-quyen', citizen))).code).toBe(
      'dossier.not_editable',
    );
  });
});
