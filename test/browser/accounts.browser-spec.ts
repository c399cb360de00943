/// <reference lib="dom" /> // page.evaluate() callbacks run in the browser
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitFor } from '@dvc/testing';
import { register } from '../e2e/accounts';
import { api } from '../e2e/http';
import { Stack, startStack } from '../e2e/stack';
import { expectAccessible } from './axe';
import { builtPortal, journeySteps, launchBrowser, newContext, screenshot, watch } from './browser';
import { linkInEmail } from './mail';

const CAPTCHA_WRONG = 'Mã xác nhận không đúng hoặc đã hết hạn. Vui lòng nhập mã trong hình mới.';

/**
 * The account pages of issue 13 as a person meets them: a wrong captcha that says so and stays
 * said while the new image loads, a lost activation email that is not a dead end ("Gửi lại email
 * kích hoạt", then a password of one's own), an activation link opened twice, and a session
 * that survives a new tab without any token in the page's reach.
 */
describe('account pages: captcha, lost activation email, session across tabs (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[][] = [];
  const step = journeySteps(() => [page].filter(Boolean));
  const email = `kich-hoat-${Date.now()}@example.vn`;
  const password = 'mật khẩu tự chọn 2026';

  beforeAll(async () => {
    stack = await startStack({}, { portalDir: builtPortal() });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const captchaLoaded = (p: Page) =>
    p.waitForResponse((r) => r.url().endsWith('/api/v1/auth/captcha'));
  const answerOf = async (response: Awaited<ReturnType<typeof captchaLoaded>>) => {
    const { captchaId } = (await response.json()) as { captchaId: string };
    return (await stack.redis.get(`captcha:${captchaId}`))!;
  };

  step('a wrong captcha says so, and the message stays while the new image loads', async () => {
    context = await newContext(browser, stack.url);
    page = await context.newPage();
    problems = [watch(page)];
    const first = captchaLoaded(page);
    await page.goto('/dang-ky');
    await page.getByRole('heading', { name: 'Đăng ký tài khoản' }).waitFor();
    await first;
    const image = page.getByRole('img', { name: /Mã xác nhận/ });
    const before = await image.getAttribute('src');
    await page.getByLabel('Họ và tên').fill('Đặng Thị Mã');
    await page.getByLabel('Email').fill(`sai-ma-${Date.now()}@example.vn`);
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(password);
    await page.getByLabel('Nhập lại mật khẩu').fill(password);
    await page.getByRole('textbox', { name: 'Mã xác nhận', exact: true }).fill('sai-ma');
    const renewed = captchaLoaded(page);
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    await renewed;
    await waitFor(async () => (await image.getAttribute('src')) !== before, {
      what: 'the new captcha image',
    });
    // The new image is there, and so is the message.
    await page.getByRole('alert').filter({ hasText: CAPTCHA_WRONG }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: CAPTCHA_WRONG }).isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Mã xác nhận', exact: true }).inputValue()).toBe(
      '',
    );
    await screenshot(page, '50-ma-xac-nhan-sai');
    await expectAccessible(page, 'registration with a wrong captcha');

    // "Đổi mã khác" is a labelled button the keyboard reaches.
    const change = page.getByRole('button', { name: 'Đổi mã khác' });
    await change.focus();
    const another = captchaLoaded(page);
    await page.keyboard.press('Enter');
    await another;
  });

  step(
    '"Gửi lại email kích hoạt": the mailbox gets a link to set a password, which activates',
    async () => {
      // Registered earlier; the activation email never arrived (or was deleted).
      const call = api(stack.url);
      expect(
        (
          await register(stack, call, {
            email,
            password: 'mật khẩu đã quên mất',
            fullName: 'Ngô Văn Mất Thư',
          })
        ).status,
      ).toBe(202);
      await linkInEmail(stack, email, '/activate');

      const shown = captchaLoaded(page);
      await page.goto('/dang-nhap');
      await page.getByRole('button', { name: 'Gửi lại email kích hoạt' }).click();
      const dialog = page.getByRole('dialog', { name: 'Gửi lại email kích hoạt' });
      await dialog.getByText('Nếu tài khoản chưa được kích hoạt').waitFor();
      await dialog.getByLabel('Email').fill(email);
      await dialog
        .getByRole('textbox', { name: 'Mã xác nhận', exact: true })
        .fill(await answerOf(await shown));
      await screenshot(page, '51-gui-lai-email-kich-hoat');
      await expectAccessible(page, 'the resend-activation dialog');
      await dialog.getByRole('button', { name: 'Gửi lại email kích hoạt' }).click();
      await dialog.getByText('Đã gửi yêu cầu').waitFor();
      await dialog
        .getByText('liên kết để đặt mật khẩu và kích hoạt tài khoản sẽ được gửi tới hộp thư')
        .waitFor();
      await expectAccessible(page, 'the resend-activation dialog, sent');

      await page.goto(await linkInEmail(stack, email, '/reset-password'));
      await page.getByLabel('Mật khẩu mới').waitFor();
      await expectAccessible(page, 'the new-password page');
      await page.getByLabel('Mật khẩu mới').fill(password);
      await page.getByLabel('Nhập lại mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
      await page.getByRole('heading', { name: 'Đã đặt lại mật khẩu' }).waitFor();
      await expectAccessible(page, 'the password set');
    },
  );

  step('the first activation link, opened late, says the account is already active', async () => {
    await page.goto(await linkInEmail(stack, email, '/activate'));
    await page.getByRole('heading', { name: 'Tài khoản đã được kích hoạt trước đó' }).waitFor();
    await page.getByText('Liên kết này đã được sử dụng').waitFor();
    await screenshot(page, '52-da-kich-hoat');
    await expectAccessible(page, 'an activation link opened twice');
  });

  step(
    'signed in, a new tab is signed in too; no token is within the page script reach',
    async () => {
      await page.goto('/dang-nhap');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('button', { name: /Ngô Văn Mất Thư/ }).waitFor();

      const tab = await context.newPage();
      problems.push(watch(tab));
      await tab.goto('/tai-khoan');
      await tab.getByRole('heading', { name: 'Trang cá nhân' }).waitFor();
      await tab.getByText(email).first().waitFor();
      await expectAccessible(tab, 'Trang cá nhân in a new tab');
      const reachable = await tab.evaluate(() => ({
        cookie: document.cookie,
        local: Object.entries(localStorage),
        session: Object.entries(sessionStorage),
      }));
      expect(reachable.cookie).not.toContain('dvc_refresh');
      expect(JSON.stringify(reachable)).not.toMatch(/eyJ|refresh/i);
      const [cookie] = (await context.cookies()).filter((c) => c.name === 'dvc_refresh');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth' });

      // Signing out in the new tab signs the first one out as well.
      await tab.getByRole('button', { name: /Ngô Văn Mất Thư/ }).click();
      await tab.getByRole('menuitem', { name: 'Đăng xuất' }).click();
      await tab.locator('.topbar').getByRole('link', { name: 'Đăng nhập' }).waitFor();
      await page.locator('.topbar').getByRole('link', { name: 'Đăng nhập' }).waitFor();
      await tab.close();
    },
  );

  step('on a phone, in English: the resend dialog fits and a wrong code says so', async () => {
    const phone = await (await newContext(browser, stack.url, true)).newPage();
    problems.push(watch(phone));
    await phone.goto('/dang-nhap');
    await phone.locator('.language-switch').getByText('EN').click();
    const shown = captchaLoaded(phone);
    await phone.getByRole('button', { name: 'Resend the activation email' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Resend the activation email' });
    await shown;
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByRole('textbox', { name: 'Code in the picture', exact: true }).fill('wrong');
    const renewed = captchaLoaded(phone);
    await dialog.getByRole('button', { name: 'Resend the activation email' }).click();
    await renewed;
    await dialog
      .getByRole('alert')
      .filter({
        hasText: 'The code was wrong or has expired. Please type the code in the new picture.',
      })
      .waitFor();
    await dialog.getByRole('button', { name: 'Show another code' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(phone, '54-dien-thoai-gui-lai-kich-hoat', false);
    await expectAccessible(phone, 'the resend-activation dialog on a phone, in English');
    await phone.context().close();
  });

  it('met no script error and no Content-Security-Policy violation on the way', () => {
    expect(problems.flat()).toEqual([]);
  });
});
