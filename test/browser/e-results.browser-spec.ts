import type { Browser, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { DEMO_PASSWORD, login } from '../e2e/accounts';
import { dossierFactory } from '../e2e/dossier-factory';
import { api, uploader } from '../e2e/http';
import { Stack, startStack } from '../e2e/stack';
import { expectAccessible } from './axe';
import { builtPortal, journeySteps, launchBrowser, newContext, screenshot, watch } from './browser';

/**
 * Xác thực giấy tờ: what a bank clerk sees after scanning the QR code of a result, and after
 * dropping the PDF they were handed, genuine or changed.
 */
describe('verification page (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let problems: string[] = [];
  let code = '';
  let signed = Buffer.alloc(0);
  const step = journeySteps(() => [page].filter(Boolean));

  beforeAll(async () => {
    stack = await startStack({}, { portalDir: builtPortal() });
    browser = await launchBrowser();
    const call = api(stack.url);
    const upload = uploader(stack.url);
    const citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
    const officer = await login(call, 'officer@dvc.local', DEMO_PASSWORD);
    const { id } = await dossierFactory(call, upload).newProcessingDossier(citizen, officer);
    const doc = await PDFDocument.create();
    doc.addPage([595, 842]).drawText('GIAY PHEP LAI XE');
    const bytes = Buffer.from(await doc.save());
    await upload(`/officer/dossiers/${id}/results`, {}, { name: 'gplx.pdf', bytes }, officer);
    await call('POST', `/officer/dossiers/${id}/actions/complete`, { token: officer, body: {} });
    const mine = await call<{ results: { downloadUrl: string; verificationCode: string }[] }>(
      'GET',
      `/dossiers/${id}`,
      { token: citizen },
    );
    code = mine.body.results[0].verificationCode;
    const download = await fetch(`${stack.url}${mine.body.results[0].downloadUrl}`, {
      headers: { authorization: `Bearer ${citizen}` },
    });
    signed = Buffer.from(await download.arrayBuffer());
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  step('the QR code opens the verdict: valid, with the type, agency and dossier code', async () => {
    page = await (await newContext(browser, stack.url)).newPage();
    problems = watch(page);
    await page.goto(`/xac-thuc/${code}`);
    await page.getByText('Giấy tờ hợp lệ').waitFor();
    await page.getByText('Kết quả giải quyết thủ tục hành chính').waitFor();
    await page.getByText(code, { exact: true }).waitFor();
    await screenshot(page, '30-xac-thuc-hop-le');
    await expectAccessible(page);
  });

  step('a dropped copy with one byte changed is not valid; the genuine one is', async () => {
    const tampered = Buffer.from(signed);
    tampered[Math.floor(tampered.length / 4)] ^= 0x01;
    const input = page.locator('.verify-drop input[type=file]');
    await input.setInputFiles({ name: 'kq.pdf', mimeType: 'application/pdf', buffer: tampered });
    await page.getByText('Giấy tờ không hợp lệ').waitFor();
    await screenshot(page, '31-xac-thuc-khong-hop-le');
    await expectAccessible(page);
    await input.setInputFiles({ name: 'kq.pdf', mimeType: 'application/pdf', buffer: signed });
    await page.getByText('Giấy tờ hợp lệ').waitFor();
  });

  step('an unknown code says so, on a phone too', async () => {
    const phone = await (await newContext(browser, stack.url, true)).newPage();
    problems.push(...watch(phone));
    await phone.goto('/xac-thuc/ABCDEFGHJKMN');
    await phone.getByText('Không tìm thấy giấy tờ với mã xác thực này').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(phone, '32-xac-thuc-dien-thoai');
    await expectAccessible(phone);
    await phone.context().close();
    expect(problems).toEqual([]);
  });
});
