/// <reference lib="dom" /> // page.evaluate() callbacks run in the browser
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../e2e/accounts';
import { Stack, startStack } from '../e2e/stack';
import { expectAccessible } from './axe';
import { builtPortal, journeySteps, launchBrowser, newContext, screenshot, watch } from './browser';

/**
 * The rest of issue 7 in the browser: the admin console (procedures as JSON with the
 * catalogue's own validation, import, holidays), English, the keyboard, a phone, and an
 * expired session that goes to login and back without losing what was typed; and the owner
 * of an account someone is guessing the password of, who types the captcha and gets in.
 */
describe('admin, languages, phone and an expired session (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let problems: string[][] = [];
  const step = journeySteps(() => [page].filter(Boolean));

  beforeAll(async () => {
    // Behind one trusted proxy, so a guesser can speak from another address than the browser.
    stack = await startStack({ TRUST_PROXY_HOPS: '1' }, { portalDir: builtPortal() });
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
    return next;
  }

  step('the keyboard reaches the skip link first; English is one click away', async () => {
    page = await (await newContext(browser, stack.url)).newPage();
    problems = [watch(page)];
    await page.goto('/');
    // The app renders after its script loads: wait for the page a person would see first.
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ đã nộp' }).waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe('Bỏ qua, đến nội dung chính');

    await page.locator('.language-switch').getByText('EN').click();
    await page.getByRole('heading', { name: 'Track a submitted application' }).waitFor();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Online public services' })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(page, '22-tieng-anh');
    await expectAccessible(page, 'the home page in English');
    await page.locator('.language-switch').getByText('VI').click();
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ đã nộp' }).waitFor();
    await page.context().close();
  });

  step('a phone gets the same pages in one column', async () => {
    page = await (await newContext(browser, stack.url, true)).newPage();
    problems.push(watch(page));
    await page.goto('/');
    await page.getByRole('heading', { name: 'Tra cứu hồ sơ đã nộp' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, '02-dien-thoai');
    await expectAccessible(page, 'the home page on a phone');
    await page.goto('/thu-tuc/3.000347');
    await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).waitFor();
    await expectAccessible(page, 'a procedure on a phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.context().close();
  });

  step('an expired session goes to login and back, and what was typed is still there', async () => {
    page = await openAs('citizen@dvc.local');
    await page.getByRole('button', { name: /Thông báo, \d+ chưa đọc/ }).waitFor();
    await page.goto('/thu-tuc/3.000347/nop-ho-so');
    await page.waitForURL(/\/ho-so\/[0-9a-f-]+\/nop/);
    const wizard = new URL(page.url()).pathname;
    await page.getByLabel('Họ, chữ đệm và tên').fill('Nguyễn Văn Dân');
    await page.getByLabel('Nơi cư trú').fill('Số 5 Phan Đình Phùng, Hà Nội');

    // The session ends elsewhere (logged out on another device, or past its lifetime).
    const [refresh] = (await page.context().cookies()).filter((c) => c.name === 'dvc_refresh');
    const logout = await fetch(`${stack.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `dvc_refresh=${refresh.value}` },
      body: '{}',
    });
    expect(logout.status).toBe(204);

    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.waitForURL(/\/dang-nhap\?returnUrl=/);
    await page.getByText('Phiên đăng nhập đã hết hạn').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Email').fill('citizen@dvc.local');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL((url) => url.pathname === wizard);
    await page.getByText('Đã khôi phục phần tờ khai bạn nhập nhưng chưa lưu.').waitFor();
    await expectAccessible(page);
    expect(await page.getByLabel('Nơi cư trú').inputValue()).toBe('Số 5 Phan Đình Phùng, Hà Nội');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText('Đã lưu hồ sơ nháp').waitFor();
    await page.context().close();
  });

  step(
    "in English: the search box's own example finds the procedure; form and server errors are English",
    async () => {
      page = await (await newContext(browser, stack.url)).newPage();
      problems.push(watch(page));
      await page.goto('/');
      await page.locator('.language-switch').getByText('EN').click();
      const search = page.getByRole('searchbox', { name: 'Search administrative procedures' });
      expect(await search.getAttribute('placeholder')).toContain('driving licence');
      await search.fill('driving licence');
      await search.press('Enter');
      await page.getByText(/\d+ procedure\(s\) found/).waitFor();
      await page.getByRole('link', { name: 'Đổi giấy phép lái xe' }).waitFor();
      await screenshot(page, '81-tim-kiem-tieng-anh');
      await expectAccessible(page, 'English search results');

      await page.goto('/dang-nhap');
      await page.getByLabel('Email').fill('citizen@dvc.local');
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByText('Wrong email or password.').waitFor();
      await expectAccessible(page, 'English login with a wrong password');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));

      // The draft of the step before waits; this starts another.
      await page.goto('/thu-tuc/3.000347/nop-ho-so');
      await page.getByRole('heading', { name: 'Drafts you started' }).waitFor();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Start' }).click();
      await page.waitForURL(/\/ho-so\/[0-9a-f-]+\/nop/);
      await page.getByLabel('Số điện thoại').fill('912345678');
      await page.getByLabel('Ngày, tháng, năm sinh').fill('31/02/1990');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText('Số điện thoại: must be 10 digits starting with 0').waitFor();
      await page
        .getByText(
          'Ngày, tháng, năm sinh: is not a day of the calendar (check the day and the month)',
        )
        .waitFor();
      await page.getByText('Some fields are missing or wrong').waitFor();
      await screenshot(page, '82-to-khai-tieng-anh');
      await expectAccessible(page, 'the English online form with its errors');
      await page.context().close();
    },
  );

  step('admin: procedures as JSON, checked by the catalogue; import; holidays', async () => {
    page = await openAs('admin@dvc.local');
    await page.getByRole('heading', { name: 'Quản trị thủ tục hành chính' }).waitFor();
    await expectAccessible(page);
    const search = page.getByRole('searchbox', { name: 'Tìm kiếm thủ tục hành chính' });
    await search.fill('khai sinh');
    await search.press('Enter');
    await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
    await page.getByRole('heading', { name: 'Sửa thủ tục 1.001193' }).waitFor();
    const editor = page.getByRole('textbox', { name: 'Thủ tục dạng JSON' });
    const original = await editor.inputValue();
    const procedure = JSON.parse(original) as Record<string, unknown>;

    await editor.fill(original.replace('{', '{ oops'));
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('JSON không hợp lệ').waitFor();

    await editor.fill(JSON.stringify({ ...procedure, level: 7 }, null, 2));
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Thủ tục chưa hợp lệ:').waitFor();
    await page.getByRole('alert').getByText(/level/).first().waitFor();
    await screenshot(page, '23-quan-tri-loi');
    await expectAccessible(page);

    const renamed = { ...procedure, name: 'Thủ tục đăng ký khai sinh (đã cập nhật)' };
    await editor.fill(JSON.stringify(renamed, null, 2));
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu thủ tục 1.001193').waitFor();
    await page.goto('/thu-tuc/1.001193');
    await page
      .getByRole('heading', { level: 1, name: 'Thủ tục đăng ký khai sinh (đã cập nhật)' })
      .waitFor();
    await expectAccessible(page);

    await page.goto('/quan-tri/thu-tuc');
    await page.getByRole('button', { name: 'Nhập danh mục' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nhập danh mục' });
    await dialog.getByRole('textbox', { name: 'Nội dung JSON' }).fill(JSON.stringify([renamed]));
    await dialog.getByRole('button', { name: 'Nhập', exact: true }).click();
    await dialog.getByText('Thêm mới 0, cập nhật 0, không đổi 1.').waitFor();
    await expectAccessible(page, 'the import dialog');
    await page.keyboard.press('Escape');

    await page.goto('/quan-tri/ngay-nghi');
    await page.getByRole('heading', { name: 'Ngày nghỉ lễ, ngày làm bù' }).waitFor();
    await page.getByRole('row', { name: /Tết/ }).first().waitFor();
    await screenshot(page, '24-ngay-nghi');
    await expectAccessible(page);
    await page.context().close();
  });

  step('the owner of an account under attack types the captcha and still gets in', async () => {
    for (let i = 0; i < 10; i++) {
      await fetch(`${stack.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.66' },
        body: JSON.stringify({ email: 'officer@dvc.local', password: `đoán mò ${i}` }),
      });
    }
    page = await (await newContext(browser, stack.url)).newPage();
    problems.push(watch(page));
    await page.goto('/dang-nhap');
    await page.getByLabel('Email').fill('officer@dvc.local');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    const captchaShown = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/captcha'));
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tài khoản này vừa bị thử mật khẩu nhiều lần').waitFor();
    await page.getByRole('img', { name: /Mã xác nhận/ }).waitFor();
    const { captchaId } = (await (await captchaShown).json()) as { captchaId: string };
    await screenshot(page, '25-dang-nhap-ma-xac-nhan');
    await expectAccessible(page, 'login asking for the captcha');
    await page
      .getByRole('textbox', { name: 'Mã xác nhận', exact: true })
      .fill((await stack.redis.get(`captcha:${captchaId}`))!);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/can-bo/);
    await page.context().close();
  });

  it('met no script error and no Content-Security-Policy violation on the way', () => {
    expect(problems.flat()).toEqual([]);
  });
});
