import { waitFor } from '@dvc/testing';
import { DEMO_PASSWORD, login, newCitizen, solvedCaptcha } from './accounts';
import { api, files, uploader } from './http';
import { OFFICER_AGENCY, Stack, startStack } from './stack';

interface Receipt {
  code: string;
  lookupKey: string;
}
interface OfficerItem {
  id: string;
  code: string;
  status: string;
}

/**
 * Phản ánh, kiến nghị through the gateway: sent anonymously with the captcha or signed in,
 * answered by the agency's officer, read back by code and key, listed publicly when published.
 */
describe('feedback and petitions (e2e)', () => {
  let stack: Stack;
  let call: ReturnType<typeof api>;
  let officer: string;

  beforeAll(async () => {
    stack = await startStack();
    call = api(stack.url);
    officer = await login(call, 'officer@dvc.local', DEMO_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const question = (title: string) => ({
    title,
    content: 'Thủ tục đổi giấy phép lái xe yêu cầu quá nhiều giấy tờ bản sao.',
    agencyCode: OFFICER_AGENCY,
  });
  const pending = async () =>
    (
      await call<{ items: OfficerItem[] }>('GET', '/officer/feedback?status=pending&pageSize=100', {
        token: officer,
      })
    ).body.items;

  it('refuses an anonymous question without a solved captcha', async () => {
    const without = await call('POST', '/feedback', { body: question('Không có mã xác nhận') });
    expect(without.status).toBe(400);
    expect(without.headers.get('content-type')).toContain('application/problem+json');
    const { captchaId } = await solvedCaptcha(stack, call);
    const wrong = await call<{ code: string }>('POST', '/feedback', {
      body: { ...question('Mã xác nhận sai'), captchaId, captchaAnswer: 'sai-roi' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('captcha.invalid');
  });

  it('takes an anonymous question with the captcha, answers and publishes it without the asker’s contact', async () => {
    const sent = await call<Receipt>('POST', '/feedback', {
      body: {
        ...question('Đề nghị bỏ bản sao giấy phép lái xe'),
        contact: { name: 'Phạm Thị Thu', email: 'thu@example.vn', phone: '0987000111' },
        ...(await solvedCaptcha(stack, call)),
      },
    });
    expect(sent.status).toBe(201);
    const item = (await pending()).find((f) => f.code === sent.body.code)!;
    const answered = await call('POST', `/officer/feedback/${item.id}/answer`, {
      token: officer,
      body: { answer: 'Từ ngày 01/01/2027 không cần nộp bản sao giấy phép lái xe.', publish: true },
    });
    expect(answered.status).toBe(200);

    const lookup = await call<{ answer: string; status: string }>(
      'GET',
      `/feedback/lookup?code=${sent.body.code}&key=${sent.body.lookupKey}`,
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ status: 'answered' });
    expect((await call('GET', `/feedback/lookup?code=${sent.body.code}&key=ZZZZZZ`)).status).toBe(
      404,
    );

    const list = await call<{ items: { code: string }[] }>(
      'GET',
      `/public/feedback?q=${encodeURIComponent('ban sao giay phep lai xe')}&agency=${OFFICER_AGENCY}`,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((f) => f.code)).toContain(sent.body.code);
    const text = JSON.stringify(list.body);
    for (const personal of ['Phạm Thị Thu', 'thu@example.vn', '0987000111']) {
      expect(text).not.toContain(personal);
    }
  });

  it('rings a signed-in asker when answered; an unpublished answer stays off the public list', async () => {
    const citizen = await newCitizen(stack, call, 'Đỗ Minh Quân');
    const sent = await call<Receipt>('POST', '/feedback', {
      token: citizen,
      body: question('Hỏi về lệ phí cấp đổi giấy phép'),
    });
    expect(sent.status).toBe(201);
    const item = (await pending()).find((f) => f.code === sent.body.code)!;
    await call('POST', `/officer/feedback/${item.id}/answer`, {
      token: officer,
      body: { answer: 'Lệ phí cấp đổi là 135.000 đồng.', publish: false },
    });
    await waitFor(
      async () => {
        const bell = await call<{ items: { title: string }[] }>('GET', '/notifications', {
          token: citizen,
        });
        return bell.body.items.find((n) => n.title === 'Phản ánh, kiến nghị đã được trả lời');
      },
      { timeoutMs: 15_000, what: 'the bell of the answered feedback' },
    );
    const list = await call<{ items: { code: string }[] }>('GET', '/public/feedback?pageSize=100');
    expect(list.body.items.map((f) => f.code)).not.toContain(sent.body.code);
  });

  it('hides another agency’s question from the officer (404) and officer routes from citizens', async () => {
    const agencies = await call<{ code: string }[]>('GET', '/agencies');
    const other = agencies.body.find((a) => a.code !== OFFICER_AGENCY)!.code;
    const sent = await call<Receipt>('POST', '/feedback', {
      body: {
        ...question('Câu hỏi cho cơ quan khác'),
        agencyCode: other,
        ...(await solvedCaptcha(stack, call)),
      },
    });
    expect(sent.status).toBe(201);
    expect((await pending()).map((f) => f.code)).not.toContain(sent.body.code);
    const admin = await login(call, 'admin@dvc.local', DEMO_PASSWORD);
    const all = await call<{ items: OfficerItem[] }>('GET', '/officer/feedback?pageSize=100', {
      token: admin,
    });
    const id = all.body.items.find((f) => f.code === sent.body.code)!.id;
    const answer = await call('POST', `/officer/feedback/${id}/answer`, {
      token: officer,
      body: { answer: 'Không thuộc thẩm quyền của cơ quan.', publish: false },
    });
    expect(answer.status).toBe(404);
    const citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
    expect((await call('GET', '/officer/feedback', { token: citizen })).status).toBe(403);
  });

  it('takes files with a PAKN, sent anonymously with its code and key, and refuses a bad one with a clear 4xx', async () => {
    const sent = await call<Receipt>('POST', '/feedback', {
      body: { ...question('Ảnh chụp hàng người chờ'), ...(await solvedCaptcha(stack, call)) },
    });
    const upload = uploader(stack.url);
    const attach = (file: Parameters<typeof upload>[2], key = sent.body.lookupKey) =>
      upload<{ id: string; fileId: string; fileName: string; code: string; detail: string }>(
        `/feedback/${sent.body.code}/attachments`,
        { key },
        file,
        '',
      );

    const photo = await attach(files.pdf('biên bản'));
    expect(photo.status).toBe(201);
    expect(photo.body).toMatchObject({ fileName: 'biên bản.pdf' });

    const exe = await attach(files.exeAsPdf());
    expect(exe.status).toBe(415);
    expect(exe.headers.get('content-type')).toContain('application/problem+json');
    expect(exe.body.code).toBe('file.type_not_allowed');
    const infected = await attach(files.eicarPdf());
    expect(infected.status).toBe(422);
    expect(infected.body.code).toBe('file.infected');
    expect((await attach(files.empty())).status).toBe(400);
    const wrongKey = await attach(files.pdf('khác'), 'AAAAAA');
    expect(wrongKey.status).toBe(404);
    expect(wrongKey.body.code).toBe('feedback.not_found');

    const lookup = await call<{ attachments: { fileName: string }[] }>(
      'GET',
      `/feedback/lookup?code=${sent.body.code}&key=${sent.body.lookupKey}`,
    );
    expect(lookup.body.attachments.map((a) => a.fileName)).toEqual(['biên bản.pdf']);

    const item = (await pending()).find((f) => f.code === sent.body.code)!;
    const download = await fetch(
      `${stack.url}/api/v1/officer/feedback/${item.id}/attachments/${photo.body.fileId}`,
      { headers: { authorization: `Bearer ${officer}` } },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(
      Buffer.from(await download.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });
});
