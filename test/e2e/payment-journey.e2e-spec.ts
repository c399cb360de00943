import { waitFor } from '@dvc/testing';
import { pdfText } from '../../apps/payment/test/pdf-text';
import { DEMO_PASSWORD, login, newCitizen } from './accounts';
import { api, files, uploader } from './http';
import { Stack, startStack } from './stack';
import { LICENCE_RENEWAL, licenceRenewalForm } from './licence-renewal';

const FEE = 135_000;

interface Payment {
  id: string;
  dossierId: string;
  dossierCode: string;
  amount: number;
  status: string;
  receiptNumber: string | null;
  receiptUrl: string | null;
}

interface ReturnView {
  signatureValid: boolean;
  providerResult: string | null;
  payment: { id: string; status: string } | null;
  message: string;
}

/**
 * "Giao dịch" through the gateway on the real Postgres, RabbitMQ and Redis: the officer asks
 * for a fee, the citizen sees it, confirms the commitment, pays on the provider's page (the
 * built-in simulator), the provider's IPN reaches the gateway, the dossier moves on and the
 * receipt downloads; what the citizen's browser brings back changes nothing.
 */
describe('payment journey (e2e)', () => {
  let stack: Stack;
  let call: ReturnType<typeof api>;
  let upload: ReturnType<typeof uploader>;
  let citizen: string;
  let officer: string;

  beforeAll(async () => {
    stack = await startStack();
    call = api(stack.url);
    upload = uploader(stack.url);
    citizen = await login(call, 'citizen@dvc.local', DEMO_PASSWORD);
    officer = await login(call, 'officer@dvc.local', DEMO_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  });

  /** A dossier of the citizen, submitted, received and being processed by the officer. */
  async function dossierInProcessing(): Promise<{ id: string; code: string }> {
    const draft = await call<{ id: string }>('POST', '/dossiers', {
      token: citizen,
      body: { procedureCode: LICENCE_RENEWAL },
    });
    expect(draft.status).toBe(201);
    const id = draft.body.id;
    await call('PATCH', `/dossiers/${id}`, {
      token: citizen,
      body: { formData: licenceRenewalForm },
    });
    for (const componentId of ['de-nghi-doi-gplx', 'ban-sao-gplx']) {
      const attached = await upload(
        `/dossiers/${id}/attachments`,
        { componentId },
        files.pdf(componentId),
        citizen,
      );
      expect(attached.status).toBe(201);
    }
    const submitted = await call<{ code: string }>('POST', `/dossiers/${id}/submit`, {
      token: citizen,
    });
    expect(submitted.status).toBe(200);
    for (const action of ['receive', 'start']) {
      const acted = await call('POST', `/officer/dossiers/${id}/actions/${action}`, {
        token: officer,
        body: {},
      });
      expect(acted.status).toBe(200);
    }
    return { id, code: submitted.body.code };
  }

  /** The provider's page behind a payment URL, and its form (what the buttons post). */
  async function providerPage(paymentUrl: string) {
    const page = await fetch(paymentUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    const payload = (/name="payload" value="([^"]*)"/.exec(html)?.[1] ?? '')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    return { html, action: new URL(action, paymentUrl), payload };
  }

  it('officer asks for a fee → citizen pays through the provider → dossier back to processing → receipt', async () => {
    const dossier = await dossierInProcessing();
    const asked = await call<{ status: string; paymentAmount: number }>(
      'POST',
      `/officer/dossiers/${dossier.id}/actions/request-payment`,
      { token: officer, body: { amount: FEE, note: 'Lệ phí đổi giấy phép lái xe' } },
    );
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({ status: 'PAYMENT_REQUIRED', paymentAmount: FEE });

    // Giao dịch: the fee is there, waiting.
    const payment = await waitFor(
      async () => {
        const mine = await call<{ items: Payment[] }>('GET', '/payments?status=created', {
          token: citizen,
        });
        return mine.body.items.find((p) => p.dossierId === dossier.id);
      },
      { what: 'the payment under /payments', timeoutMs: 15_000 },
    );
    expect(payment).toMatchObject({ dossierCode: dossier.code, amount: FEE, status: 'created' });
    const one = await call<Payment>('GET', `/payments/${payment.id}`, { token: citizen });
    expect(one.body.id).toBe(payment.id);
    const methods = await call<{ id: string; name: string }[]>('GET', '/payment-methods');
    expect(methods.body.map((m) => m.id)).toEqual(
      expect.arrayContaining(['vnpay-qr', 'domestic-card']),
    );

    // Someone else sees nothing of it.
    const stranger = await newCitizen(stack, call, 'Trần Văn Lạ');
    expect((await call('GET', `/payments/${payment.id}`, { token: stranger })).status).toBe(404);
    expect(
      (
        await call('POST', `/payments/${payment.id}/checkout`, {
          token: stranger,
          body: { method: 'vnpay-qr', commitment: true },
        })
      ).status,
    ).toBe(404);
    expect(
      (await call<{ items: Payment[] }>('GET', '/payments', { token: stranger })).body.items,
    ).toEqual([]);

    // "Tiếp tục thanh toán" without ticking the commitment.
    const uncommitted = await call<{ code: string }>('POST', `/payments/${payment.id}/checkout`, {
      token: citizen,
      body: { method: 'vnpay-qr' },
    });
    expect(uncommitted.status).toBe(400);
    expect(uncommitted.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(uncommitted.body.code).toBe('payment.commitment_required');
    const unknownMethod = await call('POST', `/payments/${payment.id}/checkout`, {
      token: citizen,
      body: { method: 'tien-mat', commitment: true },
    });
    expect(unknownMethod.status).toBe(400);

    const checkout = await call<{ paymentUrl: string; txnRef: string }>(
      'POST',
      `/payments/${payment.id}/checkout`,
      { token: citizen, body: { method: 'vnpay-qr', commitment: true } },
    );
    expect(checkout.status).toBe(200);
    const paymentUrl = new URL(checkout.body.paymentUrl);
    expect(paymentUrl.searchParams.get('vnp_Amount')).toBe(String(FEE * 100));
    expect(paymentUrl.searchParams.get('vnp_ReturnUrl')).toBe(
      `${stack.url}/api/v1/payments/vnpay/return`,
    );

    // A forged "success" brought back by a browser: shown as forged, nothing changes.
    const forged = new URLSearchParams({
      vnp_Amount: String(FEE * 100),
      vnp_ResponseCode: '00',
      vnp_TransactionStatus: '00',
      vnp_TransactionNo: '12345678',
      vnp_TxnRef: checkout.body.txnRef,
      vnp_TmnCode: paymentUrl.searchParams.get('vnp_TmnCode')!,
      vnp_PayDate: '20261126120000',
      vnp_SecureHash: 'ab'.repeat(64),
    });
    const forgedReturn = await call<ReturnView>('GET', `/payments/vnpay/return?${forged}`);
    expect(forgedReturn.status).toBe(200);
    expect(forgedReturn.body).toMatchObject({ signatureValid: false, payment: null });
    const forgedIpn = await call<{ RspCode: string }>('GET', `/payments/vnpay/ipn?${forged}`);
    expect(forgedIpn.status).toBe(200);
    expect(forgedIpn.body).toEqual({ RspCode: '97', Message: 'Invalid signature' });
    expect(
      (await call<Payment>('GET', `/payments/${payment.id}`, { token: citizen })).body.status,
    ).toBe('started');
    expect(
      (await call<{ status: string }>('GET', `/dossiers/${dossier.id}`, { token: citizen })).body
        .status,
    ).toBe('PAYMENT_REQUIRED');

    // On the provider's page: the amount and the order, then "Thanh toán".
    const page = await providerPage(checkout.body.paymentUrl);
    expect(page.html).toContain('135.000 VND');
    expect(page.html).toContain(dossier.code);
    const paid = await fetch(page.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ payload: page.payload, action: 'pay' }).toString(),
      redirect: 'manual',
    });
    expect(paid.status).toBe(302);
    const back = new URL(paid.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(`${stack.url}/api/v1/payments/vnpay/return`);

    // The browser lands on the return page: it shows what the database says.
    const shown = await call<ReturnView>('GET', `/payments/vnpay/return${back.search}`);
    expect(shown.body).toMatchObject({
      signatureValid: true,
      providerResult: 'success',
      payment: { id: payment.id, status: 'success' },
    });
    const html = await fetch(back, { headers: { accept: 'text/html' } });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toContain('Thanh toán thành công');
    // The provider's IPN already reached the gateway; the same one again changes nothing.
    const replay = await call<{ RspCode: string }>('GET', `/payments/vnpay/ipn${back.search}`);
    expect(replay.body).toEqual({ RspCode: '02', Message: 'Order already confirmed' });

    // payment.succeeded moves the dossier on: 6 → 4.
    const processing = await waitFor(
      async () => {
        const d = await call<{
          status: string;
          history: { from: string; to: string; note: string | null }[];
        }>('GET', `/dossiers/${dossier.id}`, { token: citizen });
        return d.body.status === 'PROCESSING' && d.body;
      },
      { what: 'the dossier back in PROCESSING', timeoutMs: 15_000 },
    );
    expect(processing.history.at(-1)).toMatchObject({
      from: 'PAYMENT_REQUIRED',
      to: 'PROCESSING',
    });

    const settled = await call<Payment>('GET', `/payments/${payment.id}`, { token: citizen });
    expect(settled.body).toMatchObject({
      status: 'success',
      receiptNumber: expect.stringMatching(/^BL\d{4}-\d{7}$/),
      receiptUrl: `/api/v1/payments/${payment.id}/receipt`,
    });
    const again = await call<{ code: string }>('POST', `/payments/${payment.id}/checkout`, {
      token: citizen,
      body: { method: 'vnpay-qr', commitment: true },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('payment.already_paid');

    // Biên lai: the owner's PDF, with the dossier code and the amount.
    const receipt = await fetch(`${stack.url}${settled.body.receiptUrl}`, {
      headers: { authorization: `Bearer ${citizen}` },
    });
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toBe('application/pdf');
    expect(receipt.headers.get('content-disposition')).toMatch(/^attachment/);
    const pdf = Buffer.from(await receipt.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(dossier.code);
    expect(text).toContain('135.000 đồng');
    expect(text).toContain('Một trăm ba mươi lăm nghìn đồng');
    // Signed by the agency, with its QR code: verifiable by the file and by its code.
    expect(pdf.includes('/ByteRange')).toBe(true);
    const byFile = await upload<{ documentType: string; valid: boolean; verificationCode: string }>(
      '/public/verify',
      {},
      { name: 'bien-lai.pdf', bytes: pdf },
      '',
    );
    expect(byFile.status).toBe(200);
    expect(byFile.body).toMatchObject({ documentType: 'payment-receipt', valid: true });
    expect(pdf.toString('latin1')).toContain(`/xac-thuc/${byFile.body.verificationCode}`);
    const byCode = await call<{ valid: boolean; dossierCode: string }>(
      'GET',
      `/public/verify/${byFile.body.verificationCode}`,
    );
    expect(byCode.body).toMatchObject({ valid: true, dossierCode: dossier.code });
    // The timeline says the amount as people write it, never a transaction id.
    expect(processing.history.at(-1)).toMatchObject({
      note: expect.stringMatching(/^Đã thanh toán 135\.000 ₫ — biên lai BL\d{4}-\d{7}$/),
    });
    const notTheirs = await fetch(`${stack.url}${settled.body.receiptUrl}`, {
      headers: { authorization: `Bearer ${stranger}` },
    });
    expect(notTheirs.status).toBe(404);
  });
});
