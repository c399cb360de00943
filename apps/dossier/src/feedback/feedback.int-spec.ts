import { randomUUID } from 'node:crypto';
import {
  Caller,
  DossierRpc,
  Events,
  FeedbackAttachmentView,
  FeedbackUploadQuotaView,
  FileAuthorizationView,
  FeedbackLookupView,
  FeedbackReceipt,
  OfficerFeedbackView,
  Page,
  PublicFeedbackView,
} from '@dvc/contracts';
import { problemOf } from '@dvc/testing';
import {
  CAPTCHA_ANSWER,
  DossierTestContext,
  MAX_DOSSIER_BYTES,
  startDossierContext,
} from '../../test/dossier-context';
import { AGENCY, OTHER_AGENCY } from '../../test/fixtures';

jest.setTimeout(60_000);

describe('feedback and petitions (PAKN)', () => {
  let ctx: DossierTestContext;

  beforeAll(async () => {
    ctx = await startDossierContext();
  }, 120_000);
  afterAll(() => ctx?.close(), 60_000);

  const question = (extra: Record<string, unknown> = {}) => ({
    title: `Chậm trả kết quả ${randomUUID().slice(0, 8)}`,
    content: 'Hồ sơ của tôi đã quá hạn nhưng chưa nhận được kết quả.',
    agencyCode: AGENCY,
    ...extra,
  });
  const anonymous = (extra: Record<string, unknown> = {}) =>
    ctx.rpc<FeedbackReceipt>(
      DossierRpc.feedbackSubmit,
      question({ captchaId: randomUUID(), captchaAnswer: CAPTCHA_ANSWER, ...extra }),
      null,
    );

  it('takes an anonymous question with the right captcha and opens it by code and key only', async () => {
    const receipt = await anonymous({
      contact: { name: 'Trần Văn Bình', email: 'binh@example.vn' },
    });
    expect(receipt.code).toMatch(/^PAKN-\d{6}-\d{4,}$/);
    expect(receipt.lookupKey).toMatch(/^[A-Z2-9]{6}$/);
    // Ten working days from now: at least two weeks of calendar.
    expect(new Date(receipt.dueAt).getTime() - Date.now()).toBeGreaterThan(13 * 86_400_000);

    const view = await ctx.rpc<FeedbackLookupView>(
      DossierRpc.feedbackLookup,
      { code: receipt.code, key: receipt.lookupKey.toLowerCase() },
      null,
    );
    expect(view).toMatchObject({ code: receipt.code, status: 'pending', agencyCode: AGENCY });
    for (const key of ['AAAAAA', '']) {
      expect(
        await problemOf(ctx.rpc(DossierRpc.feedbackLookup, { code: receipt.code, key }, null)),
      ).toMatchObject({ status: 404, code: 'feedback.not_found' });
    }
    expect(
      await problemOf(
        ctx.rpc(
          DossierRpc.feedbackLookup,
          { code: 'PAKN-000000-0000', key: receipt.lookupKey },
          null,
        ),
      ),
    ).toMatchObject({ status: 404, code: 'feedback.not_found' });
  });

  it('refuses an anonymous question without the captcha or with a wrong one (400), and an unknown agency (422)', async () => {
    expect(await problemOf(ctx.rpc(DossierRpc.feedbackSubmit, question(), null))).toMatchObject({
      status: 400,
      code: 'captcha.required',
    });
    expect(await problemOf(anonymous({ captchaAnswer: 'sai' }))).toMatchObject({
      status: 400,
      code: 'captcha.invalid',
    });
    expect(
      await problemOf(
        ctx.rpc(DossierRpc.feedbackSubmit, question({ agencyCode: 'KHONG.CO' }), ctx.newCitizen()),
      ),
    ).toMatchObject({ status: 422, code: 'feedback.agency_unknown' });
    expect(
      await problemOf(
        ctx.rpc(DossierRpc.feedbackSubmit, question({ title: 'x' }), ctx.newCitizen()),
      ),
    ).toMatchObject({ status: 400 });
  });

  it('takes a signed-in citizen’s question about a dossier, for the dossier’s agency, without a captcha', async () => {
    const citizen = ctx.newCitizen();
    const submitted = await ctx.newSubmittedDossier(citizen);
    const receipt = await ctx.rpc<FeedbackReceipt>(
      DossierRpc.feedbackSubmit,
      question({ agencyCode: undefined, dossierCode: submitted.code }),
      citizen,
    );
    const officer = ctx.newOfficer([AGENCY]);
    const page = await ctx.rpc<Page<OfficerFeedbackView>>(
      DossierRpc.feedbackOfficerList,
      { pageSize: 100, status: 'pending' },
      officer,
    );
    const mine = page.items.find((f) => f.code === receipt.code);
    expect(mine).toMatchObject({
      agencyCode: AGENCY,
      dossierCode: submitted.code,
      askerId: citizen.accountId,
      overdue: false,
    });
  });

  it('lets only the agency’s officers answer (another agency: 404), once, and rings the asker', async () => {
    const citizen = ctx.newCitizen();
    const receipt = await ctx.rpc<FeedbackReceipt>(DossierRpc.feedbackSubmit, question(), citizen);
    const officer = ctx.newOfficer([AGENCY]);
    const { items } = await ctx.rpc<Page<OfficerFeedbackView>>(
      DossierRpc.feedbackOfficerList,
      { pageSize: 100 },
      officer,
    );
    const id = items.find((f) => f.code === receipt.code)!.id;
    const body = { feedbackId: id, answer: 'Cơ quan đã trả kết quả ngày 05/12.', publish: false };

    const stranger = ctx.newOfficer([OTHER_AGENCY]);
    expect(await problemOf(ctx.rpc(DossierRpc.feedbackAnswer, body, stranger))).toMatchObject({
      status: 404,
    });
    const others = await ctx.rpc<Page<OfficerFeedbackView>>(
      DossierRpc.feedbackOfficerList,
      { pageSize: 100 },
      stranger,
    );
    expect(others.items.map((f) => f.code)).not.toContain(receipt.code);

    const answered = await ctx.rpc<OfficerFeedbackView>(DossierRpc.feedbackAnswer, body, officer);
    expect(answered).toMatchObject({ status: 'answered', published: false });
    expect(await problemOf(ctx.rpc(DossierRpc.feedbackAnswer, body, officer))).toMatchObject({
      status: 409,
      code: 'feedback.already_answered',
    });

    const [event] = await ctx.sut.db.query(
      `SELECT envelope->'data' AS data FROM "${ctx.sut.schema}".outbox
        WHERE type = $1 AND envelope->'data'->>'feedbackId' = $2`,
      [Events.feedbackAnswered, id],
    );
    expect(event.data).toMatchObject({ askerId: citizen.accountId, code: receipt.code });
  });

  it('lists only published answers publicly, found without accents, with no name or contact', async () => {
    const officer = ctx.newOfficer([AGENCY]);
    const marker = randomUUID().slice(0, 8);
    const published = await anonymous({
      title: `Đề nghị giảm lệ phí đăng ký khai sinh ${marker}`,
      contact: { name: 'Lê Thị Hoa', email: 'hoa@example.vn', phone: '0912345678' },
    });
    const hidden = await anonymous({ title: `Đề nghị giảm lệ phí khác ${marker}` });
    const { items } = await ctx.rpc<Page<OfficerFeedbackView>>(
      DossierRpc.feedbackOfficerList,
      { pageSize: 100, status: 'pending' },
      officer,
    );
    const idOf = (code: string) => items.find((f) => f.code === code)!.id;
    await ctx.rpc(
      DossierRpc.feedbackAnswer,
      {
        feedbackId: idOf(published.code),
        answer: 'Lệ phí đăng ký khai sinh đúng hạn được miễn.',
        publish: true,
      },
      officer,
    );
    await ctx.rpc(
      DossierRpc.feedbackAnswer,
      { feedbackId: idOf(hidden.code), answer: 'Trả lời riêng cho người hỏi.', publish: false },
      officer,
    );

    const found = await ctx.rpc<Page<PublicFeedbackView>>(
      DossierRpc.feedbackPublicList,
      { q: `de nghi giam le phi ${marker}`, agency: AGENCY },
      null,
    );
    expect(found.items.map((f) => f.code)).toEqual([published.code]);
    expect(found.items[0].answer).toBe('Lệ phí đăng ký khai sinh đúng hạn được miễn.');
    const text = JSON.stringify(found);
    for (const personal of ['Lê Thị Hoa', 'hoa@example.vn', '0912345678', 'contact', 'askerId']) {
      expect(text).not.toContain(personal);
    }
    const byAnswer = await ctx.rpc<Page<PublicFeedbackView>>(
      DossierRpc.feedbackPublicList,
      { q: 'mien' },
      null,
    );
    expect(byAnswer.items.map((f) => f.code)).toContain(published.code);
    const all = await ctx.rpc<Page<PublicFeedbackView>>(
      DossierRpc.feedbackPublicList,
      { q: marker, pageSize: 100 },
      null,
    );
    expect(all.items.map((f) => f.code)).not.toContain(hidden.code);
    // A LIKE wildcard is a character to find, not a pattern.
    const wildcard = await ctx.rpc<Page<PublicFeedbackView>>(
      DossierRpc.feedbackPublicList,
      { q: '%' },
      null,
    );
    expect(wildcard.total).toBe(0);
  });

  it('marks an unanswered question past its due date overdue, and filters by it', async () => {
    const receipt = await anonymous();
    await ctx.sut.db.query(
      `UPDATE "${ctx.sut.schema}".feedback SET due_at = now() - interval '1 hour' WHERE code = $1`,
      [receipt.code],
    );
    const officer = ctx.newOfficer([AGENCY]);
    const overdue = await ctx.rpc<Page<OfficerFeedbackView>>(
      DossierRpc.feedbackOfficerList,
      { overdue: true, pageSize: 100 },
      officer,
    );
    expect(overdue.items.find((f) => f.code === receipt.code)?.overdue).toBe(true);
    expect(overdue.items.every((f) => f.overdue)).toBe(true);
  });

  it('attaches files stored as the PAKN’s, by code and key, within its limits, until it is answered', async () => {
    const receipt = await anonymous();
    const ref = { code: receipt.code, key: receipt.lookupKey };
    const quota = await ctx.rpc<FeedbackUploadQuotaView>(
      DossierRpc.feedbackPrepareAttachment,
      ref,
      null,
    );
    expect(quota).toMatchObject({
      remainingBytes: MAX_DOSSIER_BYTES,
      maxBytes: MAX_DOSSIER_BYTES,
      remainingFiles: 5,
    });
    // the gateway stores each upload as the PAKN's (no account owns an anonymous one)
    const asPakn = { accountId: quota.feedbackId } as Caller;
    const add = (fileId: string, key = receipt.lookupKey) =>
      ctx.rpc<FeedbackAttachmentView>(
        DossierRpc.feedbackAddAttachment,
        { code: receipt.code, key, fileId },
        null,
      );
    const photo = ctx.storeFile(asPakn, 'attachment', 400_000, 'ảnh hiện trường.jpg');
    expect(await add(photo.id)).toMatchObject({ fileName: 'ảnh hiện trường.jpg', size: 400_000 });
    expect(await add(photo.id)).toMatchObject({ fileId: photo.id }); // a retry, still one

    expect(await problemOf(add(photo.id, 'AAAAAA'))).toMatchObject({
      status: 404,
      code: 'feedback.not_found',
    });
    const someoneElses = ctx.storeFile(ctx.newCitizen(), 'attachment');
    expect(await problemOf(add(someoneElses.id))).toMatchObject({ status: 404 });
    const tooBig = ctx.storeFile(asPakn, 'attachment', MAX_DOSSIER_BYTES, 'to.pdf');
    expect(await problemOf(add(tooBig.id))).toMatchObject({
      status: 413,
      code: 'feedback.attachments_quota_exceeded',
    });
    for (let i = 0; i < 4; i++) await add(ctx.storeFile(asPakn, 'attachment', 1000).id);
    expect(await problemOf(ctx.rpc(DossierRpc.feedbackPrepareAttachment, ref, null))).toMatchObject(
      { status: 409, code: 'feedback.too_many_attachments' },
    );

    const view = await ctx.rpc<FeedbackLookupView>(DossierRpc.feedbackLookup, ref, null);
    expect(view.attachments.map((a) => a.fileName)).toContain('ảnh hiện trường.jpg');
    expect(view.attachments).toHaveLength(5);

    const officer = ctx.newOfficer([AGENCY]);
    const read = (who: Caller) =>
      ctx.rpc<FileAuthorizationView>(
        DossierRpc.feedbackAuthorizeFile,
        { feedbackId: quota.feedbackId, fileId: photo.id },
        who,
      );
    expect(await read(officer)).toEqual({ fileId: photo.id, kind: 'attachment' });
    expect(await problemOf(read(ctx.newOfficer([OTHER_AGENCY])))).toMatchObject({ status: 404 });

    const answered = await ctx.rpc<OfficerFeedbackView>(
      DossierRpc.feedbackAnswer,
      { feedbackId: quota.feedbackId, answer: 'Cơ quan đã tiếp nhận và xử lý.', publish: false },
      officer,
    );
    expect(answered.attachments).toHaveLength(5);
    expect(await problemOf(ctx.rpc(DossierRpc.feedbackPrepareAttachment, ref, null))).toMatchObject(
      { status: 409, code: 'feedback.attachments_closed' },
    );
  });
});
