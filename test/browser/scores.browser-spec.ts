/// <reference lib="dom" /> // page.evaluate() callbacks run in the browser
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, login } from '../e2e/accounts';
import { dossierFactory } from '../e2e/dossier-factory';
import { api, uploader } from '../e2e/http';
import { Stack, startStack } from '../e2e/stack';
import { expectAccessible } from './axe';
import { builtPortal, journeySteps, launchBrowser, newContext, screenshot, watch } from './browser';

interface ScoresBody {
  items: { agency: { code: string; name: string }; dossiers: number; onTimeRate: number | null }[];
}

/**
 * The scoreboard in the browser: a dossier settled this month shows in its agency's row and in
 * the charts' words; the month is picked with the keyboard; it fits a phone, in English too.
 */
describe('public scores (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  const problems: string[][] = [];
  const step = journeySteps(() => [page].filter(Boolean));
  let agencyName = '';

  beforeAll(async () => {
    stack = await startStack({}, { portalDir: builtPortal() });
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  step('a dossier settled this month shows on the scoreboard, table and charts', async () => {
    const call = api(stack.url);
    const factory = dossierFactory(call, uploader(stack.url));
    const citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
    const officer = await login(call, 'officer@dvc.local', DEMO_PASSWORD);
    // refused after receipt: settled this month, on time, without the cost of a signed result
    const received = await factory.newReceivedDossier(citizen, officer);
    const refused = await call(`POST`, `/officer/dossiers/${received.id}/actions/refuse`, {
      token: officer,
      body: { note: 'Hồ sơ không thuộc thẩm quyền giải quyết' },
    });
    expect(refused.status).toBeLessThan(300);
    const agencyCode = received.code.split('-')[0];
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await fetch(`${stack.url}/api/v1/public/scores?agency=${agencyCode}`);
      const body = (await res.json()) as ScoresBody;
      const item = body.items[0];
      if (item?.dossiers > 0) {
        agencyName = item.agency.name;
        break;
      }
      if (Date.now() > deadline) throw new Error('the dossier never reached the scores');
      await new Promise((r) => setTimeout(r, 250));
    }

    page = await (await newContext(browser, stack.url)).newPage();
    problems.push(watch(page));
    await page.goto('/');
    await page.getByRole('link', { name: 'Đánh giá chất lượng' }).first().click();
    await page.getByRole('heading', { name: 'Đánh giá chất lượng phục vụ' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(agencyName) });
    await row.waitFor();
    await row.getByRole('cell', { name: '100%' }).first().waitFor();
    const chart = page.getByRole('img', { name: /Tỷ lệ giải quyết đúng hạn theo cơ quan/ });
    expect(await chart.getAttribute('aria-label')).toContain(`${agencyName}: Đúng hạn 100%`);
    await screenshot(page, '68-danh-gia-chat-luong');
    await expectAccessible(page, 'the scoreboard');

    // an earlier month, with the keyboard: nothing settled there
    await page.getByLabel('Kỳ đánh giá').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/period=\d{4}-\d{2}/);
    await page
      .getByText('Trong tháng này chưa cơ quan nào giải quyết hồ sơ, nên chưa có biểu đồ.')
      .waitFor();
    await screenshot(page, '83-danh-gia-thang-chua-co-ho-so');
    await expectAccessible(page, 'the scoreboard of a month without data');
    await page.context().close();
  });

  step('on a phone and in English the scoreboard fits the screen', async () => {
    page = await (await newContext(browser, stack.url, true)).newPage();
    problems.push(watch(page));
    await page.goto('/danh-gia-chat-luong');
    await page.getByRole('heading', { name: 'Đánh giá chất lượng phục vụ' }).waitFor();
    await page.locator('.language-switch').getByText('EN').click();
    await page.getByRole('heading', { name: 'Service quality scores' }).waitFor();
    await page.getByRole('img', { name: /Settled on time, by agency/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(page, '69-danh-gia-chat-luong-dien-thoai-en');
    await expectAccessible(page, 'the scoreboard on a phone, in English');
    await page.context().close();
  });

  it('met no script error and no Content-Security-Policy violation on the way', () => {
    expect(problems.flat()).toEqual([]);
  });
});
