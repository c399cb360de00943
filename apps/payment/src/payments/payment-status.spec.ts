import type { PaymentStatus } from '@dvc/contracts';
import { PaymentStatuses } from '@dvc/contracts';
import { PAYMENT_TRANSITIONS, assertMove, canMove, isFinal } from './payment-status';

describe('payment status machine', () => {
  it('has a row for every status of the contract', () => {
    expect(Object.keys(PAYMENT_TRANSITIONS).sort()).toEqual([...PaymentStatuses].sort());
  });

  it.each<[PaymentStatus, PaymentStatus, boolean]>([
    ['created', 'started', true],
    ['created', 'cancelled', true],
    ['created', 'success', false], // nothing is paid before a checkout
    ['created', 'expired', false], // the window opens at the first checkout
    ['started', 'started', true], // another checkout
    ['started', 'success', true],
    ['started', 'failed', true],
    ['started', 'cancelled', true],
    ['started', 'expired', true],
    ['started', 'error', true],
    ['success', 'failed', false],
    ['success', 'error', false],
    ['failed', 'started', false],
    ['cancelled', 'started', false],
    ['expired', 'success', false],
    ['error', 'success', false],
  ])('%s → %s: %s', (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
  });

  it('keeps final states final', () => {
    const finals = PaymentStatuses.filter(isFinal);
    expect(finals).toEqual(['success', 'failed', 'cancelled', 'expired', 'error']);
    for (const from of finals) expect(PAYMENT_TRANSITIONS[from]).toEqual([]);
  });

  it('refuses an illegal move with a 409 naming the current status', () => {
    expect(() => assertMove('success', 'failed')).toThrow(
      expect.objectContaining({ status: 409, code: 'payment.illegal_transition' }),
    );
    expect(() => assertMove('started', 'success')).not.toThrow();
  });
});
