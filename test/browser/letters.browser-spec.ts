import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, login } from '../e2e/accounts';
import { dossierFactory } from '../e2e/dossier-factory';
import { api, uploader } from '../e2e/http';
import { Stack, startStack } from '../e2e/stack';
import { expectAccessible } from './axe';
import { builtPortal, journeySteps, launchBrowser, newContext, screenshot, watch } from './browser';
import { weekdayMorningAfter } from '../e2e/working-days';

/**
 * Phiếu xin lỗi: the agency is late and says so; the citizen reads why and the new date on the
 * dossier page, downloads the signed letter with the keyboard, and checks it by its code.
 */
describe('apology letter on the citizen page (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  let dossierId = '';
  let code = '';
  const step = journeySteps(() => [page].filter(Boolean));

  beforeAll(async () => {
    stack = await startStack({}, { portalDir: builtPortal() });
    browser = await launchBrowser();
    const call = api(stack.url);
    const citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
    const officer = await login(call, 'officer@dvc.local', DEMO_PASSWORD);
    const { id } = await dossierFactory(call, uploader(stack.url)).newProcessingDossier(
      citizen,
      officer,
    );
    dossierId = id;
    const view = await call<{ dueAt: string }>('GET', `/dossiers/${id}`, { token: citizen });
    for (let n = 5; n < 12; n++) {
      const sent = await call('POST', `/officer/dossiers/${id}/actions/apologize`, {
        token: officer,
        body: {
          reason: 'Chờ ý kiến của cơ quan phối hợp',
          newDueAt: weekdayMorningAfter(new Date(view.body.dueAt), n),
        },
      });
      if (sent.status === 200) break;
      // On a loaded machine the answer can time out (504) after the apology was made.
      const now = await call<{ apologies: unknown[] }>('GET', `/dossiers/${id}`, {
        token: citizen,
      });
      if (now.body.apologies.length > 0) break;
    }
    const after = await call<{ apologies: { verificationCode: string }[] }>(
      'GET',
      `/dossiers/${id}`,
      { token: citizen },
    );
    code = after.body.apologies[0].verificationCode;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function openAs(phone = false): Promise<Page> {
    const next = await (await newContext(browser, stack.url, phone)).newPage();
    problems.push(...watch(next));
    await next.goto('/dang-nhap');
    await next.getByLabel('Email').fill('citizen@dvc.local');
    await next.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await next.getByRole('button', { name: 'Đăng nhập' }).click();
    await next.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
    return next;
  }

  step('the dossier page says sorry, why, and the new date, with the signed letter', async () => {
    page = await openAs();
    await page.goto(`/ho-so/${dossierId}#xin-loi`);
    await page.getByText('Cơ quan xin lỗi vì hồ sơ trễ hẹn').waitFor();
    await page.getByText('Lý do: Chờ ý kiến của cơ quan phối hợp').waitFor();
    await page.getByText(/Ngày hẹn trả kết quả mới:/).waitFor();
    await page.getByText('Xin lỗi, hẹn lại ngày trả').first().waitFor();
    await screenshot(page, '65-phieu-xin-loi');
    await expectAccessible(page, 'the dossier page with its apology');
  });

  step('the letter downloads with the keyboard; its code opens the verdict', async () => {
    const button = page.getByRole('button', { name: 'Tải phiếu xin lỗi (có ký số)' });
    await button.focus();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^phieu-xin-loi-.*\.pdf$/);
    await page.getByRole('link', { name: code }).first().click();
    await page.getByText('Giấy tờ hợp lệ').waitFor();
    await page.getByText('Phiếu xin lỗi và hẹn lại ngày trả kết quả').waitFor();
    await screenshot(page, '66-xac-thuc-phieu-xin-loi');
    await expectAccessible(page, 'the verdict on the letter');
  });

  step('on a phone, in English, the apology reads without sideways scrolling', async () => {
    const phone = await openAs(true);
    await phone.evaluate(() => localStorage.setItem('dvc.language', 'en'));
    await phone.goto(`/ho-so/${dossierId}`);
    await phone.getByText('The agency apologises: your dossier is late').waitFor();
    // The apology and its download fit the screen (the page's other tables are not this step's).
    const box = await phone.locator('#xin-loi').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await phone
      .getByRole('button', { name: 'Download the apology letter (digitally signed)' })
      .waitFor();
    await screenshot(phone, '67-phieu-xin-loi-dien-thoai-en');
    await expectAccessible(phone, 'the dossier page with its apology on a phone, in English');
    expect(problems).toEqual([]);
  });
});
