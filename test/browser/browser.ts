/// <reference lib="dom" /> // page.evaluate() callbacks run in the browser
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); a browser is never downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ROOT = join(__dirname, '..', '..');
export const PORTAL_DIR = join(ROOT, 'dist', 'portal');

/**
 * The built portal. `npm test` builds it first (`npm run build:portal`); run alone, a missing
 * build is made here so `npx jest --selectProjects browser` works from a fresh checkout.
 */
export function builtPortal(): string {
  if (!existsSync(join(PORTAL_DIR, 'index.html'))) {
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'apps/portal/vite.config.mts',
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
  }
  return PORTAL_DIR;
}

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A fresh browser profile (its own cookies and sessionStorage), in Vietnamese. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  phone = false,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: phone ? PHONE : DESKTOP,
    deviceScaleFactor: 1,
    isMobile: phone,
    hasTouch: phone,
    acceptDownloads: true,
  });
  // What a person sees appears within a few seconds; waiting longer only hides a failure.
  context.setDefaultTimeout(15_000);
  return context;
}

/**
 * The steps of one journey, in order: each depends on the ones before, so after a failure the
 * rest report "skipped" at once instead of timing out one by one.
 */
export function journeySteps(
  pages: () => Page[],
): (name: string, step: () => Promise<void>) => void {
  let failed: string | null = null;
  return (name, step) =>
    it(name, async () => {
      if (failed) throw new Error(`not run: the step "${failed}" failed`);
      try {
        await step();
      } catch (err) {
        failed = name;
        // What each browser showed when the step failed, beside the screenshots.
        for (const [i, page] of pages().entries()) {
          await screenshot(page, `failed-${i}`).catch(() => undefined);
        }
        throw err;
      }
    });
}

/**
 * What went wrong in a page that a person would not see: uncaught errors and anything the
 * Content-Security-Policy blocked. A journey ends by asserting there was none.
 */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
  });
  return problems;
}

/** Screenshots land in SCREENSHOT_DIR (docs/screenshots for `npm run screenshots`). */
const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), 'dvc-browser-screenshots');

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({
    path: join(SHOTS, `${name}.png`),
    fullPage,
    animations: 'disabled',
    // Passing toasts ("Đã lưu…") would cover what the picture is about.
    style: '.ant-message { display: none !important; }',
  });
}
