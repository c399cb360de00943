import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from './page';

/**
 * Giao dịch (online fee payments, docs/design.md §7). A payment is the fee one dossier request
 * asks for; each checkout of it is an attempt at the provider with its own vnp_TxnRef.
 */
export const PaymentStatuses = [
  'created',
  'started',
  'success',
  'failed',
  'cancelled',
  'expired',
  /** Provider and merchant disagree (e.g. paid with another amount): refund or manual resolution. */
  'error',
] as const;
export type PaymentStatus = (typeof PaymentStatuses)[number];

/** Ways to pay at the provider (vnp_BankCode); the list itself lives in the payment service. */
export const PaymentMethodIds = ['vnpay-qr', 'domestic-card', 'international-card'] as const;
export type PaymentMethodId = (typeof PaymentMethodIds)[number];

// ---------- requests (gateway) ----------

export class ListPaymentsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PaymentStatuses })
  @IsOptional()
  @IsIn(PaymentStatuses)
  status?: PaymentStatus;
}

/** `POST /payments/:id/checkout`. */
export class CheckoutDto {
  @ApiProperty({ enum: PaymentMethodIds, example: 'vnpay-qr' })
  @IsIn(PaymentMethodIds, { message: 'Phương thức thanh toán không hợp lệ' })
  method: PaymentMethodId;

  /**
   * The citizen confirms the declared information before paying. Must be `true`; anything
   * else is 400 `payment.commitment_required` (checked by the gateway and the service).
   */
  @ApiProperty({ description: 'Cam kết thông tin kê khai là đúng sự thật: phải là true' })
  @IsOptional()
  @IsBoolean()
  commitment?: boolean;
}

// ---------- RPC inputs (gateway → `payment.rpc`) ----------

/** get, authorizeReceipt. */
export class PaymentRefInput {
  @IsUUID()
  paymentId: string;
}

export class CheckoutInput extends CheckoutDto {
  @IsUUID()
  paymentId: string;
}

/**
 * ipn, returnView: the provider's query string exactly as it reached the gateway (after
 * `?`); the payment service parses, verifies and records it.
 */
export class ProviderCallbackInput {
  @IsString()
  @MaxLength(8192)
  rawQuery: string;
}

// ---------- views ----------

export interface PaymentMethodView {
  id: PaymentMethodId;
  name: string;
  description: string;
}

export interface PaymentView {
  id: string;
  dossierId: string;
  dossierCode: string;
  procedureName: string;
  agencyCode: string;
  /** VND integer. */
  amount: number;
  description: string;
  status: PaymentStatus;
  /** Method of the last checkout. */
  method: PaymentMethodId | null;
  createdAt: string;
  /** First checkout; the payment window runs from it. */
  startedAt: string | null;
  /** Past this a started payment is expired; null until the first checkout. */
  expiresAt: string | null;
  paidAt: string | null;
  /** Provider's transaction number (vnp_TransactionNo) of the successful attempt. */
  transactionNo: string | null;
  receiptNumber: string | null;
  /** The payment this one replaces after it failed, was cancelled or expired. */
  retryOf: string | null;
  /** The payment that replaces this one (pay that one instead). */
  nextPaymentId: string | null;
  /** Gateway path of the receipt PDF, once paid. */
  receiptUrl: string | null;
}

export interface CheckoutView {
  /** The provider's payment page, signed: send the browser there. */
  paymentUrl: string;
  txnRef: string;
  expiresAt: string;
}

/** The answer the provider expects from the IPN URL, whatever happened. */
export interface IpnAnswer {
  RspCode: '00' | '01' | '02' | '04' | '97' | '99';
  Message: string;
}

/** `GET /payments/vnpay/return`: display only; the state shown is read from our database. */
export interface PaymentReturnView {
  signatureValid: boolean;
  /** What the provider's redirect claims (only when its signature is valid). */
  providerResult: 'success' | 'failed' | 'cancelled' | null;
  /** The payment's true state, from our database (null for a forged or unknown redirect). */
  payment: {
    id: string;
    dossierCode: string;
    amount: number;
    status: PaymentStatus;
    receiptNumber: string | null;
  } | null;
  message: string;
}

/** authorizeReceipt: the caller may download the receipt of this payment. */
export interface ReceiptAuthorizationView {
  paymentId: string;
  receiptNumber: string;
  /** The receipt signed by the agency (document-storage), owned by the payer. */
  fileId: string;
  /** Mã xác thực printed under its QR code. */
  verificationCode: string;
}

/**
 * Internal HTTP API of the payment service (never exposed by the ingress; the gateway calls
 * it with the internal token after an ownership check over RPC).
 */
export const PaymentHttp = {
  /** GET, streams the receipt PDF of a paid payment to its owner (header below). */
  receipt: (paymentId: string) => `/internal/payments/${paymentId}/receipt`,
  headers: {
    /** The account the gateway found owns the payment; required, and must be its owner. */
    owner: 'x-payment-owner',
  },
} as const;

// ---------- events (`payment.*`) ----------

interface PaymentEventBase {
  paymentId: string;
  dossierId: string;
  dossierCode: string;
  applicantId: string;
  agencyCode: string;
  procedureName: string;
  /** VND integer. */
  amount: number;
}

/** A fee is waiting for the citizen under "Giao dịch" (rings the bell). */
export interface PaymentCreatedEvent extends PaymentEventBase {
  description: string;
  /** Set when this payment replaces one that failed, was cancelled or expired. */
  retryOf: string | null;
}

/** A dossier fee was paid (moves the dossier on: 6 → 4, or 6 → 1 when paid at submission). */
export interface PaymentSucceededEvent extends PaymentEventBase {
  receiptNumber: string;
  transactionNo: string;
  paidAt: string;
}

export interface PaymentFailedEvent extends PaymentEventBase {
  status: 'failed' | 'cancelled' | 'error';
  /**
   * Provider response code (`24` cancelled by the customer, `51` insufficient funds, …) or
   * our reason (`amount_mismatch`, `dossier_changed`, `superseded`).
   */
  reason: string;
  /** The payment to pay instead, when the citizen can try again. */
  nextPaymentId: string | null;
}

export interface PaymentExpiredEvent extends PaymentEventBase {
  expiredAt: string;
  nextPaymentId: string | null;
}
