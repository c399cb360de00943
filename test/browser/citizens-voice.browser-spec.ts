/// <reference lib="dom" /> // page.evaluate() callbacks run in the browser
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, login } from '../e2e/accounts';
import { dossierFactory } from '../e2e/dossier-factory';
import { api, uploader } from '../e2e/http';
import { Stack, startStack } from '../e2e/stack';
import { expectAccessible } from './axe';
import { builtPortal, journeySteps, launchBrowser, newContext, screenshot, watch } from './browser';

/**
 * Citizens' voice in the browser: a rating on the dossier page once there is a result, a
 * petition sent without an account (with the captcha), answered and published by the
 * agency's officer, then found on the public list without accents, on a phone and in English.
 */
describe('ratings and feedback (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const problems: string[][] = [];
  const step = journeySteps(() => [page].filter(Boolean));
  let receipt = { code: '', key: '' };

  beforeAll(async () => {
    stack = await startStack({}, { portalDir: builtPortal() });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function openAs(email: string, phone = false): Promise<Page> {
    const next = await (await newContext(browser, stack.url, phone)).newPage();
    problems.push(watch(next));
    await next.goto('/dang-nhap');
    await next.getByLabel('Email').fill(email);
    await next.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await next.getByRole('button', { name: 'Đăng nhập' }).click();
    await next.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
    return next;
  }

  step('the citizen rates a returned dossier from its page, with the keyboard', async () => {
    const call = api(stack.url);
    const factory = dossierFactory(call, uploader(stack.url));
    const citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
    const officer = await login(call, 'officer@dvc.local', DEMO_PASSWORD);
    const returned = await factory.newReturnedDossier(citizen, officer);

    page = await openAs('citizen@dvc.local');
    await page.goto(`/ho-so/${returned.id}#danh-gia`);
    await page.getByRole('heading', { name: 'Đánh giá mức độ hài lòng' }).waitFor();
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText('Vui lòng chọn số sao cho mức độ hài lòng chung.').waitFor();
    await expectAccessible(page, 'the rating card with its error');
    // antd's Rate is a radiogroup that takes the focus; arrow keys move the score.
    await page.getByRole('radiogroup', { name: 'Mức độ hài lòng chung' }).locator('ul').focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await page.getByLabel('Góp ý (không bắt buộc)').fill('Cán bộ hướng dẫn rất tận tình.');
    await screenshot(page, '45-danh-gia-hai-long');
    await page.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await page.getByText(/Cảm ơn Ông\/Bà đã đánh giá/).waitFor();
    await page.getByText('Đã đánh giá 5/5 sao').waitFor();
    await expectAccessible(page);
    await page.context().close();
  });

  step('someone without an account sends a petition with the captcha', async () => {
    page = await (await newContext(browser, stack.url)).newPage();
    problems.push(watch(page));
    await page.goto('/phan-anh');
    await page.getByRole('heading', { name: 'Phản ánh, kiến nghị' }).waitFor();
    await expectAccessible(page);
    const captchaShown = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/captcha'));
    await page.getByRole('button', { name: 'Gửi phản ánh, kiến nghị' }).click();
    await page.getByLabel('Tiêu đề').fill('Đề nghị bỏ yêu cầu bản sao chứng thực');
    await page
      .getByLabel('Nội dung phản ánh, kiến nghị')
      .fill('Khi đổi giấy phép lái xe vẫn phải nộp bản sao chứng thực dù đã có dữ liệu dân cư.');
    await page.getByLabel('Cơ quan được phản ánh').click();
    await page.keyboard.type('Công an thành phố Hà Nội');
    await page.locator('.ant-select-item-option', { hasText: 'Công an thành phố Hà Nội' }).click();
    await page.getByLabel('Họ và tên').fill('Hoàng Văn Nam');
    await page.getByLabel('Thư điện tử').fill('nam@example.vn');
    await page.getByRole('img', { name: /Mã xác nhận/ }).waitFor();
    const { captchaId } = (await (await captchaShown).json()) as { captchaId: string };
    await page
      .locator('input#captchaAnswer')
      .fill((await stack.redis.get(`captcha:${captchaId}`))!);
    await screenshot(page, '46-gui-phan-anh');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Gửi', exact: true }).click();
    await page.getByText('Đã gửi phản ánh, kiến nghị').waitFor();
    const cells = page.locator('.ant-descriptions-item-content strong');
    receipt = {
      code: (await cells.nth(0).textContent())!,
      key: (await cells.nth(1).textContent())!,
    };
    expect(receipt.code).toMatch(/^PAKN-/);
    await expectAccessible(page, 'the petition receipt');
    await page.context().close();
  });

  step('the officer answers it and publishes the answer', async () => {
    page = await openAs('officer@dvc.local');
    await page.goto('/can-bo/phan-anh');
    await page.getByRole('heading', { name: 'Phản ánh, kiến nghị cần trả lời' }).waitFor();
    await expectAccessible(page);
    await page
      .getByRole('row', { name: new RegExp(receipt.code) })
      .getByRole('button', { name: 'Trả lời' })
      .click();
    await page
      .getByLabel('Trả lời', { exact: true })
      .fill('Từ ngày 01/01/2027, cơ quan khai thác dữ liệu dân cư, không yêu cầu bản sao.');
    await screenshot(page, '47-tra-loi-phan-anh');
    await expectAccessible(page, 'the answer form');
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    await page
      .getByRole('row', { name: new RegExp(receipt.code) })
      .getByText('Đã trả lời')
      .waitFor();
    await page.context().close();
  });

  step(
    'the asker reads the answer by code and key; the public finds it without accents, never the name',
    async () => {
      page = await (await newContext(browser, stack.url)).newPage();
      problems.push(watch(page));
      await page.goto(`/phan-anh/tra-cuu?code=${receipt.code}`);
      await page.getByLabel('Mã tra cứu').fill(receipt.key);
      await page.getByRole('button', { name: 'Tra cứu', exact: true }).click();
      await page.getByText('Đã trả lời').waitFor();
      await expectAccessible(page);
      await page.goto('/phan-anh?q=ban%20sao%20chung%20thuc');
      await page.getByRole('heading', { name: 'Đề nghị bỏ yêu cầu bản sao chứng thực' }).waitFor();
      expect(await page.locator('main').textContent()).not.toContain('Hoàng Văn Nam');
      await screenshot(page, '48-phan-anh-cong-khai');
      await expectAccessible(page);
      await page.context().close();
    },
  );

  step('on a phone and in English the public list fits one column', async () => {
    page = await (await newContext(browser, stack.url, true)).newPage();
    problems.push(watch(page));
    await page.goto('/phan-anh');
    await page.getByRole('heading', { name: 'Phản ánh, kiến nghị' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.locator('.language-switch').getByText('EN').click();
    await page.getByRole('heading', { name: 'Feedback and petitions' }).waitFor();
    await screenshot(page, '49-phan-anh-dien-thoai-en');
    await expectAccessible(page, 'the public list on a phone, in English');
    await page.context().close();
  });

  it('met no script error and no Content-Security-Policy violation on the way', () => {
    expect(problems.flat()).toEqual([]);
  });
});
