import type {
  CheckoutView,
  Page,
  PaymentMethodId,
  PaymentMethodView,
  PaymentReturnView,
  PaymentStatus,
  PaymentView,
} from '@dvc/contracts';
import { api, query } from '../api/http';

export const paymentsApi = {
  list: (filter: { status?: PaymentStatus; page?: number; pageSize?: number } = {}) =>
    api<Page<PaymentView>>('GET', `/payments${query(filter)}`),
  get: (id: string) => api<PaymentView>('GET', `/payments/${id}`),
  methods: () => api<PaymentMethodView[]>('GET', '/payment-methods'),
  checkout: (id: string, method: PaymentMethodId) =>
    api<CheckoutView>('POST', `/payments/${id}/checkout`, { method, commitment: true }),
  /** The provider's redirect, read back: display only, the state comes from our database. */
  returned: (rawQuery: string) =>
    api<PaymentReturnView>(
      'GET',
      `/payments/vnpay/return${rawQuery.startsWith('?') ? rawQuery : `?${rawQuery}`}`,
    ),
};

/** A payment the citizen can still pay (or pay again after a failed attempt). */
export function isPayable(status: PaymentStatus): boolean {
  return status === 'created' || status === 'started';
}

export const PAYMENTS_KEY = ['payments'] as const;
