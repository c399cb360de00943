import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { PaymentConfig } from '../../payment.config';
import {
  CallbackResult,
  CheckoutRequest,
  PaymentProvider,
  ProviderCallback,
  TransactionQuery,
  TransactionStatusReport,
} from '../payment-provider';
import { ProviderEndpoints } from '../provider-endpoints';
import { paymentOutcome, queryOutcome } from './vnpay-codes';
import { formatVnpDate, parseVnpDate } from './vnpay-dates';
import {
  SECURE_HASH,
  hmacSha512,
  parseQueryString,
  pipeData,
  sign,
  toQueryString,
  verify,
  verifyPipe,
} from './vnpay-signature';

export const VNP_VERSION = '2.1.0';
/** VNPay's order category for "other" goods and services (lệ phí hồ sơ). */
const ORDER_TYPE = 'other';
const QUERY_TIMEOUT_MS = 10_000;
/** vnp_IpAddr of our server-to-server calls: the provider only records it. */
const SERVER_IP = '127.0.0.1';

/** Parameters an IPN or return redirect must carry, signed. */
const CALLBACK_REQUIRED = [
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_ResponseCode',
  'vnp_TransactionStatus',
  'vnp_TransactionNo',
  'vnp_PayDate',
] as const;

/** The querydr request fields, in the order they are signed. */
export const QUERY_REQUEST_FIELDS = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_TransactionDate',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;

/** The querydr response fields, in the order they are signed. */
export const QUERY_RESPONSE_FIELDS = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
  'vnp_PromotionCode',
  'vnp_PromotionAmount',
] as const;

/** VND from vnp_Amount (đồng ×100), or null when it is not a whole number of đồng. */
export function amountFromVnp(value: string | undefined): number | null {
  if (!value || !/^\d{1,17}$/.test(value)) return null;
  const hundredths = Number(value);
  return Number.isSafeInteger(hundredths) && hundredths % 100 === 0 ? hundredths / 100 : null;
}

/** The merchant side of VNPay 2.1.0 (docs/domain.md): signed redirect, callback checks, querydr. */
@Injectable()
export class VnpayProvider extends PaymentProvider {
  readonly name = 'vnpay';
  private readonly logger = new Logger(VnpayProvider.name);

  constructor(
    private readonly config: PaymentConfig,
    private readonly endpoints: ProviderEndpoints,
  ) {
    super();
  }

  checkoutUrl(request: CheckoutRequest): string {
    const params = sign(
      {
        vnp_Version: VNP_VERSION,
        vnp_Command: 'pay',
        vnp_TmnCode: this.config.VNPAY_TMN_CODE,
        vnp_Amount: String(request.amount * 100),
        vnp_CurrCode: 'VND',
        vnp_TxnRef: request.txnRef,
        vnp_OrderInfo: request.orderInfo,
        vnp_OrderType: ORDER_TYPE,
        vnp_Locale: 'vn',
        vnp_ReturnUrl: this.config.returnUrl,
        vnp_IpAddr: request.ipAddr,
        vnp_CreateDate: formatVnpDate(request.createdAt),
        vnp_ExpireDate: formatVnpDate(request.expiresAt),
        ...(request.bankCode ? { vnp_BankCode: request.bankCode } : {}),
      },
      this.config.VNPAY_HASH_SECRET,
    );
    return `${this.endpoints.payUrl()}?${toQueryString(params)}`;
  }

  readCallback(rawQuery: string): ProviderCallback {
    const { params, duplicates } = parseQueryString(rawQuery);
    const problems = duplicates.map((key) => `${key} (repeated)`);
    if (!params[SECURE_HASH]) return { params, signature: 'missing', problems, result: null };
    const signature =
      duplicates.length === 0 && verify(params, this.config.VNPAY_HASH_SECRET)
        ? 'valid'
        : 'invalid';
    for (const key of CALLBACK_REQUIRED) if (!params[key]) problems.push(key);
    const amount = amountFromVnp(params.vnp_Amount);
    if (params.vnp_Amount && amount === null) problems.push('vnp_Amount (not whole đồng)');
    const payDate = parseVnpDate(params.vnp_PayDate);
    if (params.vnp_PayDate && payDate === null) problems.push('vnp_PayDate (not yyyyMMddHHmmss)');
    if (params.vnp_TmnCode && params.vnp_TmnCode !== this.config.VNPAY_TMN_CODE) {
      problems.push('vnp_TmnCode (another merchant)');
    }
    if (signature !== 'valid' || problems.length > 0) {
      return { params, signature, problems, result: null };
    }
    const result: CallbackResult = {
      tmnCode: params.vnp_TmnCode,
      txnRef: params.vnp_TxnRef,
      amount,
      responseCode: params.vnp_ResponseCode,
      transactionStatus: params.vnp_TransactionStatus,
      transactionNo: params.vnp_TransactionNo,
      bankCode: params.vnp_BankCode || null,
      payDate,
      outcome: paymentOutcome(params.vnp_ResponseCode, params.vnp_TransactionStatus),
    };
    return { params, signature, problems, result };
  }

  async queryTransaction(query: TransactionQuery): Promise<TransactionStatusReport> {
    const unknown = (responseCode: string): TransactionStatusReport => ({
      outcome: 'unknown',
      amount: null,
      transactionNo: null,
      bankCode: null,
      payDate: null,
      responseCode,
      transactionStatus: '',
    });
    const request: Record<(typeof QUERY_REQUEST_FIELDS)[number], string> = {
      vnp_RequestId: randomBytes(16).toString('hex'),
      vnp_Version: VNP_VERSION,
      vnp_Command: 'querydr',
      vnp_TmnCode: this.config.VNPAY_TMN_CODE,
      vnp_TxnRef: query.txnRef,
      vnp_TransactionDate: formatVnpDate(query.transactionDate),
      vnp_CreateDate: formatVnpDate(new Date()),
      vnp_IpAddr: SERVER_IP,
      vnp_OrderInfo: query.orderInfo,
    };
    const body = {
      ...request,
      vnp_SecureHash: hmacSha512(
        this.config.VNPAY_HASH_SECRET,
        pipeData(QUERY_REQUEST_FIELDS.map((f) => request[f])),
      ),
    };
    let answer: Record<string, unknown>;
    try {
      const response = await fetch(this.endpoints.apiUrl(), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(QUERY_TIMEOUT_MS),
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      answer = (await response.json()) as Record<string, unknown>;
    } catch (err) {
      this.logger.warn(`querydr ${query.txnRef} failed: ${(err as Error).message}`);
      return unknown('');
    }
    const text = (key: string): string =>
      typeof answer[key] === 'string' || typeof answer[key] === 'number' ? String(answer[key]) : '';
    const responseCode = text('vnp_ResponseCode');
    // Only an answer that carries the transaction's state must be signed; a hash, when
    // present, must be right (the `vnpay` package checks the same way).
    const signed =
      answer.vnp_SecureHash === undefined && responseCode !== '00'
        ? true
        : verifyPipe(
            QUERY_RESPONSE_FIELDS.map(text),
            answer.vnp_SecureHash,
            this.config.VNPAY_HASH_SECRET,
          );
    // An answer about another transaction, or not signed by the provider, tells us nothing.
    if (!signed || (responseCode === '00' && text('vnp_TxnRef') !== query.txnRef)) {
      this.logger.warn(`querydr ${query.txnRef}: answer refused (signature or reference)`);
      return unknown(responseCode);
    }
    return {
      outcome: queryOutcome(responseCode, text('vnp_TransactionStatus')),
      amount: amountFromVnp(text('vnp_Amount')),
      transactionNo: text('vnp_TransactionNo') || null,
      bankCode: text('vnp_BankCode') || null,
      payDate: parseVnpDate(text('vnp_PayDate')),
      responseCode,
      transactionStatus: text('vnp_TransactionStatus'),
    };
  }
}
