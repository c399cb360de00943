import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageCounts, PageQuery, type Page } from './page';

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

export class PaymentMethodView {
  @ApiProperty({ enum: PaymentMethodIds })
  id!: PaymentMethodId;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  description!: string;
}

const PAYMENT_STATUS = { enum: PaymentStatuses, enumName: 'PaymentStatus' };
const NULLABLE_DATE = { type: String, nullable: true, format: 'date-time' };

export class PaymentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  dossierId!: string;

  @ApiProperty()
  dossierCode!: string;

  @ApiProperty()
  procedureName!: string;

  @ApiProperty()
  agencyCode!: string;

  @ApiProperty({ description: 'VND integer' })
  amount!: number;

  @ApiProperty()
  description!: string;

  @ApiProperty(PAYMENT_STATUS)
  status!: PaymentStatus;

  @ApiProperty({
    enum: PaymentMethodIds,
    nullable: true,
    description: 'Method of the last checkout',
  })
  method!: PaymentMethodId | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ ...NULLABLE_DATE, description: 'First checkout; the payment window runs from it' })
  startedAt!: string | null;

  @ApiProperty({ ...NULLABLE_DATE, description: 'Past this a started payment is expired' })
  expiresAt!: string | null;

  @ApiProperty(NULLABLE_DATE)
  paidAt!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: "Provider's transaction number (vnp_TransactionNo) of the successful attempt",
  })
  transactionNo!: string | null;

  @ApiProperty({ type: String, nullable: true })
  receiptNumber!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The payment this one replaces after it failed, was cancelled or expired',
  })
  retryOf!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The payment that replaces this one (pay that one instead)',
  })
  nextPaymentId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Gateway path of the receipt PDF, once paid',
  })
  receiptUrl!: string | null;
}

export class PaymentPage extends PageCounts implements Page<PaymentView> {
  @ApiProperty({ type: [PaymentView] })
  items!: PaymentView[];
}

export class CheckoutView {
  @ApiProperty({ description: "The provider's payment page, signed: send the browser there" })
  paymentUrl!: string;

  @ApiProperty()
  txnRef!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}

/** The answer the provider expects from the IPN URL, whatever happened. */
export interface IpnAnswer {
  RspCode: '00' | '01' | '02' | '04' | '97' | '99';
  Message: string;
}

export class ReturnedPaymentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  dossierCode!: string;

  @ApiProperty()
  amount!: number;

  @ApiProperty(PAYMENT_STATUS)
  status!: PaymentStatus;

  @ApiProperty({ type: String, nullable: true })
  receiptNumber!: string | null;
}

/** `GET /payments/vnpay/return`: display only; the state shown is read from our database. */
export class PaymentReturnView {
  @ApiProperty()
  signatureValid!: boolean;

  @ApiProperty({
    enum: ['success', 'failed', 'cancelled'],
    nullable: true,
    description: "What the provider's redirect claims (only when its signature is valid)",
  })
  providerResult!: 'success' | 'failed' | 'cancelled' | null;

  @ApiProperty({
    type: ReturnedPaymentView,
    nullable: true,
    description:
      "The payment's true state, from our database (null for a forged or unknown redirect)",
  })
  payment!: ReturnedPaymentView | null;

  @ApiProperty()
  message!: string;
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
