import { INestApplication } from '@nestjs/common';
import amqplib from 'amqplib';
import { randomUUID } from 'node:crypto';
import { Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Caller,
  CheckoutView,
  DossierPaymentRequiredEvent,
  EVENTS_EXCHANGE,
  EventEnvelope,
  Events,
  IdentityRpc,
  IpnAnswer,
  Page,
  PaymentRpc,
  PaymentView,
  RpcQueues,
  StorageRpc,
} from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import {
  FakeRpcService,
  ServiceUnderTest,
  WireClient,
  isolatedService,
  waitFor,
} from '@dvc/testing';
import { migratePayment, startPayment } from '../src/app';
import { PaymentConfig } from '../src/payment.config';
import { formatVnpDate } from '../src/provider/vnpay/vnpay-dates';
import { sign, toQueryString } from '../src/provider/vnpay/vnpay-signature';

export const AGENCY = '000.00.01.H26';

/**
 * The payment service in-process against the real Postgres (own schema), RabbitMQ (own
 * vhost) and Redis (own prefix), driven through its RPC queue and its HTTP server. The
 * built-in simulator is the provider; a small HTTP server stands in for the gateway's IPN
 * route (it relays the query over RPC, as the gateway does) and can be taken down.
 *
 * One per test file (beforeAll); each test makes its own citizens, dossier requests and payments.
 */
export interface PaymentTestContext {
  readonly sut: ServiceUnderTest;
  readonly config: PaymentConfig;
  readonly app: INestApplication;
  /** The payment service's HTTP base URL (simulator, receipts, metrics). */
  readonly base: string;
  /** The channel other services' events are published on (and queues checked). */
  readonly events: amqplib.Channel;

  /** A citizen identity knows by this name. */
  newCitizen(fullName?: string): Caller;
  /** The dossier service's `dossier.payment_required` for a new dossier of the citizen. */
  paymentRequired(
    citizen: Caller,
    overrides?: Partial<DossierPaymentRequiredEvent>,
  ): DossierPaymentRequiredEvent;
  /** A payment waiting for the citizen, from a dossier's request. */
  openPayment(
    citizen: Caller,
    overrides?: Partial<DossierPaymentRequiredEvent>,
  ): Promise<PaymentView>;
  /** Publishes an event on dvc.events as another service's outbox relay would. */
  publish(type: string, data: unknown, id?: string): EventEnvelope;

  rpc<T>(pattern: string, data: unknown, caller: Caller | null): Promise<T>;
  checkout(paymentId: string, who: Caller, method?: string): Promise<CheckoutView>;
  get(paymentId: string, who: Caller): Promise<PaymentView>;
  paymentsOfDossier(dossierId: string, who: Caller): Promise<PaymentView[]>;
  /** The IPN as the gateway relays it. */
  ipn(rawQuery: string): Promise<IpnAnswer>;
  /** An IPN exactly as the provider would send it for this checkout (or with changes). */
  providerIpn(
    view: CheckoutView,
    amount: number,
    overrides?: Record<string, string>,
    secret?: string,
  ): string;
  /** What the simulator's page shows, and its form (action and hidden payload). */
  simulatorPage(paymentUrl: string): Promise<{ html: string; action: string; payload: string }>;
  /** Presses a button of the simulator's page, as the browser's form post does. */
  press(paymentUrl: string, button: 'pay' | 'cancel'): Promise<Response>;
  /** Runs `work` while the gateway's IPN route answers 503. */
  withIpnGatewayDown<T>(work: () => Promise<T>): Promise<T>;

  /** Payloads of the events of a type in the outbox, for one payment if given. */
  outbox<T = Record<string, unknown>>(type: string, paymentId?: string): Promise<T[]>;
  /** The provider callbacks recorded for one attempt. */
  callbacks(txnRef: string): Promise<{ rsp_code: string; outcome: string }[]>;
  close(): Promise<void>;
}

/** `overrides`: variables of PaymentConfig for this file's service. */
export async function startPaymentContext(
  overrides: Record<string, string> = {},
): Promise<PaymentTestContext> {
  const sut = await isolatedService('payment');
  const names = new Map<string, string>();
  let identity: FakeRpcService | undefined;
  let storage: FakeRpcService | undefined;
  let app: INestApplication | undefined;
  let amqp: amqplib.ChannelModel | undefined;
  let ipnGateway: Server | undefined;
  let ipnDown = false;
  const closeGateway = () =>
    ipnGateway && new Promise<void>((done) => ipnGateway!.close(() => done()));

  try {
    identity = (await FakeRpcService.start(sut.amqpUrl, RpcQueues.identity)).on(
      IdentityRpc.getProfile,
      (req) => ({
        response: { id: req.caller!.accountId, fullName: names.get(req.caller!.accountId) },
      }),
    );
    // document-storage signs the receipt the first time its owner downloads it.
    storage = (await FakeRpcService.start(sut.amqpUrl, RpcQueues.storage)).on(
      StorageRpc.issueDocument,
      (req) => ({
        response: {
          verificationCode: `TEST${(req.data as { sourceKey: string }).sourceKey.slice(-8)}`,
          documentType: 'payment-receipt',
          fileId: randomUUID(),
          fileName: (req.data as { fileName: string }).fileName,
          sha256: '0'.repeat(64),
          issuedAt: new Date().toISOString(),
        },
      }),
    );
    const client: WireClient = await sut.rpcClient('payment', RpcQueues.payment, 30_000);
    const gateway = (ipnGateway = createServer((req, res) => {
      if (ipnDown) {
        res.writeHead(503).end();
        return;
      }
      const rawQuery = (req.url ?? '').split('?')[1] ?? '';
      void client
        .send<IpnAnswer>(PaymentRpc.ipn, { caller: null, correlationId: null, data: { rawQuery } })
        .catch(() => ({ RspCode: '99', Message: 'Unknown error' }))
        .then((answer) =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer)),
        );
    }));
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const ipnPort = (gateway.address() as AddressInfo).port;

    const config = loadConfig(PaymentConfig, {
      ...sut.env,
      RPC_TIMEOUT_MS: '15000',
      PAYMENT_IPN_URL: `http://127.0.0.1:${ipnPort}/api/v1/payments/vnpay/ipn`,
      PAYMENT_RETURN_URL: 'http://portal.test/api/v1/payments/vnpay/return',
      RECONCILE_INTERVAL_MINUTES: '60',
      ...overrides,
    });
    await migratePayment(config);
    const started = (app = await startPayment(config));
    const base = sut.urlOf(started);
    amqp = await amqplib.connect(sut.amqpUrl);
    const events = await amqp.createChannel();
    await events.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });

    const rpc = <T>(pattern: string, data: unknown, caller: Caller | null) =>
      client.send<T>(pattern, { caller, correlationId: randomUUID(), ip: '203.0.113.7', data });
    const get = (paymentId: string, who: Caller) =>
      rpc<PaymentView>(PaymentRpc.get, { paymentId }, who);
    const paymentsOfDossier = async (dossierId: string, who: Caller) => {
      const page = await rpc<Page<PaymentView>>(PaymentRpc.list, { pageSize: 100 }, who);
      return page.items.filter((p) => p.dossierId === dossierId);
    };
    const paymentRequired = (
      citizen: Caller,
      overrides: Partial<DossierPaymentRequiredEvent> = {},
    ): DossierPaymentRequiredEvent => {
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
    };
    const publish = (type: string, data: unknown, id: string = randomUUID()): EventEnvelope => {
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
    };
    const simulatorPage: PaymentTestContext['simulatorPage'] = async (paymentUrl) => {
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
    };

    return {
      sut,
      config,
      app: started,
      base,
      events,
      newCitizen(fullName = 'Nguyễn Thị Bình') {
        const caller: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };
        names.set(caller.accountId, fullName);
        return caller;
      },
      paymentRequired,
      async openPayment(citizen, overrides = {}) {
        const request = paymentRequired(citizen, overrides);
        publish(Events.dossierPaymentRequired, request);
        return waitFor(async () => (await paymentsOfDossier(request.dossierId, citizen))[0], {
          what: `the payment of ${request.code}`,
        });
      },
      publish,
      rpc,
      checkout: (paymentId, who, method = 'vnpay-qr') =>
        rpc<CheckoutView>(PaymentRpc.checkout, { paymentId, method, commitment: true }, who),
      get,
      paymentsOfDossier,
      ipn: (rawQuery) => rpc<IpnAnswer>(PaymentRpc.ipn, { rawQuery }, null),
      providerIpn(view, amount, overrides = {}, secret = config.VNPAY_HASH_SECRET) {
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
      },
      simulatorPage,
      async press(paymentUrl, button) {
        const { action, payload } = await simulatorPage(paymentUrl);
        return fetch(new URL(action, paymentUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ payload, action: button }).toString(),
          redirect: 'manual',
        });
      },
      async withIpnGatewayDown(work) {
        ipnDown = true;
        try {
          return await work();
        } finally {
          ipnDown = false;
        }
      },
      async outbox<T>(type: string, paymentId?: string) {
        const rows: { envelope: EventEnvelope<T & { paymentId: string }> }[] = await sut.db.query(
          `SELECT envelope FROM "${sut.schema}".outbox WHERE type = $1 ORDER BY id`,
          [type],
        );
        return rows
          .map((r) => r.envelope.data)
          .filter((d) => paymentId === undefined || d.paymentId === paymentId);
      },
      callbacks: (txnRef) =>
        sut.db.query(
          `SELECT rsp_code, outcome, raw_query, signature_valid FROM "${sut.schema}".provider_callbacks
            WHERE txn_ref = $1 ORDER BY id`,
          [txnRef],
        ),
      close: () => sut.cleanup(app, identity, storage, amqp, closeGateway),
    };
  } catch (err) {
    await sut.cleanup(app, identity, storage, amqp, closeGateway).catch(() => undefined);
    throw err;
  }
}
