import type { PaymentMethodId } from '@dvc/contracts';
import type { PaymentStatus } from '../api/views';
import { body, client } from '../api/client';

export const paymentsApi = {
  list: (filter: { status?: PaymentStatus; page?: number; pageSize?: number } = {}) =>
    body(client.GET('/api/v1/payments', { params: { query: filter } })),
  get: (id: string) => body(client.GET('/api/v1/payments/{id}', { params: { path: { id } } })),
  methods: () => body(client.GET('/api/v1/payment-methods')),
  checkout: (id: string, method: PaymentMethodId) =>
    body(
      client.POST('/api/v1/payments/{id}/checkout', {
        params: { path: { id } },
        body: { method, commitment: true },
      }),
    ),
  /** The provider's redirect, read back: display only, the state comes from our database. */
  returned: (rawQuery: string) =>
    body(
      client.GET('/api/v1/payments/vnpay/return', {
        // The provider's signed parameters, passed on exactly as received.
        querySerializer: () => (rawQuery.startsWith('?') ? rawQuery.slice(1) : rawQuery),
      }),
    ),
};

/** A payment the citizen can still pay (or pay again after a failed attempt). */
export function isPayable(status: PaymentStatus): boolean {
  return status === 'created' || status === 'started';
}

export const PAYMENTS_KEY = ['payments'] as const;
