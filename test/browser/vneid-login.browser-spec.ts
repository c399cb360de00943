/// <reference lib="dom" /> // page.evaluate() callbacks run in the browser
import type { Browser, Page } from 'playwright-core';
import { waitFor } from '@dvc/testing';
import { Stack, freePort, startStack } from '../e2e/stack';
import { VNEID_CLIENT, VneidSimulator, startVneidSimulator } from '../e2e/vneid-simulator';
import { register } from '../e2e/accounts';
import { api } from '../e2e/http';
import { expectAccessible } from './axe';
import { builtPortal, journeySteps, launchBrowser, newContext, screenshot, watch } from './browser';
import { linkInEmail } from './mail';

const VNEID_BUTTON = 'Đăng nhập bằng tài khoản định danh điện tử VNeID';

/**
 * A citizen logs in with VNeID from the portal's login page, keyboard only: the button, the
 * VNeID simulator's form, and back to Trang cá nhân, signed in, with the link shown.
 */
describe('VNeID login (browser)', () => {
  let stack: Stack;
  let simulator: VneidSimulator;
  let browser: Browser;
  let page: Page;
  let problems: string[][] = [];
  const step = journeySteps(() => [page].filter(Boolean));

  beforeAll(async () => {
    // VNeID sends the browser back to the portal's public address: here, the gateway itself.
    const gatewayPort = await freePort();
    const publicUrl = `http://127.0.0.1:${gatewayPort}`;
    simulator = await startVneidSimulator(publicUrl);
    stack = await startStack(
      { PUBLIC_URL: publicUrl, OIDC_ISSUER: simulator.issuer, ...VNEID_CLIENT },
      { portalDir: builtPortal(), gatewayPort },
    );
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await simulator?.stop();
  });

  async function pressUntilFocused(target: string): Promise<void> {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
      if (focused === target) return;
    }
    throw new Error(`Tab never reached "${target}"`);
  }

  step('the login page offers VNeID, on a phone too', async () => {
    page = await (await newContext(browser, stack.url, true)).newPage();
    problems = [watch(page)];
    await page.goto('/dang-nhap');
    await page.getByRole('link', { name: VNEID_BUTTON }).waitFor();
    await screenshot(page, '40-dang-nhap-vneid-dien-thoai');
    await expectAccessible(page);
    await page.context().close();
  });

  step('keyboard only: the VNeID button, the VNeID form, back signed in', async () => {
    page = await (await newContext(browser, stack.url)).newPage();
    problems.push(watch(page));
    await page.goto('/dang-nhap?returnUrl=%2Ftai-khoan');
    await page.getByRole('link', { name: VNEID_BUTTON }).waitFor();
    await screenshot(page, '41-dang-nhap-vneid');
    await expectAccessible(page);
    await pressUntilFocused(VNEID_BUTTON);
    await page.keyboard.press('Enter');

    await page.waitForURL(`${simulator.issuer}/interaction/**`);
    await page.locator('input[name="idNumber"]').waitFor();
    await page.keyboard.type('001090000001');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ChangeMe!2026');
    await page.keyboard.press('Enter');

    await page.waitForURL(`${stack.url}/tai-khoan`);
    await page.getByText('Nguyễn Văn An').first().waitFor();
    await page.getByText('Định danh điện tử VNeID').waitFor();
    await page.getByText(/Đã liên kết ngày/).waitFor();
    // The address VNeID gave is on the profile, ready for the forms.
    await waitFor(
      async () =>
        (await page.getByLabel('Địa chỉ thường trú').inputValue()) ===
        'Số 12 phố Lý Thường Kiệt, phường Cửa Nam, thành phố Hà Nội',
      { what: "VNeID's address on Trang cá nhân" },
    );
    await screenshot(page, '42-trang-ca-nhan-vneid');
    await expectAccessible(page);
  });

  step('signed in with a password, a citizen links VNeID from Trang cá nhân', async () => {
    const email = `chau-${Date.now()}@example.vn`;
    const password = 'mật khẩu của Châu 2026';
    const call = api(stack.url);
    await register(stack, call, { email, password, fullName: 'Lê Minh Châu' });
    const token = new URLSearchParams((await linkInEmail(stack, email, '/activate')).split('?')[1]);
    await call('POST', '/auth/activate', { body: { token: token.get('token') } });

    page = await (await newContext(browser, stack.url)).newPage();
    problems.push(watch(page));
    await page.goto('/dang-nhap?returnUrl=%2Ftai-khoan');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Mật khẩu').fill(password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Chưa liên kết').waitFor();
    await page.getByRole('button', { name: 'Liên kết với VNeID' }).click();

    await page.waitForURL(`${simulator.issuer}/interaction/**`);
    await page.locator('input[name="idNumber"]').fill('036088000003');
    await page.locator('input[name="password"]').fill('ChangeMe!2026');
    await page.keyboard.press('Enter');

    await page.waitForURL(`${stack.url}/tai-khoan?vneid=linked`);
    await page
      .getByText(
        'Đã liên kết tài khoản với định danh điện tử VNeID. Lần sau bạn có thể đăng nhập bằng VNeID.',
      )
      .waitFor();
    await page.getByText(/Đã liên kết ngày/).waitFor();
    await screenshot(page, '53-lien-ket-vneid');
    await expectAccessible(page, 'Trang cá nhân with VNeID linked');
  });

  step('in English the button says the same', async () => {
    await page.goto('/dang-nhap');
    await page.locator('.language-switch').getByText('EN').click();
    await page.getByRole('link', { name: 'Log in with your VNeID electronic identity' }).waitFor();
    await expectAccessible(page, 'the login page in English');
    await page.locator('.language-switch').getByText('VI').click();
  });

  it('met no script error and no Content-Security-Policy violation on the way', () => {
    expect(problems.flat()).toEqual([]);
  });
});
