/// <reference lib="dom" /> // page.evaluate() callbacks run in the browser
import type { Browser, Locator, Page } from 'playwright-core';
import { waitFor } from '@dvc/testing';
import { DEMO_PASSWORD, login } from '../e2e/accounts';
import { Submitted, dossierFactory } from '../e2e/dossier-factory';
import { api, uploader } from '../e2e/http';
import { licenceRenewalForm } from '../e2e/licence-renewal';
import { Stack, startStack } from '../e2e/stack';
import {
  PHONE,
  builtPortal,
  journeySteps,
  launchBrowser,
  newContext,
  screenshot,
  watch,
} from './browser';
import { expectAccessible } from './axe';
import { pdf } from './files';

const CITIZEN = 'citizen@dvc.local';
const OFFICER = 'officer@dvc.local';

/**
 * What a citizen's walk through the portal found wanting, fixed and checked as a person sees
 * it: the lookup key in the email and on the dossier, the supplement asked by component and a
 * wrong file removed before sending, a timeline that names each event, a payment that starts
 * at the fee and returns to the portal's own page, cards on a phone, and the small things
 * (focus ring, lists without a blank choice, a banner that clears, the bell's count, the icon).
 */
describe('citizen walk-through (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let officer: Page;
  const problems: string[][] = [];
  let received: Submitted;
  let draftId = '';
  const step = journeySteps(() => [page, officer].filter(Boolean));

  beforeAll(async () => {
    stack = await startStack({}, { portalDir: builtPortal() });
    browser = await launchBrowser();
    const call = api(stack.url);
    const factory = dossierFactory(call, uploader(stack.url));
    const citizen = await login(call, CITIZEN, DEMO_PASSWORD);
    const officerToken = await login(call, OFFICER, DEMO_PASSWORD);
    received = await factory.newReceivedDossier(citizen, officerToken);
    // A second dossier with its fee asked for: a payment still to pay in "Giao dịch".
    const waiting = await factory.newReceivedDossier(citizen, officerToken);
    for (const action of ['start', 'request-payment']) {
      const reply = await call('POST', `/officer/dossiers/${waiting.id}/actions/${action}`, {
        token: officerToken,
        body: {},
      });
      expect(reply.status).toBe(200);
    }
    await waitFor(
      async () => {
        const list = await call<{ items: { status: string }[] }>('GET', '/payments', {
          token: citizen,
        });
        return list.body.items.some((p) => p.status === 'created');
      },
      { what: 'the payment to pay', timeoutMs: 20_000 },
    );
    // Enough news for a two-digit count on the bell.
    for (let i = 0; i < 3; i++) await factory.newSubmittedDossier(citizen);
    // A draft with the whole form filled in, for the form's own checks.
    const draft = await factory.newDraft(citizen);
    draftId = draft.id;
    const saved = await call('PATCH', `/dossiers/${draftId}`, {
      token: citizen,
      body: { formData: licenceRenewalForm },
    });
    expect(saved.status).toBe(200);
  }, 240_000);

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
    await next.waitForURL((url) => url.pathname !== '/dang-nhap');
    return next;
  }

  step('the confirmation email and the dossier page both give the lookup key', async () => {
    const mail = await waitFor(
      () =>
        stack.smtp.messages.find(
          (m) =>
            JSON.stringify(m.to).includes(CITIZEN) &&
            (m.text ?? '').includes(received.code) &&
            (m.text ?? '').includes('Mã tra cứu'),
        ),
      { what: 'the confirmation email with the lookup key', timeoutMs: 20_000 },
    );
    expect(mail.text).toContain(`Mã tra cứu: ${received.lookupKey}.`);

    page = await openAs(CITIZEN);
    await page.goto(`/ho-so/${received.id}`);
    const info = page.locator('.ant-descriptions-row', { hasText: 'Mã tra cứu' });
    await info.getByText(received.lookupKey, { exact: true }).waitFor();
    await info.getByText('Dùng cùng mã hồ sơ để tra cứu').waitFor();
    await screenshot(page, '73-ho-so-ma-tra-cuu');
    await expectAccessible(page, 'the dossier page with its lookup key');
  });

  step('the officer picks the components to supplement from the procedure', async () => {
    officer = await openAs(OFFICER);
    await officer.goto(`/can-bo/ho-so/${received.id}`);
    await officer.locator('.action-bar').getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    const dialog = officer.getByRole('dialog', { name: 'Yêu cầu bổ sung' });
    await dialog.getByLabel('Giấy tờ cần bổ sung').click();
    const component = officer.locator(
      '.ant-select-item-option[title="Giấy khám sức khỏe của người lái xe còn hiệu lực"]',
    );
    await component.waitFor();
    await screenshot(officer, '84-can-bo-danh-sach-thanh-phan', false);
    await expectAccessible(officer, 'the supplement dialog with the components listed');
    await component.click();
    await dialog.locator('.ant-modal-title').click(); // closes the list
    await dialog.getByLabel('Lý do').fill('Giấy khám sức khỏe đã hết hạn');
    await screenshot(officer, '74-can-bo-chon-thanh-phan-bo-sung', false);
    await expectAccessible(officer, 'the supplement dialog, filled in');
    await dialog.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
    await officer.locator('.dossier-header').getByText('Yêu cầu bổ sung').waitFor();
  });

  step(
    'the citizen sees the component asked for, removes a wrong file, sends the right one',
    async () => {
      await page.reload();
      const panel = page.locator('.supplement-card');
      await panel
        .getByRole('listitem')
        .filter({ hasText: 'Giấy khám sức khỏe của người lái xe còn hiệu lực' })
        .waitFor();
      const slot = panel.locator('section[data-component="giay-kham-suc-khoe"]');
      await slot.getByText('Cần bổ sung').waitFor();
      // What was submitted stays as the agency received it: no "Gỡ" there.
      await panel.getByText('don-de-nghi.pdf').waitFor();
      await expect(
        panel.getByRole('button', { name: 'Gỡ tệp don-de-nghi.pdf' }).count(),
      ).resolves.toBe(0);

      await slot.locator('input[type=file]').setInputFiles(pdf('anh-chup-nham'));
      await slot.getByText('anh-chup-nham.pdf', { exact: true }).waitFor();
      await screenshot(page, '75-bo-sung-go-tep');
      await expectAccessible(page, 'the supplement panel with a file');
      await slot.getByRole('button', { name: 'Gỡ tệp anh-chup-nham.pdf' }).click();
      await page
        .locator('.ant-popconfirm:visible')
        .getByRole('button', { name: 'Gỡ', exact: true })
        .click();
      await slot.getByText('anh-chup-nham.pdf', { exact: true }).waitFor({ state: 'detached' });
      await expect(page.locator('.ant-message-error').count()).resolves.toBe(0);

      await slot.locator('input[type=file]').setInputFiles(pdf('giay-kham-suc-khoe'));
      await slot.getByText('giay-kham-suc-khoe.pdf', { exact: true }).waitFor();
      await panel.getByRole('button', { name: 'Gửi bổ sung' }).click();
      await page.getByText('Đã gửi hồ sơ bổ sung').waitFor();
      await page.locator('.dossier-header').getByText('Đã tiếp nhận').waitFor();

      const timeline = page.locator('.status-timeline');
      const newest = timeline.locator('.ant-timeline-item').first();
      await newest.getByText('Công dân bổ sung hồ sơ').waitFor();
      await newest.getByText('Trạng thái: Đã tiếp nhận').waitFor();
      for (const event of ['Yêu cầu bổ sung hồ sơ', 'Tiếp nhận hồ sơ', 'Nộp hồ sơ']) {
        await timeline.getByText(event, { exact: true }).waitFor();
      }
      await timeline.scrollIntoViewIfNeeded();
      await screenshot(page, '76-qua-trinh-xu-ly');
      await expectAccessible(page, 'the dossier after the supplement, with its timeline');
    },
  );

  step('the payment asked for starts at the procedure fee', async () => {
    await officer.reload();
    await officer.locator('.action-bar').getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    const start = officer.getByRole('dialog', { name: 'Bắt đầu xử lý' });
    await start.getByRole('button', { name: 'Bắt đầu xử lý' }).waitFor();
    await expectAccessible(officer, 'the start dialog');
    await start.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
    await officer.locator('.dossier-header').getByText('Đang xử lý').waitFor();
    await officer
      .locator('.action-bar')
      .getByRole('button', { name: 'Yêu cầu thanh toán' })
      .click();
    const dialog = officer.getByRole('dialog', { name: 'Yêu cầu thanh toán' });
    await expect(dialog.getByLabel('Số tiền (VND)').inputValue()).resolves.toBe('135.000');
    await expectAccessible(officer, 'the payment request dialog');
    await dialog.getByRole('button', { name: 'Yêu cầu thanh toán' }).click();
    await officer.locator('.dossier-header').getByText('Chờ thanh toán').waitFor();
  });

  step(
    "after paying, the citizen is back on the portal's own result page, with the receipt",
    async () => {
      await page
        .locator('.dossier-header')
        .getByText('Chờ thanh toán')
        .waitFor({ timeout: 20_000 });
      await page.getByText(/Hồ sơ cần thanh toán phí, lệ phí: 135\.000/).waitFor();
      await page
        .getByRole('button', { name: 'Thanh toán', exact: true })
        .click({ timeout: 30_000 });
      const checkout = page.getByRole('dialog', { name: 'Thanh toán' });
      await checkout.getByRole('radio').first().check();
      await checkout.getByLabel(/Tôi cam kết/).check();
      await checkout.getByRole('button', { name: 'Tiếp tục thanh toán' }).click();
      const portal = new URL(stack.url).origin;
      await page.waitForURL((url) => url.origin !== portal);
      await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
      await page.waitForURL(
        (url) => url.origin === portal && url.pathname === '/giao-dich/ket-qua',
      );
      await page.locator('.topbar').waitFor();
      await page
        .getByRole('heading', { name: 'Thanh toán thành công' })
        .waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Tải biên lai' }).waitFor();
      await page.getByText(received.code).first().waitFor();
      await screenshot(page, '77-ket-qua-thanh-toan');
      await expectAccessible(page, 'the payment result page');
      await page.getByRole('button', { name: 'Xem hồ sơ' }).click();
      await page.locator('.dossier-header').getByText('Đang xử lý').waitFor({ timeout: 20_000 });
      await page
        .locator('.status-timeline')
        .getByText('Đã thanh toán phí, lệ phí')
        .waitFor({ timeout: 20_000 });
    },
  );

  step(
    'on a phone, Giao dịch and Hồ sơ của tôi are cards: every tab and action in reach',
    async () => {
      const phone = await openAs(CITIZEN, true);
      await phone.goto('/tai-khoan/giao-dich');
      for (const name of ['Thông tin tài khoản', 'Giấy tờ cá nhân', 'Hồ sơ của tôi', 'Giao dịch']) {
        await expectInView(phone.getByRole('tab', { name }));
      }
      const cards = phone.getByRole('list', { name: 'Giao dịch' }).getByRole('listitem');
      await waitFor(async () => (await cards.count()) >= 2, { what: 'two payment cards' });
      await expectInView(phone.getByRole('button', { name: 'Thanh toán', exact: true }));
      await expectInView(phone.getByRole('button', { name: 'Tải biên lai' }).first());
      await expectNoSidewaysScroll(phone);
      await screenshot(phone, '78-dien-thoai-giao-dich');
      await expectAccessible(phone, 'Giao dịch on a phone');

      await phone.getByRole('tab', { name: 'Hồ sơ của tôi' }).click();
      const mine = phone.getByRole('list', { name: 'Hồ sơ của tôi' });
      await expectInView(mine.getByRole('link', { name: received.code }));
      await mine.getByText('Đang xử lý').first().waitFor();
      await expectNoSidewaysScroll(phone);
      await screenshot(phone, '79-dien-thoai-ho-so-cua-toi');
      await expectAccessible(phone, 'Hồ sơ của tôi on a phone');

      // An ID number is read digit by digit: on one line, even in a narrow column.
      await phone.goto(`/ho-so/${received.id}`);
      const idNumber = phone.getByText(licenceRenewalForm.soDinhDanh, { exact: true }).first();
      await idNumber.waitFor();
      await expect(idNumber.evaluate((el) => el.getClientRects().length)).resolves.toBe(1);
      await expectNoSidewaysScroll(phone);
      await expectAccessible(phone, 'the dossier page on a phone');

      await phone.goto('/tai-khoan/giay-to');
      await phone.getByRole('button', { name: 'Thêm giấy tờ' }).waitFor();
      await expectNoSidewaysScroll(phone);
      await screenshot(phone, '85-dien-thoai-giay-to-ca-nhan');
      await expectAccessible(phone, 'Giấy tờ cá nhân on a phone');
      await phone.getByRole('tab', { name: 'Thông tin tài khoản' }).click();
      await phone.getByText('Ngôn ngữ thông báo').first().waitFor();
      await expectNoSidewaysScroll(phone);
      await screenshot(phone, '86-dien-thoai-thong-tin-tai-khoan');
      await expectAccessible(phone, 'Thông tin tài khoản on a phone');
      await phone.context().close();
    },
  );

  step(
    'the form: lists without a blank first choice, and the error banner goes once fixed',
    async () => {
      await page.goto(`/ho-so/${draftId}/nop`);
      const idField = page.getByLabel('Số định danh cá nhân');
      await waitFor(async () => (await idField.inputValue()) === licenceRenewalForm.soDinhDanh, {
        what: 'the saved form',
      });
      // The open list is named like its field: the field itself is the combobox.
      const reason = page.getByRole('combobox', { name: 'Lý do đổi' });
      await reason.click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      await expect(options.first().innerText()).resolves.toBe('Hết hạn');
      await expectAccessible(page, 'the online form with a list open');
      await reason.press('Escape');
      await page.locator('.ant-form-item', { has: reason }).getByText('Chọn…').waitFor();

      await idField.fill('12ab');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      const banner = page.getByRole('alert').filter({ hasText: 'Tờ khai còn thông tin chưa đúng' });
      await banner.waitFor();
      await expectAccessible(page, 'the online form with its error banner');
      await idField.fill(licenceRenewalForm.soDinhDanh);
      await banner.waitFor({ state: 'detached' });
    },
  );

  step(
    'keyboard focus is plainly visible; the bell count sits beside the bell; /favicon.ico',
    async () => {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Tra cứu hồ sơ đã nộp' }).waitFor();
      await expectAccessible(page, 'the home page, signed in');
      const rings: string[] = [];
      for (let i = 0; i < 6; i++) {
        await page.keyboard.press('Tab');
        rings.push(
          await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            // A composite control shows the ring on its wrapper, not on the inner field.
            const ringed =
              el.closest(
                '.ant-segmented-item, .ant-input-affix-wrapper, .ant-input-number, .ant-picker, .ant-select',
              ) ?? el;
            const style = getComputedStyle(ringed);
            return `${el.tagName} ${style.outlineStyle} ${style.outlineWidth}`;
          }),
        );
      }
      for (const ring of rings) expect(ring).toMatch(/ solid 3px$/);

      const bell = page.getByRole('button', { name: /Thông báo, \d+ chưa đọc/ });
      await waitFor(
        async () => Number(/(\d+)/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1]) >= 10,
        { what: 'ten unread notifications or more', timeoutMs: 20_000 },
      );
      const icon = (await bell.locator('.bell-icon').boundingBox())!;
      const count = (await bell.locator('.ant-badge-count').boundingBox())!;
      // Two digits cover at most the bell's outer edge, never its body.
      expect(count.x).toBeGreaterThanOrEqual(icon.x + icon.width * 0.7);

      const favicon = await fetch(`${stack.url}/favicon.ico`);
      expect(favicon.status).toBe(200);
      expect(favicon.headers.get('content-type')).toMatch(/^image\//);
      expect(problems.flat()).toEqual([]);
    },
  );
});

/** Wholly on screen horizontally at the phone's width: reachable without scrolling sideways. */
async function expectInView(locator: Locator): Promise<void> {
  await locator.waitFor();
  const box = (await locator.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect(
    page.evaluate(() => document.documentElement.scrollWidth),
  ).resolves.toBeLessThanOrEqual(PHONE.width);
}
