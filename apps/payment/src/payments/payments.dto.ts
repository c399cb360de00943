import type { PaymentMethodId, PaymentStatus, PaymentView } from '@dvc/contracts';
import type { AttemptStatus } from './payment-status';

/** A payment as stored: the fee of one dossier request (or a retry of it). */
export interface Payment {
  id: string;
  dossierId: string;
  dossierCode: string;
  applicantId: string;
  agencyCode: string;
  /** Printed on the receipt; null for payments made before names were kept. */
  agencyName: string | null;
  procedureCode: string;
  procedureName: string;
  /** VND integer. */
  amount: number;
  description: string;
  atSubmission: boolean;
  requestedAt: Date;
  status: PaymentStatus;
  statusReason: string | null;
  method: PaymentMethodId | null;
  retryOf: string | null;
  nextPaymentId: string | null;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  expiresAt: Date | null;
  finishedAt: Date | null;
  paidAt: Date | null;
  transactionNo: string | null;
}

/** One checkout at the provider. */
export interface Attempt {
  id: string;
  paymentId: string;
  txnRef: string;
  provider: string;
  method: PaymentMethodId;
  amount: number;
  orderInfo: string;
  url: string;
  ipAddr: string;
  createdAt: Date;
  expiresAt: Date;
  status: AttemptStatus;
  responseCode: string | null;
  transactionStatus: string | null;
  transactionNo: string | null;
  bankCode: string | null;
  payDate: Date | null;
  settledAt: Date | null;
  settledBy: 'ipn' | 'reconciliation' | 'expiry' | 'dossier' | null;
  note: string | null;
}

/** What the provider said about an attempt, as far as we keep it. */
export interface ProviderReport {
  responseCode: string | null;
  transactionStatus: string | null;
  transactionNo: string | null;
  bankCode: string | null;
  payDate: Date | null;
}

export const receiptPath = (paymentId: string) => `/api/v1/payments/${paymentId}/receipt`;

export function mapPaymentView(p: Payment, receiptNumber: string | null): PaymentView {
  return {
    id: p.id,
    dossierId: p.dossierId,
    dossierCode: p.dossierCode,
    procedureName: p.procedureName,
    agencyCode: p.agencyCode,
    amount: p.amount,
    description: p.description,
    status: p.status,
    method: p.method,
    createdAt: p.createdAt.toISOString(),
    startedAt: p.startedAt?.toISOString() ?? null,
    expiresAt: p.expiresAt?.toISOString() ?? null,
    paidAt: p.paidAt?.toISOString() ?? null,
    transactionNo: p.transactionNo,
    receiptNumber,
    retryOf: p.retryOf,
    nextPaymentId: p.nextPaymentId,
    receiptUrl: p.status === 'success' && receiptNumber ? receiptPath(p.id) : null,
  };
}
