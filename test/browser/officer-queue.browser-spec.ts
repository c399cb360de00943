import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import type { OfficerQueuePage } from '@dvc/contracts';
import { TEST_DATABASE_URL } from '@dvc/testing';
import { DEMO_PASSWORD, login } from '../e2e/accounts';
import { dossierFactory } from '../e2e/dossier-factory';
import { api, files, uploader } from '../e2e/http';
import { Stack, startStack } from '../e2e/stack';
import { expectAccessible } from './axe';
import { builtPortal, journeySteps, launchBrowser, newContext, screenshot, watch } from './browser';

/**
 * Hồ sơ cần xử lý as an officer lives it: the queue opens on the work in hand with counts per
 * tab, the dossier at 80 % of its time first and marked, the deadline warning in the bell; a
 * dossier waiting for the citizen says so, and refreshes by itself when the citizen answers.
 */
describe('officer queue, deadlines and notices (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let db: DataSource;
  let page: Page;
  let problems: string[] = [];
  let citizen = '';
  let officerToken = '';
  const codes = { fresh: '', soon: '', waiting: '' };
  let waitingId = '';
  const call = () => api(stack.url);
  const step = journeySteps(() => [page].filter(Boolean));

  beforeAll(async () => {
    stack = await startStack({ DEADLINE_CHECK_SECONDS: '1' }, { portalDir: builtPortal() });
    browser = await launchBrowser();
    db = await new DataSource({ type: 'postgres', url: TEST_DATABASE_URL }).initialize();
    citizen = await login(call(), 'citizen@dvc.local', DEMO_PASSWORD);
    officerToken = await login(call(), 'officer@dvc.local', DEMO_PASSWORD);
    const factory = dossierFactory(call(), uploader(stack.url));
    codes.fresh = (await factory.newSubmittedDossier(citizen)).code;
    const soon = await factory.newReceivedDossier(citizen, officerToken);
    codes.soon = soon.code;
    const waiting = await factory.newReceivedDossier(citizen, officerToken);
    codes.waiting = waiting.code;
    waitingId = waiting.id;
    await call()('POST', `/officer/dossiers/${waiting.id}/actions/request-supplement`, {
      token: officerToken,
      body: { missing: ['Giấy khám sức khỏe của người lái xe'] },
    });
    // Four of its five days went by: the 80 % instant is a minute ago (time travel in the table).
    const schema = stack.schemas.find((s) => s.endsWith('_dossier'))!;
    await db.query(
      `UPDATE "${schema}".dossiers SET warn_at = now() - interval '1 minute' WHERE id = $1`,
      [soon.id],
    );
  }, 300_000);

  afterAll(async () => {
    await db?.destroy();
    await browser?.close();
    await stack?.stop();
  });

  step(
    'the queue opens on the work in hand: counts per tab, due soon first and marked',
    async () => {
      page = await (await newContext(browser, stack.url)).newPage();
      problems = watch(page);
      await page.goto('/dang-nhap');
      await page.getByLabel('Email').fill('officer@dvc.local');
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByLabel('Mật khẩu').press('Enter');
      await page.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
      const { body } = await call()<OfficerQueuePage>('GET', '/officer/dossiers', {
        token: officerToken,
      });
      const tabs = page.getByRole('radiogroup', { name: 'Nhóm hồ sơ' });
      await tabs.getByText(`Cần xử lý (${body.counts['in-hand']})`).waitFor();
      await tabs.getByText(`Chờ công dân (${body.counts['awaiting-citizen']})`).waitFor();
      await tabs.getByText(`Tất cả (${body.counts.all})`).waitFor();
      const rows = page.locator('.ant-table-tbody tr.ant-table-row');
      await rows.first().getByText(codes.soon).waitFor();
      await rows.first().getByText('Sắp đến hạn').waitFor();
      // The new dossier, not received yet, is on the first page too.
      await page
        .getByRole('row', { name: new RegExp(codes.fresh.replace(/\./g, '\\.')) })
        .waitFor();
      expect(await page.getByText(codes.waiting).count()).toBe(0);
      await screenshot(page, '60-can-bo-hang-doi');
      await expectAccessible(page, 'the officer queue');
    },
  );

  step('the deadline warning rings the bell', async () => {
    await page.getByRole('button', { name: /Thông báo, [1-9]\d* chưa đọc/ }).click();
    const bell = page.getByRole('dialog', { name: 'Thông báo' });
    await bell.getByText('Hồ sơ sắp đến hạn').first().waitFor();
    await bell.getByText(new RegExp(`${codes.soon.replace(/\./g, '\\.')}.*80% thời hạn`)).waitFor();
    await screenshot(page, '61-can-bo-canh-bao-han');
    await expectAccessible(page, 'the bell with the deadline warning');
    await page.keyboard.press('Escape');
  });

  step(
    'keyboard to "Chờ công dân": the panel says what is awaited, not that it is finished',
    async () => {
      await page.getByRole('radio', { name: /Cần xử lý/ }).focus();
      await page.keyboard.press('ArrowRight');
      // The radio inputs are drawn as buttons: the input itself is attached, not visible.
      await page
        .getByRole('radio', { name: /Chờ công dân \(\d+\)/, checked: true })
        .waitFor({ state: 'attached' });
      const row = page.getByRole('row', { name: new RegExp(codes.waiting.replace(/\./g, '\\.')) });
      await row.getByRole('link', { name: codes.waiting }).press('Enter');
      const panel = page.locator('.action-bar');
      await panel.getByText('Đang chờ công dân bổ sung hồ sơ.', { exact: false }).waitFor();
      expect(await panel.getByText('Hồ sơ đã kết thúc').count()).toBe(0);
      await screenshot(page, '62-can-bo-cho-bo-sung');
      await expectAccessible(page, 'a dossier waiting for the citizen');
    },
  );

  step(
    'the citizen supplements: the open page refreshes by itself and the bell says so',
    async () => {
      const upload = uploader(stack.url);
      await upload(
        `/dossiers/${waitingId}/attachments`,
        { componentId: 'giay-kham-suc-khoe' },
        files.pdf('giay-kham'),
        citizen,
      );
      await call()('POST', `/dossiers/${waitingId}/supplement`, {
        token: citizen,
        body: { note: 'Đã bổ sung' },
      });
      await page.locator('.dossier-header').getByText('Đã tiếp nhận').waitFor();
      expect(await page.getByText('Đang chờ công dân bổ sung hồ sơ.').count()).toBe(0);
      await page.getByRole('button', { name: /Thông báo, [1-9]\d* chưa đọc/ }).click();
      await page
        .getByRole('dialog', { name: 'Thông báo' })
        .getByText('Công dân đã bổ sung hồ sơ')
        .first()
        .waitFor();
      await screenshot(page, '63-can-bo-cong-dan-da-bo-sung');
      await expectAccessible(page, 'the supplemented dossier with the bell open');
      await page.keyboard.press('Escape');
    },
  );

  step('on a phone, in English, every tab is reachable without sideways scrolling', async () => {
    const phone = await (await newContext(browser, stack.url, true)).newPage();
    problems.push(...watch(phone));
    await phone.goto('/dang-nhap');
    await phone.locator('.language-switch').getByText('EN').click();
    await phone.getByLabel('Email').fill('officer@dvc.local');
    await phone.getByLabel('Password').fill(DEMO_PASSWORD);
    await phone.getByLabel('Password').press('Enter');
    await phone.getByRole('heading', { name: 'Applications to process' }).waitFor();
    for (const name of [/To process \(\d+\)/, /Waiting for applicant \(\d+\)/, /All \(\d+\)/]) {
      const tab = phone.getByRole('radio', { name });
      await tab.waitFor({ state: 'attached' });
      expect(await tab.locator('xpath=ancestor::label').isVisible()).toBe(true);
    }
    // The mark is in view, not behind the table's sideways scroll.
    const mark = phone.getByText('Due soon').first();
    await mark.waitFor();
    const box = (await mark.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await screenshot(phone, '64-can-bo-dien-thoai');
    await expectAccessible(phone, 'the officer queue on a phone, in English');
    await phone.context().close();
    expect(problems).toEqual([]);
  });
});
