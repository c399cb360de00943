import { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import amqplib from 'amqplib';
import type { Queue } from 'bull';
import { randomUUID } from 'node:crypto';
import { Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Caller,
  CheckoutView,
  DomainError,
  DossierPaymentRequiredEvent,
  EVENTS_EXCHANGE,
  EventEnvelope,
  Events,
  IdentityRpc,
  IpnAnswer,
  Page,
  PaymentHttp,
  PaymentMethodView,
  PaymentReturnView,
  PaymentRpc,
  PaymentView,
  ProblemShape,
  ReceiptAuthorizationView,
  RpcQueues,
} from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import { INTERNAL_TOKEN_HEADER } from '@dvc/http';
import type { RpcClient } from '@dvc/messaging';
import { FakeRpcService, ServiceUnderTest, isolatedService, waitFor } from '@dvc/testing';
import { pdfText } from '../test/pdf-text';
import { migratePayment, startPayment } from './app';
import { PaymentConfig } from './payment.config';
import { formatVnpDate } from './provider/vnpay/vnpay-dates';
import { parseQueryString, sign, toQueryString, verify } from './provider/vnpay/vnpay-signature';
import { RECONCILE_JOB, RECONCILE_QUEUE } from './reconciliation/reconciliation.processor';
import { ReconciliationService } from './reconciliation/reconciliation.service';

jest.setTimeout(60_000);

const AGENCY = '000.00.01.H26';
const citizen: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };
const stranger: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };
const NAMES: Record<string, string> = {
  [citizen.accountId]: 'Nguyễn Thị Bình',
  [stranger.accountId]: 'Trần Văn Lạ',
};

/**
 * The payment service in-process against the real Postgres (own schema), RabbitMQ (own
 * vhost) and Redis (own prefix), driven through its RPC queue and its HTTP server. The
 * built-in simulator is the provider; a small HTTP server stands in for the gateway's IPN
 * route (it relays the query over RPC, as the gateway does) and can be taken down.
 */
describe('payment service', () => {
  let sut: ServiceUnderTest;
  let config: PaymentConfig;
  let app: INestApplication;
  let base: string;
  let client: RpcClient;
  let identity: FakeRpcService;
  let amqp: amqplib.ChannelModel;
  let events: amqplib.Channel;
  let ipnGateway: Server;
  let ipnDown = false;

  beforeAll(async () => {
    sut = await isolatedService('payment');
    identity = (await FakeRpcService.start(sut.amqpUrl, RpcQueues.identity)).on(
      IdentityRpc.getProfile,
      (req) => ({
        response: { id: req.caller!.accountId, fullName: NAMES[req.caller!.accountId] },
      }),
    );
    client = await sut.rpcClient('payment', RpcQueues.payment, 30_000);
    ipnGateway = createServer((req, res) => {
      if (ipnDown) {
        res.writeHead(503).end();
        return;
      }
      const rawQuery = (req.url ?? '').split('?')[1] ?? '';
      client
        .send<IpnAnswer>(PaymentRpc.ipn, { caller: null, correlationId: null, data: { rawQuery } })
        .catch(() => ({ RspCode: '99', Message: 'Unknown error' }))
        .then((answer) =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
        );
    });
    await new Promise<void>((resolve) => ipnGateway.listen(0, '127.0.0.1', resolve));
    const ipnPort = (ipnGateway.address() as AddressInfo).port;

    config = loadConfig(PaymentConfig, {
      ...sut.env,
      RPC_TIMEOUT_MS: '15000',
      PAYMENT_IPN_URL: `http://127.0.0.1:${ipnPort}/api/v1/payments/vnpay/ipn`,
      PAYMENT_RETURN_URL: 'http://portal.test/api/v1/payments/vnpay/return',
      RECONCILE_INTERVAL_MINUTES: '60',
    });
    await migratePayment(config);
    app = await startPayment(config);
    base = sut.urlOf(app);
    amqp = await amqplib.connect(sut.amqpUrl);
    events = await amqp.createChannel();
    await events.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  }, 120_000);

  afterAll(
    () =>
      sut?.cleanup(
        app,
        identity,
        amqp,
        () => ipnGateway && new Promise((done) => ipnGateway.close(done)),
      ),
    60_000,
  );

  // ---- helpers -------------------------------------------------------------------------

  function rpc<T>(pattern: string, data: unknown, caller: Caller | null = citizen): Promise<T> {
    return client.send<T>(pattern, {
      caller,
      correlationId: randomUUID(),
      ip: '203.0.113.7',
      data,
    });
  }

  async function problemOf(call: Promise<unknown>): Promise<ProblemShape> {
    const outcome = await call.then(
      () => new Error('expected the call to fail'),
      (err: unknown) => err,
    );
    if (outcome instanceof DomainError) return outcome.toProblem();
    throw outcome;
  }

  /** The dossier service's `dossier.payment_required`, as it publishes it. */
  function paymentRequired(
    overrides: Partial<DossierPaymentRequiredEvent> = {},
  ): DossierPaymentRequiredEvent {
    const code = `${AGENCY}-261126-${String(Math.floor(Math.random() * 9000) + 1000)}`;
    return {
      dossierId: randomUUID(),
      code,
      procedureCode: '3.000347',
      procedureName: 'Đổi giấy phép lái xe do ngành Công an cấp',
      agencyCode: AGENCY,
      applicantId: citizen.accountId,
      status: 'PAYMENT_REQUIRED',
      statusCode: 6,
      at: new Date().toISOString(),
      amount: 135_000,
      description: `Lệ phí hồ sơ ${code} — Đổi giấy phép lái xe`,
      atSubmission: false,
      ...overrides,
    };
  }

  function publish(type: string, data: unknown, id: string = randomUUID()): EventEnvelope {
    const envelope: EventEnvelope = {
      id,
      type,
      occurredAt: new Date().toISOString(),
      version: 1,
      correlationId: null,
      data,
    };
    events.publish(EVENTS_EXCHANGE, type, Buffer.from(JSON.stringify(envelope)), {
      messageId: id,
      persistent: true,
    });
    return envelope;
  }

  async function paymentsOfDossier(dossierId: string, who = citizen): Promise<PaymentView[]> {
    const page = await rpc<Page<PaymentView>>(PaymentRpc.list, { pageSize: 100 }, who);
    return page.items.filter((p) => p.dossierId === dossierId);
  }

  /** A payment waiting for the citizen, from a dossier's request. */
  async function openPayment(
    overrides: Partial<DossierPaymentRequiredEvent> = {},
  ): Promise<PaymentView> {
    const request = paymentRequired(overrides);
    publish(Events.dossierPaymentRequired, request);
    return waitFor(async () => (await paymentsOfDossier(request.dossierId))[0], {
      what: `the payment of ${request.code}`,
    });
  }

  const checkout = (paymentId: string, who = citizen, method = 'vnpay-qr') =>
    rpc<CheckoutView>(PaymentRpc.checkout, { paymentId, method, commitment: true }, who);

  const get = (paymentId: string, who = citizen) =>
    rpc<PaymentView>(PaymentRpc.get, { paymentId }, who);

  const ipn = (rawQuery: string) => rpc<IpnAnswer>(PaymentRpc.ipn, { rawQuery }, null);

  async function outbox<T = Record<string, unknown>>(
    type: string,
    paymentId?: string,
  ): Promise<T[]> {
    const rows: { envelope: EventEnvelope<T & { paymentId: string }> }[] = await sut.db.query(
      `SELECT envelope FROM "${sut.schema}".outbox WHERE type = $1 ORDER BY id`,
      [type],
    );
    return rows
      .map((r) => r.envelope.data)
      .filter((d) => paymentId === undefined || d.paymentId === paymentId);
  }

  async function callbacks(txnRef: string): Promise<{ rsp_code: string; outcome: string }[]> {
    return sut.db.query(
      `SELECT rsp_code, outcome, raw_query, signature_valid FROM "${sut.schema}".provider_callbacks
        WHERE txn_ref = $1 ORDER BY id`,
      [txnRef],
    );
  }

  /** An IPN exactly as the provider would send it for this checkout (or with changes). */
  function providerIpn(
    view: CheckoutView,
    amount: number,
    overrides: Record<string, string> = {},
    secret = config.VNPAY_HASH_SECRET,
  ): string {
    return toQueryString(
      sign(
        {
          vnp_Amount: String(amount * 100),
          vnp_BankCode: 'NCB',
          vnp_BankTranNo: 'VNP99000001',
          vnp_CardType: 'ATM',
          vnp_OrderInfo: 'Thanh toan le phi ho so',
          vnp_PayDate: formatVnpDate(new Date()),
          vnp_ResponseCode: '00',
          vnp_TmnCode: config.VNPAY_TMN_CODE,
          vnp_TransactionNo: '99000001',
          vnp_TransactionStatus: '00',
          vnp_TxnRef: view.txnRef,
          ...overrides,
        },
        secret,
      ),
    );
  }

  /** What the simulator's page shows, and its form (action and hidden payload). */
  async function simulatorPage(
    paymentUrl: string,
  ): Promise<{ html: string; action: string; payload: string }> {
    const page = await fetch(paymentUrl);
    const html = await page.text();
    expect(page.status).toBe(200);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    const payload = (/name="payload" value="([^"]*)"/.exec(html)?.[1] ?? '')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    return { html, action, payload };
  }

  /** Presses a button of the simulator's page, as the browser's form post does. */
  async function press(paymentUrl: string, button: 'pay' | 'cancel'): Promise<Response> {
    const { action, payload } = await simulatorPage(paymentUrl);
    return fetch(new URL(action, paymentUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ payload, action: button }).toString(),
      redirect: 'manual',
    });
  }

  // ---- from the dossier's request to the receipt --------------------------------------

  it('answers ping and lists the payment methods', async () => {
    expect(await rpc(PaymentRpc.ping, {}, null)).toEqual({ ok: true });
    const methods = await rpc<PaymentMethodView[]>(PaymentRpc.listMethods, {}, null);
    expect(methods.map((m) => m.id)).toEqual(['vnpay-qr', 'domestic-card', 'international-card']);
    expect(methods[0].name).toContain('VNPAY QR');
  });

  it('schedules the reconciliation as a repeatable job', async () => {
    const queue = app.get<Queue>(getQueueToken(RECONCILE_QUEUE));
    const jobs = await waitFor(async () => {
      const repeatable = await queue.getRepeatableJobs();
      return repeatable.length > 0 && repeatable;
    });
    expect(jobs).toEqual([expect.objectContaining({ name: RECONCILE_JOB, every: 3_600_000 })]);
  });

  it('creates one payment per dossier request, even when the event comes again', async () => {
    const request = paymentRequired();
    const first = publish(Events.dossierPaymentRequired, request);
    publish(Events.dossierPaymentRequired, request, first.id); // redelivered
    publish(Events.dossierPaymentRequired, request); // republished under a new id
    await waitFor(
      async () => {
        const [{ n }] = await sut.db.query(
          `SELECT count(*)::int AS n FROM "${sut.schema}".inbox WHERE consumer = 'payment.events'
             AND type = $1`,
          [Events.dossierPaymentRequired],
        );
        return n >= 2;
      },
      { what: 'both messages processed' },
    );
    const payments = await paymentsOfDossier(request.dossierId);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      dossierCode: request.code,
      procedureName: request.procedureName,
      agencyCode: AGENCY,
      amount: 135_000,
      description: request.description,
      status: 'created',
      expiresAt: null,
      receiptNumber: null,
      retryOf: null,
    });
    const created = await outbox(Events.paymentCreated, payments[0].id);
    expect(created).toEqual([
      expect.objectContaining({
        applicantId: citizen.accountId,
        dossierCode: request.code,
        amount: 135_000,
      }),
    ]);
    // Filtered by status; nobody else sees it.
    const open = await rpc<Page<PaymentView>>(PaymentRpc.list, { status: 'created' });
    expect(open.items.map((p) => p.id)).toContain(payments[0].id);
    const paid = await rpc<Page<PaymentView>>(PaymentRpc.list, { status: 'success' });
    expect(paid.items.map((p) => p.id)).not.toContain(payments[0].id);
    expect(await paymentsOfDossier(request.dossierId, stranger)).toEqual([]);
    expect((await problemOf(get(payments[0].id, stranger))).status).toBe(404);
  });

  it('refuses a checkout without the commitment, of someone else, or with an unknown method', async () => {
    const payment = await openPayment();
    const without = await problemOf(
      rpc(PaymentRpc.checkout, { paymentId: payment.id, method: 'vnpay-qr' }),
    );
    expect(without).toMatchObject({ status: 400, code: 'payment.commitment_required' });
    const refused = await problemOf(
      rpc(PaymentRpc.checkout, { paymentId: payment.id, method: 'vnpay-qr', commitment: false }),
    );
    expect(refused.code).toBe('payment.commitment_required');
    expect((await problemOf(checkout(payment.id, stranger))).status).toBe(404);
    expect((await problemOf(checkout(payment.id, citizen, 'tien-mat'))).status).toBe(400);
    expect((await problemOf(checkout(randomUUID()))).status).toBe(404);
    expect((await problemOf(rpc(PaymentRpc.checkout, { paymentId: 'x' }, null))).status).toBe(400);
    expect((await get(payment.id)).status).toBe('created');
  });

  describe('paid through the simulator', () => {
    let payment: PaymentView;
    let view: CheckoutView;
    let returnLocation: URL;

    it('checks out: a signed URL of the provider page, a fresh TxnRef each time', async () => {
      payment = await openPayment();
      const first = await checkout(payment.id, citizen, 'domestic-card');
      view = await checkout(payment.id);
      expect(view.txnRef).not.toBe(first.txnRef);
      expect(view.expiresAt).toBe(first.expiresAt); // one window for the payment
      const url = new URL(view.paymentUrl);
      expect(`${url.origin}${url.pathname}`).toBe(`${base}/simulator/vpcpay.html`);
      const { params } = parseQueryString(url.search);
      expect(params).toMatchObject({
        vnp_Amount: '13500000',
        vnp_TxnRef: view.txnRef,
        vnp_BankCode: 'VNPAYQR',
        vnp_IpAddr: '203.0.113.7',
        vnp_ReturnUrl: 'http://portal.test/api/v1/payments/vnpay/return',
      });
      expect(verify(params, config.VNPAY_HASH_SECRET)).toBe(true);
      const started = await get(payment.id);
      expect(started).toMatchObject({ status: 'started', method: 'vnpay-qr' });
      expect(Date.parse(started.expiresAt!) - Date.parse(started.startedAt!)).toBe(90 * 60_000);
    });

    it('shows the merchant, the amount and the order on the simulator page', async () => {
      const { html, payload } = await simulatorPage(view.paymentUrl);
      expect(html).toContain('Cổng Dịch vụ công');
      expect(html).toContain('135.000 VND');
      expect(html).toContain(payment.dossierCode);
      expect(html).toMatch(/>Thanh toán</);
      expect(html).toMatch(/>Hủy</);
      expect(payload).toBe(new URL(view.paymentUrl).search.slice(1));
      const forged = await fetch(view.paymentUrl.replace('vnp_Amount=13500000', 'vnp_Amount=100'));
      expect(forged.status).toBe(400);
      expect(await forged.text()).toContain('Sai chữ ký');
    });

    it('pays: IPN from the simulator → success, receipt number, payment.succeeded; then the return redirect', async () => {
      const pressed = await press(view.paymentUrl, 'pay');
      expect(pressed.status).toBe(302);
      returnLocation = new URL(pressed.headers.get('location')!);
      expect(`${returnLocation.origin}${returnLocation.pathname}`).toBe(
        'http://portal.test/api/v1/payments/vnpay/return',
      );
      const { params } = parseQueryString(returnLocation.search);
      expect(params).toMatchObject({
        vnp_ResponseCode: '00',
        vnp_TransactionStatus: '00',
        vnp_TxnRef: view.txnRef,
        vnp_Amount: '13500000',
      });
      expect(verify(params, config.VNPAY_HASH_SECRET)).toBe(true);

      // The IPN went through before the browser was sent back.
      const paid = await get(payment.id);
      expect(paid).toMatchObject({
        status: 'success',
        transactionNo: params.vnp_TransactionNo,
        receiptNumber: expect.stringMatching(/^BL\d{4}-\d{7}$/),
        receiptUrl: `/api/v1/payments/${payment.id}/receipt`,
      });
      expect(await callbacks(view.txnRef)).toEqual([
        expect.objectContaining({ rsp_code: '00', outcome: 'settled', signature_valid: true }),
      ]);
      expect(await outbox(Events.paymentSucceeded, payment.id)).toEqual([
        {
          paymentId: payment.id,
          dossierId: payment.dossierId,
          dossierCode: payment.dossierCode,
          applicantId: citizen.accountId,
          agencyCode: AGENCY,
          procedureName: payment.procedureName,
          amount: 135_000,
          receiptNumber: paid.receiptNumber,
          transactionNo: params.vnp_TransactionNo,
          paidAt: paid.paidAt,
        },
      ]);
    });

    it('shows the true state on the return, and a forged return changes nothing', async () => {
      const shown = await rpc<PaymentReturnView>(
        PaymentRpc.returnView,
        { rawQuery: returnLocation.search.slice(1) },
        null,
      );
      expect(shown).toMatchObject({
        signatureValid: true,
        providerResult: 'success',
        payment: { id: payment.id, status: 'success' },
      });
      // A "success" redirect for an unpaid payment, with a hash made up by the sender.
      const other = await openPayment();
      const otherView = await checkout(other.id);
      const forged = providerIpn(otherView, 135_000, {}, 'not-the-merchant-secret-0000');
      const answer = await rpc<PaymentReturnView>(
        PaymentRpc.returnView,
        { rawQuery: forged },
        null,
      );
      expect(answer).toMatchObject({ signatureValid: false, payment: null });
      expect((await get(other.id)).status).toBe('started');
      expect(await callbacks(otherView.txnRef)).toEqual([]);
    });

    it('answers 02 to the same IPN replayed, and changes nothing', async () => {
      const replay = returnLocation.search.slice(1); // the same signed parameters
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await ipn(replay));
      expect(answers).toEqual(Array(5).fill({ RspCode: '02', Message: 'Order already confirmed' }));
      expect(await outbox(Events.paymentSucceeded, payment.id)).toHaveLength(1);
      expect((await get(payment.id)).status).toBe('success');
      expect((await callbacks(view.txnRef)).map((c) => c.rsp_code)).toEqual([
        '00',
        '02',
        '02',
        '02',
        '02',
        '02',
      ]);
    });

    it('refuses to check out a paid payment (409) and the simulator a second payment', async () => {
      expect(await problemOf(checkout(payment.id))).toMatchObject({
        status: 409,
        code: 'payment.already_paid',
        currentStatus: 'success',
      });
      const again = await fetch(view.paymentUrl);
      expect(again.status).toBe(400);
    });

    it('streams the receipt PDF to the owner only, with the code, the amount and the payer', async () => {
      expect(
        (await problemOf(rpc(PaymentRpc.authorizeReceipt, { paymentId: payment.id }, stranger)))
          .status,
      ).toBe(404);
      const allowed = await rpc<ReceiptAuthorizationView>(PaymentRpc.authorizeReceipt, {
        paymentId: payment.id,
      });
      expect(allowed.paymentId).toBe(payment.id);
      const url = `${base}${PaymentHttp.receipt(payment.id)}`;
      expect((await fetch(url)).status).toBe(401);
      const response = await fetch(url, {
        headers: { [INTERNAL_TOKEN_HEADER]: config.INTERNAL_TOKEN },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain(
        `bien-lai-${allowed.receiptNumber}.pdf`,
      );
      const pdf = Buffer.from(await response.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = pdfText(pdf);
      expect(text).toContain(payment.dossierCode);
      expect(text).toContain('135.000 đồng');
      expect(text).toContain('Một trăm ba mươi lăm nghìn đồng');
      expect(text).toContain('Nguyễn Thị Bình');
      expect(text).toContain(allowed.receiptNumber);
      const unpaid = await openPayment();
      expect(
        (await problemOf(rpc(PaymentRpc.authorizeReceipt, { paymentId: unpaid.id }))).code,
      ).toBe('receipt.not_found');
      expect(
        (
          await fetch(`${base}${PaymentHttp.receipt(unpaid.id)}`, {
            headers: { [INTERNAL_TOKEN_HEADER]: config.INTERNAL_TOKEN },
          })
        ).status,
      ).toBe(404);
    });
  });

  describe('IPN protocol', () => {
    let payment: PaymentView;
    let view: CheckoutView;

    beforeAll(async () => {
      payment = await openPayment();
      view = await checkout(payment.id);
    });

    it('answers 97 to a forged or missing signature, and records it', async () => {
      expect(await ipn(providerIpn(view, 135_000, {}, 'not-the-merchant-secret-0000'))).toEqual({
        RspCode: '97',
        Message: 'Invalid signature',
      });
      const unsigned = providerIpn(view, 135_000).replace(/&vnp_SecureHash=[0-9a-f]+$/, '');
      expect((await ipn(unsigned)).RspCode).toBe('97');
      expect((await ipn('')).RspCode).toBe('97');
      expect((await rpc<IpnAnswer>(PaymentRpc.ipn, {}, null)).RspCode).toBe('97');
      expect((await get(payment.id)).status).toBe('started');
      const recorded = await callbacks(view.txnRef);
      expect(recorded.map((c) => [c.rsp_code, c.outcome])).toEqual([
        ['97', 'bad_signature'],
        ['97', 'bad_signature'],
      ]);
    });

    it('answers 99 to signed parameters that are missing or malformed, 01 to an unknown TxnRef', async () => {
      expect((await ipn(providerIpn(view, 135_000, { vnp_ResponseCode: '' }))).RspCode).toBe('99');
      expect((await ipn(providerIpn(view, 135_000, { vnp_PayDate: '2026' }))).RspCode).toBe('99');
      expect(await ipn(providerIpn({ ...view, txnRef: 'DVC000000UNKNOWN00' }, 135_000))).toEqual({
        RspCode: '01',
        Message: 'Order not found',
      });
      expect((await get(payment.id)).status).toBe('started');
    });

    it('answers 99 to a pay date before the checkout or in the future, and changes nothing', async () => {
      const past = providerIpn(view, 135_000, { vnp_PayDate: '20200101120000' });
      const future = providerIpn(view, 135_000, {
        vnp_PayDate: formatVnpDate(new Date(Date.now() + 3_600_000)),
      });
      expect((await ipn(past)).RspCode).toBe('99');
      expect((await ipn(future)).RspCode).toBe('99');
      expect((await get(payment.id)).status).toBe('started');
      expect(await outbox(Events.paymentSucceeded, payment.id)).toEqual([]);
    });

    it('answers 04 to another amount and puts the payment in error for a person', async () => {
      const answer = await ipn(providerIpn(view, 1_350));
      expect(answer).toEqual({ RspCode: '04', Message: 'Invalid amount' });
      const errored = await get(payment.id);
      expect(errored).toMatchObject({ status: 'error', nextPaymentId: null });
      const [attempt] = await sut.db.query(
        `SELECT status, note FROM "${sut.schema}".attempts WHERE txn_ref = $1`,
        [view.txnRef],
      );
      expect(attempt).toEqual({
        status: 'disputed',
        note: expect.stringContaining('amount_mismatch'),
      });
      expect(await outbox(Events.paymentFailed, payment.id)).toEqual([
        expect.objectContaining({
          status: 'error',
          reason: expect.stringContaining('amount_mismatch'),
        }),
      ]);
      // A replay of the genuine amount now: the attempt is settled, nothing changes.
      expect((await ipn(providerIpn(view, 135_000))).RspCode).toBe('02');
      expect((await get(payment.id)).status).toBe('error');
      expect(await outbox(Events.paymentSucceeded, payment.id)).toEqual([]);
    });

    it('settles once when 10 duplicate IPNs arrive together', async () => {
      const concurrent = await openPayment();
      const concurrentView = await checkout(concurrent.id);
      const query = providerIpn(concurrentView, 135_000);
      const answers = await Promise.all(Array.from({ length: 10 }, () => ipn(query)));
      const codes = answers.map((a) => a.RspCode).sort();
      expect(codes).toEqual(['00', ...Array(9).fill('02')]);
      expect((await get(concurrent.id)).status).toBe('success');
      expect(await outbox(Events.paymentSucceeded, concurrent.id)).toHaveLength(1);
      const [{ n }] = await sut.db.query(
        `SELECT count(*)::int AS n FROM "${sut.schema}".receipts WHERE payment_id = $1`,
        [concurrent.id],
      );
      expect(n).toBe(1);
    });
  });

  it('cancelled at the simulator: cancelled, payment.failed, and a new payment to try again', async () => {
    const payment = await openPayment();
    const view = await checkout(payment.id);
    const pressed = await press(view.paymentUrl, 'cancel');
    expect(pressed.status).toBe(302);
    const { params } = parseQueryString(new URL(pressed.headers.get('location')!).search);
    expect(params.vnp_ResponseCode).toBe('24');
    const cancelled = await get(payment.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', nextPaymentId: expect.any(String) });
    expect(await outbox(Events.paymentFailed, payment.id)).toEqual([
      expect.objectContaining({
        status: 'cancelled',
        reason: '24',
        nextPaymentId: cancelled.nextPaymentId,
      }),
    ]);
    const retry = await get(cancelled.nextPaymentId!);
    expect(retry).toMatchObject({ status: 'created', retryOf: payment.id, amount: 135_000 });
    expect(await outbox(Events.paymentCreated, retry.id)).toEqual([
      expect.objectContaining({ retryOf: payment.id }),
    ]);
    expect(await problemOf(checkout(payment.id))).toMatchObject({
      status: 409,
      code: 'payment.not_payable',
      nextPaymentId: retry.id,
    });
    expect((await checkout(retry.id)).paymentUrl).toContain('vnp_TxnRef=');
  });

  describe('the reconciliation job', () => {
    const reconcile = (now: Date) => app.get(ReconciliationService).run(now);

    it('finds a payment whose IPN never reached us, by asking the provider', async () => {
      const payment = await openPayment();
      const view = await checkout(payment.id);
      ipnDown = true;
      try {
        const pressed = await press(view.paymentUrl, 'pay');
        expect(pressed.status).toBe(302);
      } finally {
        ipnDown = false;
      }
      expect((await get(payment.id)).status).toBe('started');
      expect(await callbacks(view.txnRef)).toEqual([]);

      const report = await reconcile(new Date(Date.now() + 20 * 60_000));
      expect(report.succeeded).toBeGreaterThanOrEqual(1);
      const paid = await get(payment.id);
      expect(paid).toMatchObject({ status: 'success', receiptNumber: expect.any(String) });
      expect(await outbox(Events.paymentSucceeded, payment.id)).toHaveLength(1);
      const [attempt] = await sut.db.query(
        `SELECT settled_by FROM "${sut.schema}".attempts WHERE txn_ref = $1`,
        [view.txnRef],
      );
      expect(attempt.settled_by).toBe('reconciliation');
      const [run] = await sut.db.query(
        `SELECT finished_at, succeeded FROM "${sut.schema}".reconciliation_runs WHERE id = $1`,
        [report.runId],
      );
      expect(run.finished_at).not.toBeNull();
      expect(run.succeeded).toBe(report.succeeded);
    });

    it('expires a payment nobody paid in its window: payment.expired and a new payment', async () => {
      const payment = await openPayment();
      const view = await checkout(payment.id);
      await simulatorPage(view.paymentUrl); // seen at the provider, never paid

      // Within the window it stays (the provider says: not finished yet).
      await reconcile(new Date(Date.now() + 30 * 60_000));
      expect((await get(payment.id)).status).toBe('started');

      const report = await reconcile(new Date(Date.now() + 91 * 60_000));
      expect(report.expired).toBeGreaterThanOrEqual(1);
      const expired = await get(payment.id);
      expect(expired).toMatchObject({ status: 'expired', nextPaymentId: expect.any(String) });
      expect(await outbox(Events.paymentExpired, payment.id)).toEqual([
        expect.objectContaining({
          applicantId: citizen.accountId,
          dossierCode: payment.dossierCode,
          nextPaymentId: expired.nextPaymentId,
        }),
      ]);
      expect((await get(expired.nextPaymentId!)).status).toBe('created');
      expect(await problemOf(checkout(payment.id))).toMatchObject({
        status: 409,
        code: 'payment.expired',
      });
      // A late IPN for the expired attempt is answered and kept for refund, the payment stays expired.
      expect((await ipn(providerIpn(view, 135_000))).RspCode).toBe('02');
      expect((await get(payment.id)).status).toBe('expired');
      const [attempt] = await sut.db.query(
        `SELECT status, note FROM "${sut.schema}".attempts WHERE txn_ref = $1`,
        [view.txnRef],
      );
      expect(attempt).toEqual({ status: 'disputed', note: 'paid while the payment was expired' });
    });
  });

  it('ends the open payment of a dossier that no longer waits for its fee', async () => {
    const payment = await openPayment();
    publish(Events.dossierStatusChanged, {
      dossierId: payment.dossierId,
      code: payment.dossierCode,
      from: 'PAYMENT_REQUIRED',
      status: 'WITHDRAWAL_REQUESTED',
      action: 'withdraw',
    });
    await waitFor(async () => (await get(payment.id)).status === 'cancelled', {
      what: 'the payment cancelled',
    });
    expect(await outbox(Events.paymentFailed, payment.id)).toEqual([
      expect.objectContaining({
        status: 'cancelled',
        reason: 'dossier_changed',
        nextPaymentId: null,
      }),
    ]);
  });

  it('a newer request of the dossier replaces its open payment; an older one arriving late is ignored', async () => {
    const first = paymentRequired({ at: new Date(Date.now() - 60_000).toISOString() });
    const older = await openPayment(first);
    const newer = paymentRequired({
      dossierId: first.dossierId,
      code: first.code,
      amount: 200_000,
      at: new Date().toISOString(),
    });
    publish(Events.dossierPaymentRequired, newer);
    const replaced = await waitFor(
      async () => {
        const all = await paymentsOfDossier(first.dossierId);
        return all.length === 2 && all;
      },
      { what: 'the payment of the newer request' },
    );
    expect(replaced.find((p) => p.id === older.id)).toMatchObject({ status: 'cancelled' });
    expect(replaced.find((p) => p.id !== older.id)).toMatchObject({
      status: 'created',
      amount: 200_000,
    });
    expect(await outbox(Events.paymentFailed, older.id)).toEqual([
      expect.objectContaining({ status: 'cancelled', reason: 'superseded' }),
    ]);
    // The first request again, as a late retry would bring it under a new message id.
    const late = publish(Events.dossierPaymentRequired, {
      ...first,
      at: new Date(Date.now() - 30_000).toISOString(),
    });
    await waitFor(
      async () =>
        (await sut.db.query(`SELECT 1 FROM "${sut.schema}".inbox WHERE message_id = $1`, [late.id]))
          .length === 1,
      { what: 'the late request processed' },
    );
    expect(await paymentsOfDossier(first.dossierId)).toHaveLength(2);
  });

  it('counts IPN answers and manual resolutions in /metrics', async () => {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/payment_ipn_answers_total\{rsp_code="00",outcome="settled"\} [1-9]/);
    expect(metrics).toMatch(/payment_manual_resolution_total\{kind="payment_error"\} [1-9]/);
  });

  it('dead-letters a payment request it cannot read, after retries', async () => {
    publish(Events.dossierPaymentRequired, { ...paymentRequired(), amount: -5 });
    await waitFor(async () => (await events.checkQueue('payment.events.dlq')).messageCount === 1, {
      what: 'the malformed request in the DLQ',
      timeoutMs: 20_000,
    });
  });
});
