/// <reference lib="dom" /> // page.evaluate() callbacks run in the browser
import { source as axeSource } from 'axe-core';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: the rules a public-service portal must meet. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const FAILING_IMPACTS = new Set(['serious', 'critical']);

/**
 * Checks the page as it is now with axe-core and fails on any serious or critical violation
 * of WCAG 2.0–2.2 A/AA, naming the rule, the elements and how to fix them. axe is evaluated
 * through the test browser's debugging protocol, not added as a page script, so the portal's
 * Content-Security-Policy stays as it is. One call per page (or per state worth checking:
 * an open dialog, a form showing its errors), once its animations have ended.
 */
export async function expectAccessible(page: Page, what = page.url()): Promise<void> {
  await settled(page);
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(axeSource);
  const results = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe.run(
        document,
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      ),
    WCAG_TAGS,
  );
  const failing = results.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  if (failing.length > 0) {
    throw new Error(
      `${failing.length} serious accessibility problem(s) on ${what}:\n${failing.map(describe).join('\n')}`,
    );
  }
}

/**
 * Waits for the page's finite animations (a field error fading in, a dialog opening) to end:
 * half-way through a fade the text is lighter than anyone reads it, and axe would measure that.
 * Endless ones (a spinner) are not waited for.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const ending = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
      .map((animation) => animation.finished.catch(() => undefined));
    await Promise.race([Promise.all(ending), new Promise((done) => setTimeout(done, 3_000))]);
  });
}

function describe(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map(
      (node) => `    ${node.target.join(' ')}: ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
    );
  const more = violation.nodes.length > 5 ? [`    … and ${violation.nodes.length - 5} more`] : [];
  return [`  ${violation.id} (${violation.impact}): ${violation.help}`, ...nodes, ...more].join(
    '\n',
  );
}
