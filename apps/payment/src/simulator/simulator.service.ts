import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { IpnAnswer } from '@dvc/contracts';
import { PaymentConfig } from '../payment.config';
import { formatVnpDate, parseVnpDate } from '../provider/vnpay/vnpay-dates';
import {
  QUERY_REQUEST_FIELDS,
  QUERY_RESPONSE_FIELDS,
  VNP_VERSION,
  amountFromVnp,
} from '../provider/vnpay/vnpay.provider';
import {
  VnpParams,
  hmacSha512,
  parseQueryString,
  pipeData,
  sign,
  toQueryString,
  verify,
  verifyPipe,
} from '../provider/vnpay/vnpay-signature';
import { SimulatedTransaction, SimulatorStore } from './simulator-store';

/** A merchant the simulated provider knows: its code, its secret, where its IPN is. */
export interface SimulatedMerchant {
  tmnCode: string;
  name: string;
  secret: string;
  ipnUrl: string;
}

/** The page to show for a checkout, or why there is none (shown as an error page). */
export type PageOutcome =
  | { ok: true; merchant: SimulatedMerchant; transaction: SimulatedTransaction; payload: string }
  | { ok: false; message: string };

export type CompletionOutcome = { ok: true; redirectUrl: string } | { ok: false; message: string };

const IPN_TIMEOUT_MS = 10_000;
const CARD_TYPES: Record<string, string> = { VNPAYQR: 'QRCODE', VNBANK: 'ATM', INTCARD: 'CREDIT' };

/**
 * The built-in payment simulator (development and tests): the provider's side of VNPay
 * 2.1.0. It checks a checkout's signature like the provider, lets the customer pay or cancel,
 * calls the merchant's IPN server-to-server with signed parameters, then sends the browser
 * to vnp_ReturnUrl with the same parameters; it answers querydr from its own books. An IPN
 * that does not get through is not retried: the merchant's reconciliation must find it.
 */
@Injectable()
export class SimulatorService {
  private readonly logger = new Logger('PaymentSimulator');
  private readonly merchants: Map<string, SimulatedMerchant>;

  constructor(
    config: PaymentConfig,
    private readonly store: SimulatorStore,
  ) {
    this.merchants = new Map([
      [
        config.VNPAY_TMN_CODE,
        {
          tmnCode: config.VNPAY_TMN_CODE,
          name: 'Cổng Dịch vụ công',
          secret: config.VNPAY_HASH_SECRET,
          ipnUrl: config.ipnUrl,
        },
      ],
    ]);
  }

  /** `GET vpcpay.html?…`: the payment page of a signed checkout. */
  async openPage(rawQuery: string, now: Date = new Date()): Promise<PageOutcome> {
    const checked = this.checkCheckout(rawQuery, now);
    if (!checked.ok) return checked;
    const { merchant, params } = checked;
    const known = await this.store.get(merchant.tmnCode, params.vnp_TxnRef);
    if (known && known.status !== 'pending') {
      return { ok: false, message: 'Giao dịch đã được xử lý trước đó (mã lỗi 01).' };
    }
    const transaction = known ?? newTransaction(params);
    if (!known) await this.store.open(transaction);
    return { ok: true, merchant, transaction, payload: rawQuery };
  }

  /** The Pay or Cancel button: settle, tell the merchant (IPN), send the browser back. */
  async complete(
    payload: string,
    action: 'pay' | 'cancel',
    now: Date = new Date(),
  ): Promise<CompletionOutcome> {
    const checked = this.checkCheckout(payload, now);
    if (!checked.ok) return checked;
    const { merchant, params } = checked;
    if (!(await this.store.claimCompletion(merchant.tmnCode, params.vnp_TxnRef))) {
      return { ok: false, message: 'Giao dịch đã được xử lý trước đó (mã lỗi 01).' };
    }
    const transaction =
      (await this.store.get(merchant.tmnCode, params.vnp_TxnRef)) ?? newTransaction(params);
    const paid = action === 'pay';
    transaction.status = paid ? 'paid' : 'cancelled';
    transaction.responseCode = paid ? '00' : '24';
    transaction.transactionStatus = paid ? '00' : '02';
    transaction.transactionNo = paid ? await this.store.nextTransactionNo() : '0';
    transaction.payDate = formatVnpDate(now);
    await this.store.save(transaction);

    const result = sign(resultParams(transaction), merchant.secret);
    const query = toQueryString(result);
    transaction.ipn = await this.callIpn(merchant, query);
    await this.store.save(transaction);
    return { ok: true, redirectUrl: withQuery(transaction.returnUrl, query) };
  }

  /** `POST merchant_webapi/api/transaction` with `vnp_Command=querydr`: the provider's books. */
  async queryDr(body: unknown, now: Date = new Date()): Promise<Record<string, string>> {
    const request = isRecord(body) ? body : {};
    const text = (key: string): string =>
      typeof request[key] === 'string' || typeof request[key] === 'number'
        ? String(request[key])
        : '';
    const merchant = this.merchants.get(text('vnp_TmnCode'));
    const base = {
      vnp_ResponseId: randomBytes(16).toString('hex'),
      vnp_Command: 'querydr',
      vnp_TmnCode: text('vnp_TmnCode'),
      vnp_TxnRef: text('vnp_TxnRef'),
    };
    if (!merchant) return this.queryAnswer(base, '02', 'Merchant không hợp lệ', null, null);
    if (text('vnp_Command') !== 'querydr' || text('vnp_Version') !== VNP_VERSION) {
      return this.queryAnswer(base, '03', 'Dữ liệu gửi sang không đúng định dạng', null, merchant);
    }
    if (!verifyPipe(QUERY_REQUEST_FIELDS.map(text), request.vnp_SecureHash, merchant.secret)) {
      return this.queryAnswer(base, '97', 'Checksum không hợp lệ', null, merchant);
    }
    const transaction = await this.store.get(merchant.tmnCode, text('vnp_TxnRef'));
    if (!transaction) {
      return this.queryAnswer(base, '91', 'Không tìm thấy giao dịch yêu cầu', null, merchant);
    }
    // Not paid and past its expiry: the provider closed it.
    const expired =
      transaction.status === 'pending' &&
      (parseVnpDate(transaction.expireDate)?.getTime() ?? 0) < now.getTime();
    return this.queryAnswer(
      base,
      '00',
      'Yêu cầu thành công',
      {
        ...transaction,
        transactionStatus: transaction.transactionStatus ?? (expired ? '02' : '01'),
      },
      merchant,
    );
  }

  /** Checks a checkout the way the provider does: merchant, signature, protocol, amount, expiry. */
  private checkCheckout(
    rawQuery: string,
    now: Date,
  ): { ok: true; merchant: SimulatedMerchant; params: VnpParams } | { ok: false; message: string } {
    const { params, duplicates } = parseQueryString(rawQuery);
    const merchant = this.merchants.get(params.vnp_TmnCode ?? '');
    if (!merchant) return { ok: false, message: 'Website chưa được phê duyệt (mã lỗi 02).' };
    if (duplicates.length > 0 || !verify(params, merchant.secret)) {
      return { ok: false, message: 'Sai chữ ký (mã lỗi 70).' };
    }
    const expireDate = parseVnpDate(params.vnp_ExpireDate);
    if (
      params.vnp_Version !== VNP_VERSION ||
      params.vnp_Command !== 'pay' ||
      params.vnp_CurrCode !== 'VND' ||
      !params.vnp_TxnRef ||
      !params.vnp_ReturnUrl ||
      !params.vnp_OrderInfo ||
      !parseVnpDate(params.vnp_CreateDate) ||
      !expireDate ||
      !amountFromVnp(params.vnp_Amount)
    ) {
      return { ok: false, message: 'Dữ liệu gửi sang không đúng định dạng (mã lỗi 03).' };
    }
    if (expireDate.getTime() < now.getTime()) {
      return { ok: false, message: 'Giao dịch đã quá thời gian chờ thanh toán (mã lỗi 11).' };
    }
    return { ok: true, merchant, params };
  }

  private async callIpn(
    merchant: SimulatedMerchant,
    query: string,
  ): Promise<NonNullable<SimulatedTransaction['ipn']>> {
    const at = new Date().toISOString();
    try {
      const response = await fetch(withQuery(merchant.ipnUrl, query), {
        signal: AbortSignal.timeout(IPN_TIMEOUT_MS),
      });
      const answer = (await response.json().catch(() => null)) as IpnAnswer | null;
      if (!response.ok || !answer?.RspCode) {
        this.logger.warn(`IPN to ${merchant.ipnUrl}: HTTP ${response.status}, not an IPN answer`);
        return { answer: null, error: `HTTP ${response.status}`, at };
      }
      return { answer, error: null, at };
    } catch (err) {
      this.logger.warn(`IPN to ${merchant.ipnUrl} failed: ${(err as Error).message}`);
      return { answer: null, error: (err as Error).message, at };
    }
  }

  private queryAnswer(
    base: Record<string, string>,
    responseCode: string,
    message: string,
    transaction: SimulatedTransaction | null,
    merchant: SimulatedMerchant | null,
  ): Record<string, string> {
    const answer: Record<string, string> = {
      ...base,
      vnp_ResponseCode: responseCode,
      vnp_Message: message,
      vnp_Amount: transaction?.amount ?? '',
      vnp_BankCode: transaction?.bankCode ?? '',
      vnp_PayDate: transaction?.payDate ?? '',
      vnp_TransactionNo: transaction?.transactionNo ?? '',
      vnp_TransactionType: transaction ? '01' : '',
      vnp_TransactionStatus: transaction?.transactionStatus ?? '',
      vnp_OrderInfo: transaction?.orderInfo ?? '',
      vnp_PromotionCode: '',
      vnp_PromotionAmount: '',
    };
    if (merchant) {
      answer.vnp_SecureHash = hmacSha512(
        merchant.secret,
        pipeData(QUERY_RESPONSE_FIELDS.map((f) => answer[f])),
      );
    }
    return answer;
  }
}

function newTransaction(params: VnpParams): SimulatedTransaction {
  return {
    tmnCode: params.vnp_TmnCode,
    txnRef: params.vnp_TxnRef,
    amount: params.vnp_Amount,
    orderInfo: params.vnp_OrderInfo,
    bankCode: params.vnp_BankCode || null,
    createDate: params.vnp_CreateDate,
    expireDate: params.vnp_ExpireDate,
    returnUrl: params.vnp_ReturnUrl,
    status: 'pending',
    responseCode: null,
    transactionStatus: null,
    transactionNo: null,
    payDate: null,
    ipn: null,
  };
}

/** The parameters of the IPN and of the return redirect (signed by the caller). */
function resultParams(t: SimulatedTransaction): VnpParams {
  const bankCode = t.bankCode ?? 'NCB';
  return {
    vnp_Amount: t.amount,
    vnp_BankCode: bankCode,
    ...(t.status === 'paid' ? { vnp_BankTranNo: `VNP${t.transactionNo}` } : {}),
    vnp_CardType: CARD_TYPES[bankCode] ?? 'ATM',
    vnp_OrderInfo: t.orderInfo,
    vnp_PayDate: t.payDate ?? '',
    vnp_ResponseCode: t.responseCode ?? '',
    vnp_TmnCode: t.tmnCode,
    vnp_TransactionNo: t.transactionNo ?? '',
    vnp_TransactionStatus: t.transactionStatus ?? '',
    vnp_TxnRef: t.txnRef,
  };
}

function withQuery(url: string, query: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
