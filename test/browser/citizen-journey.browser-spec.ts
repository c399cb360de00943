/// <reference lib="dom" /> // page.evaluate() callbacks run in the browser
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitFor } from '@dvc/testing';
import { DEMO_PASSWORD } from '../e2e/accounts';
import { MAX_FILE_BYTES, Stack, startStack } from '../e2e/stack';
import { expectAccessible } from './axe';
import {
  DESKTOP,
  PHONE,
  builtPortal,
  journeySteps,
  launchBrowser,
  newContext,
  screenshot,
  watch,
} from './browser';
import { exeAsPdf, largePdf, pdf } from './files';
import { linkInEmail } from './mail';

/**
 * The citizen guide of issue 7, clicked through in Chromium on the whole stack: register,
 * activate from the email, reset the password, keep an address on Trang cá nhân, find "giay
 * phep lai xe", apply (through login and back), fill the form (prefilled from the account, an
 * inline error first), attach, submit, look it up; the officer
 * receives, asks for a supplement, the citizen supplements, pays with the simulator, the
 * officer completes and returns, the citizen downloads the result. Each step checks what a
 * person sees, in Vietnamese.
 */
describe('citizen and officer journey (browser)', () => {
  let stack: Stack;
  let browser: Browser;
  let citizenContext: BrowserContext;
  let officerContext: BrowserContext;
  let page: Page;
  let officer: Page;
  let problems: string[][] = [];

  const email = `cong-dan-${Date.now()}@example.vn`;
  const firstPassword = 'mật khẩu đầu tiên 2026';
  const password = 'mật khẩu mới của tôi';
  const address = 'Số 1 Hoàng Hoa Thám, phường Ba Đình, Hà Nội';
  let dossierCode = '';
  let lookupKey = '';
  const step = journeySteps(() => [page, officer].filter(Boolean));

  beforeAll(async () => {
    stack = await startStack({}, { portalDir: builtPortal() });
    browser = await launchBrowser();
    citizenContext = await newContext(browser, stack.url);
    page = await citizenContext.newPage();
    problems = [watch(page)];
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  step(
    'home: Đăng ký / Đăng nhập top right, the services menu, search, and the lookup block',
    async () => {
      await page.goto('/');
      const topbar = page.locator('.topbar');
      await expect(topbar.getByRole('link', { name: 'Đăng ký' }).isVisible()).resolves.toBe(true);
      await expect(topbar.getByRole('link', { name: 'Đăng nhập' }).isVisible()).resolves.toBe(true);
      await page
        .getByRole('navigation')
        .getByRole('link', { name: 'Dịch vụ công trực tuyến' })
        .waitFor();
      await page.getByRole('heading', { name: 'Tra cứu hồ sơ đã nộp' }).waitFor();
      await page.getByRole('searchbox', { name: 'Tìm kiếm thủ tục hành chính' }).waitFor();
      await screenshot(page, '01-trang-chu');
      await expectAccessible(page);

      const phone = await (await newContext(browser, stack.url, true)).newPage();
      await phone.goto('/');
      await phone.getByRole('heading', { name: 'Tra cứu hồ sơ đã nộp' }).waitFor();
      await phone.getByRole('button', { name: 'Mở danh mục' }).click();
      await phone
        .getByRole('dialog')
        .getByRole('link', { name: 'Dịch vụ công trực tuyến' })
        .waitFor();
      await screenshot(phone, '02-dien-thoai-danh-muc', false);
      await expectAccessible(phone, 'the menu on a phone');
      await phone.context().close();
    },
  );

  step(
    'registers with field messages and the captcha, then says to check the email and the spam folder',
    async () => {
      let captchaShown = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/captcha'));
      await page.locator('.topbar').getByRole('link', { name: 'Đăng ký' }).click();
      await page.getByRole('heading', { name: 'Đăng ký tài khoản' }).waitFor();
      await page.getByRole('img', { name: /Mã xác nhận/ }).waitFor();
      await page.getByRole('button', { name: 'Đăng ký' }).click();
      await page.getByText('Vui lòng nhập họ và tên').waitFor();
      await page.getByText('Vui lòng nhập email').waitFor();
      await page.getByText('Vui lòng nhập mã xác nhận').waitFor();

      await page.getByLabel('Họ và tên').fill('Trần Thị Công Dân');
      await page.getByLabel('Email').fill(email);
      await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(firstPassword);
      await page.getByLabel('Nhập lại mật khẩu').fill('khác hẳn');
      await page.getByLabel('Số định danh cá nhân (CCCD)').fill('12345');
      await page.getByRole('button', { name: 'Đăng ký' }).click();
      await page.getByText('Mật khẩu nhập lại không khớp').waitFor();
      await page.getByText('Số định danh cá nhân gồm 12 chữ số').waitFor();
      await screenshot(page, '03-dang-ky-loi');
      await expectAccessible(page, 'registration with its errors');

      await page.getByLabel('Nhập lại mật khẩu').fill(firstPassword);
      await page.getByLabel('Số định danh cá nhân (CCCD)').fill('001199004567');
      const captchaAnswer = page.getByRole('textbox', { name: 'Mã xác nhận', exact: true });
      // A wrong code is refused beside its field, and a new image replaces the spent one.
      await captchaAnswer.fill('sai-ma');
      const { captchaId: wrongId } = (await (await captchaShown).json()) as { captchaId: string };
      captchaShown = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/captcha'));
      await page.getByRole('button', { name: 'Đăng ký' }).click();
      await page.getByText('Mã xác nhận không đúng').waitFor();
      const { captchaId } = (await (await captchaShown).json()) as { captchaId: string };
      expect(captchaId).not.toBe(wrongId);
      await captchaAnswer.fill((await stack.redis.get(`captcha:${captchaId}`))!);
      await page.getByRole('button', { name: 'Đăng ký' }).click();
      await page.getByRole('heading', { name: 'Vui lòng kiểm tra email' }).waitFor();
      await page.getByText(`Chúng tôi đã gửi thư tới ${email}`).waitFor();
      await page.getByText('Nếu email này đã có tài khoản').waitFor();
      await page.getByText('kiểm tra cả thư mục Spam (Thư rác)').waitFor();
      await screenshot(page, '04-dang-ky-thanh-cong');
      await expectAccessible(page);
    },
  );

  step('activates from the link in the email', async () => {
    await page.goto(await linkInEmail(stack, email, '/activate'));
    await page.getByRole('heading', { name: 'Tài khoản đã được kích hoạt' }).waitFor();
    await expectAccessible(page);
  });

  step(
    'resets a forgotten password with the captcha (refreshable) and the emailed link',
    async () => {
      await page.goto('/dang-nhap');
      const firstCaptcha = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/captcha'));
      await page.getByRole('button', { name: 'Quên mật khẩu?' }).click();
      const dialog = page.getByRole('dialog', { name: 'Quên mật khẩu' });
      const image = dialog.getByRole('img', { name: /Mã xác nhận/ });
      await image.waitFor();
      const before = await image.getAttribute('src');
      const { captchaId: firstId } = (await (await firstCaptcha).json()) as { captchaId: string };
      const second = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/captcha'));
      await dialog.getByRole('button', { name: 'Đổi mã khác' }).click();
      const { captchaId } = (await (await second).json()) as { captchaId: string };
      expect(captchaId).not.toBe(firstId);
      await waitFor(async () => (await image.getAttribute('src')) !== before, {
        what: 'a new captcha image',
      });
      await screenshot(page, '05-quen-mat-khau');
      await expectAccessible(page, 'the forgotten-password dialog');

      const answer = await stack.redis.get(`captcha:${captchaId}`);
      await dialog.getByLabel('Email').fill(email);
      await dialog.getByRole('textbox', { name: 'Mã xác nhận', exact: true }).fill(answer!);
      await dialog.getByRole('button', { name: 'Gửi yêu cầu' }).click();
      await dialog.getByText('Đã gửi yêu cầu').waitFor();

      await page.goto(await linkInEmail(stack, email, '/reset-password'));
      await page.getByRole('heading', { name: 'Đặt lại mật khẩu' }).waitFor();
      await expectAccessible(page);
      await page.getByLabel('Mật khẩu mới').fill(password);
      await page.getByLabel('Nhập lại mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đặt mật khẩu mới' }).click();
      await page.getByRole('heading', { name: 'Đã đặt lại mật khẩu' }).waitFor();
      await expectAccessible(page);
    },
  );

  step(
    'keeps an address on Trang cá nhân (keyboard, then on a phone in English), and signs out',
    async () => {
      await page.goto('/dang-nhap');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      const menu = page.getByRole('button', { name: /Trần Thị Công Dân/ });
      await menu.waitFor();
      await page.goto('/tai-khoan');
      await page.getByRole('heading', { name: 'Trang cá nhân' }).waitFor();
      const field = page.getByLabel('Địa chỉ thường trú');
      await page.getByText('Được điền sẵn vào ô nơi cư trú hoặc địa chỉ thường trú').waitFor();
      await field.focus();
      await page.keyboard.type(`  ${address}  `);
      await page.keyboard.press('Enter');
      await page.getByText('Đã lưu thông tin tài khoản').waitFor();
      // Kept on the account, trimmed, after a reload.
      await page.reload();
      await waitFor(async () => (await field.inputValue()) === address, {
        what: 'the saved address on Trang cá nhân',
      });
      await screenshot(page, '87-trang-ca-nhan-dia-chi');
      await expectAccessible(page, 'Trang cá nhân with the address');

      await page.setViewportSize(PHONE);
      await page.locator('.language-switch').getByText('EN').click();
      const english = page.getByLabel('Permanent address');
      await page.getByText('Filled in for you as the place of residence').waitFor();
      expect(await english.inputValue()).toBe(address);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      await screenshot(page, '88-dien-thoai-dia-chi-tieng-anh');
      await page.locator('.language-switch').getByText('VI').click();
      await page.setViewportSize(DESKTOP);

      await menu.click();
      await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
      await page.locator('.topbar').getByRole('link', { name: 'Đăng nhập' }).waitFor();
    },
  );

  step(
    'finds "giay phep lai xe" and reads the procedure, then applies through login and back',
    async () => {
      await page.goto('/');
      const search = page.getByRole('searchbox', { name: 'Tìm kiếm thủ tục hành chính' });
      await search.fill('giay phep lai xe');
      await search.press('Enter');
      await page.getByText(/Tìm thấy \d+ thủ tục/).waitFor();
      await screenshot(page, '06-tim-kiem');
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Đổi giấy phép lái xe' }).click();

      await page.getByRole('heading', { level: 1, name: 'Đổi giấy phép lái xe' }).waitFor();
      for (const heading of [
        'Thông tin chung',
        'Trình tự thực hiện',
        'Thành phần hồ sơ',
        'Thời hạn giải quyết',
        'Phí, lệ phí',
        'Mẫu đơn, tờ khai',
      ]) {
        await page.getByRole('heading', { name: heading }).waitFor();
      }
      await page.getByText('Căn cứ pháp lý').waitFor();
      await page.getByText('Công an thành phố Hà Nội').first().waitFor();
      await page.getByText('5 ngày làm việc').first().waitFor();
      const form = page.getByRole('link', { name: /Đơn đề nghị đổi giấy phép lái xe \(DOCX\)/ });
      expect(await form.getAttribute('href')).toBe(
        '/api/v1/procedures/3.000347/forms/de-nghi-doi-gplx',
      );
      const download = await fetch(`${stack.url}${await form.getAttribute('href')}`);
      expect(download.status).toBe(200);
      await screenshot(page, '07-thu-tuc');
      await expectAccessible(page);

      await page.getByRole('button', { name: 'Nộp hồ sơ trực tuyến' }).click();
      await page.waitForURL(/\/dang-nhap\?returnUrl=/);
      await page.getByText('Vui lòng đăng nhập để tiếp tục').waitFor();
      await expectAccessible(page);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Mật khẩu').fill(firstPassword);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByText('Email hoặc mật khẩu không đúng.').waitFor();
      await expectAccessible(page, 'login with a wrong password');
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();

      await page.waitForURL(/\/ho-so\/[0-9a-f-]+\/nop/);
      await page.getByRole('heading', { name: 'Đổi giấy phép lái xe' }).waitFor();
      await page.getByRole('button', { name: /Thông báo, \d+ chưa đọc/ }).waitFor();
    },
  );

  step(
    'fills the online form: prefilled from the account, each error says the format expected, a valid form is saved',
    async () => {
      // What the account knows is already there, and can be changed.
      const name = page.getByLabel('Họ, chữ đệm và tên');
      await waitFor(async () => (await name.inputValue()) === 'Trần Thị Công Dân', {
        what: 'the name from the account in the form',
      });
      expect(await page.getByLabel('Số định danh cá nhân').inputValue()).toBe('001199004567');
      expect(await page.getByLabel('Thư điện tử').inputValue()).toBe(email);
      // The address from Trang cá nhân, in the form's "Nơi cư trú".
      expect(await page.getByLabel('Nơi cư trú').inputValue()).toBe(address);
      await screenshot(page, '89-to-khai-dien-san-dia-chi');

      await page.getByLabel('Số định danh cá nhân').fill('12ab');
      await page.getByLabel('Số điện thoại').fill('912345678');
      await fillDate(page, 'Ngày, tháng, năm sinh', '31/02/2030');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      const idField = page.locator('.ant-form-item', {
        has: page.getByLabel('Số định danh cá nhân'),
      });
      await idField.getByText('Số định danh cá nhân: phải gồm 12 chữ số').waitFor();
      await page.getByText('Số điện thoại: phải gồm 10 chữ số, bắt đầu bằng 0').waitFor();
      await page
        .getByText(
          'Ngày, tháng, năm sinh: ngày này không có trên lịch (kiểm tra lại ngày và tháng)',
        )
        .waitFor();
      await page.getByText('Tờ khai còn thông tin chưa đúng').waitFor();
      // The impossible day stays as typed, not emptied.
      expect(await page.getByLabel('Ngày, tháng, năm sinh').inputValue()).toBe('31/02/2030');
      await screenshot(page, '08-to-khai-loi');
      await expectAccessible(page, 'the online form with its errors');

      await fillDate(page, 'Ngày, tháng, năm sinh', '20/05/2030');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByText('Ngày, tháng, năm sinh: không được là ngày trong tương lai').waitFor();
      await screenshot(page, '80-to-khai-ngay-tuong-lai');

      await page.getByLabel('Số định danh cá nhân').fill('001199004567');
      await fillDate(page, 'Ngày, tháng, năm sinh', '20/05/1990');
      await page.getByLabel('Số giấy phép lái xe').fill('010203040506');
      await page.getByLabel('Hạng giấy phép lái xe').click();
      await page.locator('.ant-select-dropdown .ant-select-item-option[title="B"]').click();
      await fillDate(page, 'Ngày hết hạn của giấy phép lái xe', '31/12/2026');
      await page.getByLabel('Số điện thoại').fill('0912345678');
      await page.getByRole('button', { name: 'Lưu nháp' }).click();
      await page.getByText('Đã lưu hồ sơ nháp').waitFor();
      await expect(page.getByText('phải gồm').count()).resolves.toBe(0);
    },
  );

  step(
    'keeps a document in Giấy tờ cá nhân (upload with progress), and the draft waits on the server',
    async () => {
      await page.goto('/tai-khoan/giay-to');
      await page.getByRole('tab', { name: 'Giấy tờ cá nhân' }).waitFor();
      await page.getByRole('button', { name: 'Thêm giấy tờ' }).click();
      const dialog = page.getByRole('dialog', { name: 'Thêm giấy tờ' });
      await dialog.getByLabel('Tên giấy tờ').fill('Giấy phép lái xe hạng B');
      await dialog.getByLabel('Số hiệu').fill('010203040506');
      await dialog.locator('input[type=file]').setInputFiles(pdf('gplx-hang-b'));
      await dialog.waitFor({ state: 'hidden' });
      const row = page.getByRole('row', { name: /Giấy phép lái xe hạng B/ });
      await row.waitFor();
      await row.getByText('gplx-hang-b.pdf').waitFor();
      await screenshot(page, '09-giay-to-ca-nhan');
      await expectAccessible(page);

      await page.getByRole('tab', { name: 'Hồ sơ của tôi' }).click();
      await page.getByRole('link', { name: 'Hồ sơ nháp — tiếp tục' }).click();
      await waitFor(
        async () => (await page.getByLabel('Số giấy phép lái xe').inputValue()) === '010203040506',
        { what: 'the saved draft in the form' },
      );
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByRole('heading', { name: 'Thành phần hồ sơ', level: 2 }).waitFor();
      await expectAccessible(page);
    },
  );

  step(
    'attaches the components: wrong type refused before, oversize after the upload, then a progress bar and the wallet',
    async () => {
      const request = page.locator('section[data-component="de-nghi-doi-gplx"]');
      await request.locator('input[type=file]').setInputFiles(exeAsPdf());
      await request.getByText('không đúng định dạng cho phép').waitFor();

      await request.locator('input[type=file]').setInputFiles(largePdf(MAX_FILE_BYTES + 64 * 1024));
      await request.getByRole('alert').filter({ hasText: 'dung lượng' }).waitFor();

      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByText('Chưa đính kèm: Đơn đề nghị đổi giấy phép lái xe').waitFor();

      await request.locator('input[type=file]').setInputFiles(pdf('don-de-nghi'));
      await request.getByText('Đã tải lên "don-de-nghi.pdf"').waitFor();
      await request.getByText('don-de-nghi.pdf', { exact: true }).waitFor();

      const copy = page.locator('section[data-component="ban-sao-gplx"]');
      await copy.getByRole('button', { name: 'Chọn từ Giấy tờ cá nhân' }).click();
      const picker = page.getByRole('dialog', { name: /Chọn giấy tờ cho/ });
      await picker.getByText('Giấy phép lái xe hạng B').click();
      await picker.getByRole('button', { name: 'Đính kèm' }).click();
      await copy.getByText('Từ giấy tờ cá nhân').waitFor();
      await screenshot(page, '10-thanh-phan-ho-so');
      await expectAccessible(page, 'the components, attached');

      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByText('Bạn muốn nhận kết quả bằng hình thức nào?').waitFor();
    },
  );

  step(
    'chooses the delivery, reviews and submits: the receipt shows the code and the lookup key',
    async () => {
      await page.getByLabel('Nhận kết quả qua dịch vụ bưu chính').check();
      await page.getByLabel('Người nhận').fill('Trần Thị Công Dân');
      await page.getByRole('button', { name: 'Tiếp tục' }).click();
      await page.getByText('Vui lòng nhập địa chỉ').waitFor();
      await expectAccessible(page, 'the delivery step with its error');
      await page.getByLabel('Nhận kết quả trực tuyến (tải về trên Cổng)').check();
      await page.getByRole('button', { name: 'Tiếp tục' }).click();

      await page.getByRole('heading', { name: 'Xem lại và nộp', level: 2 }).waitFor();
      await page.getByText('Trần Thị Công Dân').first().waitFor();
      await page.getByText('don-de-nghi.pdf').waitFor();
      const submit = page.getByRole('button', { name: 'Nộp hồ sơ' });
      expect(await submit.isDisabled()).toBe(true);
      await page.getByLabel(/Tôi xin cam đoan/).check();
      await screenshot(page, '11-xem-lai');
      await expectAccessible(page);
      await submit.click();

      await page.getByRole('heading', { name: 'Nộp hồ sơ thành công' }).waitFor();
      await page.getByRole('heading', { name: 'Giấy tiếp nhận hồ sơ trực tuyến' }).waitFor();
      dossierCode = (await page.getByTestId('dossier-code').innerText()).trim();
      lookupKey = (await page.getByTestId('lookup-key').innerText()).trim();
      expect(dossierCode).toMatch(/^000\.00\.01\.H26-\d{6}-\d{4}$/);
      expect(lookupKey).toMatch(/^[A-Z2-9]{6}$/);
      await page.getByRole('button', { name: 'In giấy tiếp nhận' }).waitFor();
      await screenshot(page, '12-giay-tiep-nhan');
      await expectAccessible(page);
    },
  );

  step('finds the dossier with TRA CỨU HỒ SƠ ĐÃ NỘP, result below', async () => {
    const visitor = await (await newContext(browser, stack.url)).newPage();
    await visitor.goto('/');
    await lookUp(visitor, dossierCode, lookupKey);
    const result = visitor.getByRole('region', { name: 'Kết quả tra cứu hồ sơ' });
    await result.getByText(dossierCode).waitFor();
    await result.getByText('Đã nộp').first().waitFor();
    await result.getByText('Công an thành phố Hà Nội').waitFor();
    await screenshot(visitor, '13-tra-cuu');
    await expectAccessible(visitor);

    await lookUp(visitor, dossierCode, 'ZZZZZZ');
    await visitor.getByText(`Không tìm thấy hồ sơ ${dossierCode} với mã tra cứu này`).waitFor();
    await visitor.context().close();
  });

  step('officer: the queue, the dossier with only the legal next steps; receives it', async () => {
    officerContext = await newContext(browser, stack.url);
    officer = await officerContext.newPage();
    problems.push(watch(officer));
    await officer.goto('/dang-nhap');
    await officer.getByLabel('Email').fill('officer@dvc.local');
    await officer.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await officer.getByRole('button', { name: 'Đăng nhập' }).click();
    await officer.getByRole('heading', { name: 'Hồ sơ cần xử lý' }).waitFor();
    const row = officer.getByRole('row', { name: new RegExp(dossierCode.replace(/\./g, '\\.')) });
    await row.getByText('Trần Thị Công Dân').waitFor();
    await row.getByText('Đã nộp').waitFor();
    await screenshot(officer, '14-can-bo-danh-sach');
    await expectAccessible(officer);
    await row.getByRole('link', { name: dossierCode }).click();

    await officer.getByRole('heading', { level: 1, name: 'Đổi giấy phép lái xe' }).waitFor();
    const actions = officer.locator('.action-bar');
    await actions.getByRole('button', { name: 'Tiếp nhận' }).waitFor();
    await actions.getByRole('button', { name: 'Từ chối' }).waitFor();
    expect(await actions.getByRole('button').allInnerTexts()).toEqual(['Tiếp nhận', 'Từ chối']);
    await officer.getByText(address).waitFor();
    await officer.getByText('don-de-nghi.pdf').waitFor();

    // The citizen watches the dossier: the change arrives live (SSE), without a reload.
    await page.getByRole('button', { name: 'Xem hồ sơ' }).click();
    await page.getByText('Đã nộp', { exact: true }).first().waitFor();
    const unreadBefore = await unreadCount(page);

    await act(officer, 'Tiếp nhận');
    await officer.locator('.dossier-header').getByText('Đã tiếp nhận').waitFor();
    await screenshot(officer, '15-can-bo-ho-so');
    await expectAccessible(officer);

    await waitFor(async () => (await unreadCount(page)) > unreadBefore, {
      timeoutMs: 20_000,
      what: 'a new unread notification in the bell',
    });
    await page.locator('.dossier-header').getByText('Đã tiếp nhận').waitFor({ timeout: 20_000 });
    await expectAccessible(page);
  });

  step(
    'officer asks for a supplement; the citizen sees it in the bell and answers with a file',
    async () => {
      await officer.locator('.action-bar').getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
      const dialog = officer.getByRole('dialog', { name: 'Yêu cầu bổ sung' });
      const missing = dialog.getByRole('combobox', { name: 'Giấy tờ cần bổ sung' });
      await missing.fill('Giấy khám sức khỏe của người lái xe');
      await missing.press('Enter');
      await dialog.getByLabel('Lý do').fill('Bổ sung giấy khám sức khỏe còn hiệu lực');
      await expectAccessible(officer, 'the supplement dialog, filled in');
      await dialog.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
      await officer.locator('.dossier-header').getByText('Yêu cầu bổ sung').waitFor();

      await page
        .locator('.dossier-header')
        .getByText('Yêu cầu bổ sung')
        .waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: /Thông báo, \d+ chưa đọc/ }).click();
      const bell = page.getByRole('dialog', { name: 'Thông báo' });
      await bell.getByText(dossierCode).first().waitFor();
      await screenshot(page, '16-thong-bao', false);
      await expectAccessible(page, 'the bell');
      await page.keyboard.press('Escape');

      const panel = page.locator('.supplement-card');
      await panel
        .getByRole('listitem')
        .filter({ hasText: 'Giấy khám sức khỏe của người lái xe' })
        .waitFor();
      await panel.getByText('Bổ sung giấy khám sức khỏe còn hiệu lực').waitFor();
      const slot = panel.locator('section[data-component="giay-kham-suc-khoe"]');
      await slot.locator('input[type=file]').setInputFiles(pdf('giay-kham-suc-khoe'));
      await slot.getByText('giay-kham-suc-khoe.pdf', { exact: true }).waitFor();
      await panel
        .getByLabel('Ghi chú gửi cơ quan (không bắt buộc)')
        .fill('Đã bổ sung giấy khám sức khỏe');
      await screenshot(page, '17-bo-sung');
      await expectAccessible(page);
      await panel.getByRole('button', { name: 'Gửi bổ sung' }).click();
      await page.getByText('Đã gửi hồ sơ bổ sung').waitFor();
      await page.locator('.dossier-header').getByText('Đã tiếp nhận').waitFor();
    },
  );

  step(
    'officer starts and asks for the fee; the citizen pays with the simulator and sees the true state',
    async () => {
      await officer.reload();
      await act(officer, 'Bắt đầu xử lý');
      await officer.locator('.dossier-header').getByText('Đang xử lý').waitFor();
      await officer
        .locator('.action-bar')
        .getByRole('button', { name: 'Yêu cầu thanh toán' })
        .click();
      const dialog = officer.getByRole('dialog', { name: 'Yêu cầu thanh toán' });
      await dialog.getByLabel('Số tiền (VND)').fill('135000');
      await dialog.getByRole('button', { name: 'Yêu cầu thanh toán' }).click();
      await officer.locator('.dossier-header').getByText('Chờ thanh toán').waitFor();

      await page
        .locator('.dossier-header')
        .getByText('Chờ thanh toán')
        .waitFor({ timeout: 20_000 });
      await page.getByText(/Hồ sơ cần thanh toán phí, lệ phí: 135\.000/).waitFor();
      await page
        .getByRole('button', { name: 'Thanh toán', exact: true })
        .click({ timeout: 30_000 });
      const checkout = page.getByRole('dialog', { name: 'Thanh toán' });
      await checkout.getByText('Phương thức thanh toán').waitFor();
      const proceed = checkout.getByRole('button', { name: 'Tiếp tục thanh toán' });
      await checkout.getByRole('radio').first().check();
      expect(await proceed.isDisabled()).toBe(true);
      await checkout.getByLabel(/Tôi cam kết/).check();
      await screenshot(page, '18-thanh-toan', false);
      await expectAccessible(page, 'the checkout dialog');
      await proceed.click();

      // The provider's page (the simulator), then straight back to the portal's own result page.
      const portal = new URL(stack.url).origin;
      await page.waitForURL((url) => url.origin !== portal);
      await screenshot(page, '19-cong-thanh-toan', false);
      await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();
      await page.waitForURL(
        (url) => url.origin === portal && url.pathname === '/giao-dich/ket-qua',
      );
      await page.locator('.topbar').waitFor();
      await page
        .getByRole('heading', { name: 'Thanh toán thành công' })
        .waitFor({ timeout: 20_000 });
      await screenshot(page, '20-ket-qua-thanh-toan');
      await expectAccessible(page);
      const receipt = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tải biên lai' }).click();
      const file = await (await receipt).createReadStream();
      const head = await new Promise<string>((resolve) =>
        file.once('data', (c: Buffer) => resolve(c.subarray(0, 5).toString())),
      );
      expect(head).toBe('%PDF-');

      await page.getByRole('button', { name: 'Xem hồ sơ' }).click();
      await page.locator('.dossier-header').getByText('Đang xử lý').waitFor({ timeout: 20_000 });
    },
  );

  step(
    'officer completes with a result and returns it; the citizen downloads the result',
    async () => {
      await officer.reload();
      await officer.locator('.dossier-header').getByText('Đang xử lý').waitFor();
      const complete = officer.locator('.action-bar').getByRole('button', { name: 'Hoàn thành' });
      expect(await complete.isDisabled()).toBe(true);
      await officer
        .locator('.result-upload input[type=file]')
        .setInputFiles(pdf('giay-phep-lai-xe-moi'));
      await officer.getByRole('button', { name: 'giay-phep-lai-xe-moi.pdf' }).waitFor();
      await act(officer, 'Hoàn thành');
      await officer.locator('.dossier-header').getByText('Có kết quả').waitFor();
      expect(await officer.locator('.action-bar').getByRole('button').allInnerTexts()).toContain(
        'Trả kết quả',
      );
      await act(officer, 'Trả kết quả');
      await officer.locator('.dossier-header').getByText('Đã trả kết quả').waitFor();
      await officer.getByText('Hồ sơ đã kết thúc, không còn thao tác nào.').waitFor();
      await expectAccessible(officer);

      await page
        .locator('.dossier-header')
        .getByText('Đã trả kết quả')
        .waitFor({ timeout: 20_000 });
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Tải kết quả: giay-phep-lai-xe-moi.pdf' }).click();
      const result = await download;
      expect(result.suggestedFilename()).toBe('giay-phep-lai-xe-moi.pdf');
      const bytes = await streamBytes(await result.createReadStream());
      expect(bytes.equals(pdf('giay-phep-lai-xe-moi').buffer)).toBe(true);
      await page.getByRole('heading', { name: 'Quá trình xử lý' }).waitFor();
      await screenshot(page, '21-ho-so-co-ket-qua');
      await expectAccessible(page);

      const visitor = await (await newContext(browser, stack.url)).newPage();
      await visitor.goto('/');
      await lookUp(visitor, dossierCode, lookupKey);
      await visitor
        .getByRole('region', { name: 'Kết quả tra cứu hồ sơ' })
        .getByText('Đã trả kết quả')
        .first()
        .waitFor();
      await visitor.context().close();
    },
  );

  it('met no script error and no Content-Security-Policy violation on the way', () => {
    expect(problems.flat()).toEqual([]);
  });
});

/** Dates are typed as Vietnamese write them (dd/mm/yyyy). */
async function fillDate(page: Page, label: string, value: string): Promise<void> {
  await page.getByLabel(label).fill(value);
}

async function lookUp(page: Page, code: string, key: string): Promise<void> {
  const block = page.locator('#tra-cuu');
  await block.getByLabel('Mã hồ sơ').fill(code);
  await block.getByLabel('Mã tra cứu hoặc số định danh cá nhân').fill(key);
  await block.getByRole('button', { name: 'Tìm kiếm' }).click();
}

/** Clicks an action of the officer's bar and confirms its dialog. */
async function act(page: Page, name: string): Promise<void> {
  await page.locator('.action-bar').getByRole('button', { name }).click();
  await page.getByRole('dialog', { name }).getByRole('button', { name }).click();
  await page.getByRole('dialog', { name }).waitFor({ state: 'hidden' });
}

async function unreadCount(page: Page): Promise<number> {
  const label = await page
    .getByRole('button', { name: /Thông báo, \d+ chưa đọc/ })
    .getAttribute('aria-label');
  return Number(/(\d+)/.exec(label ?? '')?.[1] ?? 0);
}

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks);
}
