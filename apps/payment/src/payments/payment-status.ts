import { PaymentStatus, PaymentErrors, DomainError } from '@dvc/contracts';

/**
 * The payment status machine, one place (docs/design.md §7): `created → started → success |
 * failed | cancelled | expired`, and `error` when provider and merchant disagree (money may
 * have moved: refund or manual resolution). `started → started` is another checkout.
 * A payment that did not end in success is replaced by a new one the citizen can pay
 * (see PaymentLifecycle), so final states stay final.
 */
// prettier-ignore
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  created:   ['started', 'cancelled'],
  started:   ['started', 'success', 'failed', 'cancelled', 'expired', 'error'],
  success:   [],
  failed:    [],
  cancelled: [],
  expired:   [],
  error:     [],
};

export const OPEN_STATUSES: readonly PaymentStatus[] = ['created', 'started'];

export function isFinal(status: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[status].length === 0;
}

export function canMove(from: PaymentStatus, to: PaymentStatus): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

export function assertMove(from: PaymentStatus, to: PaymentStatus): void {
  if (!canMove(from, to)) {
    throw new DomainError(PaymentErrors.illegalTransition, {
      params: { from, to },
      extra: { currentStatus: from },
    });
  }
}

/**
 * Endings after which the citizen gets a new payment to try again: the provider refused or
 * the customer cancelled or let it expire. Not after `error` (a person resolves it) nor after
 * a cancellation of ours (the dossier no longer asks for this fee).
 */
export type PaymentEnding =
  | { status: 'failed' | 'cancelled'; reason: string; retry: boolean }
  | { status: 'error'; reason: string; retry: false };

/** How one attempt at the provider ended (or is still going). */
export type AttemptStatus = 'pending' | 'success' | 'failed' | 'cancelled' | 'expired' | 'disputed';
