/// <reference lib="dom" /> // page.evaluate() callbacks run in the browser
import type { Browser, Page } from 'playwright-core';
import {
  HubSimulator,
  startHubSimulator,
} from '../../apps/national-hub-simulator/src/hub-simulator';
import { DEV_NATIONAL_HUB_TOKEN } from '../../apps/national-sync/src/national-sync.config';
import { waitFor } from '@dvc/testing';
import { DEMO_PASSWORD, login } from '../e2e/accounts';
import { Submitted, dossierFactory } from '../e2e/dossier-factory';
import { api, uploader } from '../e2e/http';
import { Stack, startStack } from '../e2e/stack';
import { expectAccessible } from './axe';
import { builtPortal, journeySteps, launchBrowser, newContext, screenshot, watch } from './browser';

/**
 * Đồng bộ Cổng DVC quốc gia in the browser: an administrator sees how far the hub is behind,
 * finds the call the hub kept refusing, retries it with the keyboard, and pulls the hub's
 * procedures with a report; in Vietnamese on a desktop, in English on a phone.
 */
describe('national portal sync page (browser)', () => {
  let hub: HubSimulator;
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let parked: Submitted;
  let problems: string[] = [];
  const step = journeySteps(() => [page].filter(Boolean));

  beforeAll(async () => {
    hub = await startHubSimulator({ port: 0, token: DEV_NATIONAL_HUB_TOKEN });
    stack = await startStack(
      {
        NATIONAL_HUB_URL: hub.url,
        NATIONAL_SYNC_SETTLE_MS: '100',
        NATIONAL_SYNC_POLL_MS: '50',
        NATIONAL_SYNC_BACKOFF_MS: '50',
        NATIONAL_SYNC_MAX_BACKOFF_MS: '200',
        NATIONAL_SYNC_MAX_ATTEMPTS: '2',
      },
      { portalDir: builtPortal() },
    );
    browser = await launchBrowser();
    // A citizen's dossier whose first call the hub refused past the budget.
    const call = api(stack.url);
    const citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
    await fetch(`${hub.url}/_sim/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failNext: 2 }),
    });
    parked = await dossierFactory(call, uploader(stack.url)).newSubmittedDossier(citizen);
    const admin = await login(call, 'admin@dvc.local', DEMO_PASSWORD);
    await waitFor(
      async () =>
        (await call<{ failed: number }>('GET', '/admin/national-sync', { token: admin })).body
          .failed === 1,
      { what: 'the parked call' },
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await hub?.close();
  });

  async function openAs(email: string, phone = false): Promise<Page> {
    const next = await (await newContext(browser, stack.url, phone)).newPage();
    problems = watch(next);
    await next.goto('/dang-nhap');
    await next.getByLabel('Email').fill(email);
    await next.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await next.getByRole('button', { name: 'Đăng nhập' }).click();
    return next;
  }

  step(
    'the admin finds the page, sees the parked call and retries it with the keyboard',
    async () => {
      page = await openAs('admin@dvc.local');
      await page.getByRole('heading', { name: 'Quản trị thủ tục hành chính' }).waitFor();
      await expectAccessible(page, 'the procedures admin');
      await page.getByRole('link', { name: 'Đồng bộ Cổng DVC quốc gia' }).click();
      await page.getByRole('heading', { name: 'Đồng bộ với Cổng Dịch vụ công quốc gia' }).waitFor();
      await page.getByText('Lỗi, chờ xử lý').waitFor();
      await page.getByRole('table').getByText(parked.code).waitFor();
      await page.getByRole('table').getByText('Đồng bộ hồ sơ', { exact: true }).waitFor();
      await page
        .getByText(/HTTP 503/)
        .first()
        .waitFor();
      await screenshot(page, '55-dong-bo-quoc-gia');
      await expectAccessible(page, 'the sync page with a parked call');

      const retry = page.getByRole('button', {
        name: `Gửi lại lượt đồng bộ của hồ sơ ${parked.code}`,
      });
      await retry.focus();
      await page.keyboard.press('Enter');
      await page.getByText('Không có lượt đồng bộ nào bị lỗi.').waitFor();
      await waitFor(
        async () => {
          const res = await fetch(`${hub.url}/_sim/records?dossierCode=${parked.code}`);
          return ((await res.json()) as unknown[]).length === 1;
        },
        { what: 'the dossier at the hub after the retry' },
      );
    },
  );

  step('the admin pulls the hub’s procedures and reads the report', async () => {
    await page.getByRole('button', { name: 'Lấy danh mục' }).click();
    const report = page.getByRole('status');
    await report.getByText('Thêm mới 2, cập nhật 0, không đổi 0, bị từ chối 1.').waitFor();
    await report.getByText('9.000103', { exact: true }).waitFor();
    await report.getByText(/Không có lĩnh vực mã linh-vuc-chua-co/).waitFor();
    await screenshot(page, '57-cap-nhat-thu-tuc-quoc-gia');
    await expectAccessible(page, 'the sync page with the catalogue report');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  step('on a phone, in English, the page fits one column', async () => {
    page = await openAs('admin@dvc.local', true);
    await page.getByRole('heading', { name: 'Quản trị thủ tục hành chính' }).waitFor();
    await page.locator('.language-switch').getByText('EN').click();
    await page.goto('/quan-tri/dong-bo');
    await page
      .getByRole('heading', { name: 'Sync with the national public-service portal' })
      .waitFor();
    await page.getByText('No sync call has failed.').waitFor();
    await page.getByText('Last synced').waitFor();
    await page.getByRole('button', { name: 'Pull the catalogue' }).click();
    await page.getByText('0 created, 0 updated, 2 unchanged, 1 rejected.').waitFor();
    // The report's table scrolls inside its card: the page keeps the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(page, '56-dong-bo-dien-thoai-en');
    await expectAccessible(page, 'the sync page on a phone, in English');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
