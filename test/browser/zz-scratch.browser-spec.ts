import { Stack, startStack } from '../e2e/stack';
import { builtPortal, launchBrowser, newContext } from './browser';
it('scratch', async () => {
  const stack: Stack = await startStack({}, { portalDir: builtPortal() });
  const browser = await launchBrowser();
  const page = await (await newContext(browser, stack.url)).newPage();
  await page.goto('/dang-ky');
  await page.getByRole('heading', { name: 'Đăng ký tài khoản' }).waitFor();
  console.log(await page.locator('form').first().innerHTML());
  console.log(await page.locator('body').ariaSnapshot());
  await browser.close();
  await stack.stop();
});
