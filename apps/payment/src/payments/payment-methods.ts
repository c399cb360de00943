import type { PaymentMethodId, PaymentMethodView } from '@dvc/contracts';

export interface PaymentMethod extends PaymentMethodView {
  /** vnp_BankCode sent to the provider, which then opens that way of paying directly. */
  bankCode: string;
}

/** Phương thức thanh toán offered at checkout: data, in one place. */
export const PAYMENT_METHODS: readonly PaymentMethod[] = [
  {
    id: 'vnpay-qr',
    name: 'Ứng dụng hỗ trợ VNPAY QR',
    description: 'Quét mã QR bằng ứng dụng ngân hàng hoặc ví điện tử có hỗ trợ VNPAY QR.',
    bankCode: 'VNPAYQR',
  },
  {
    id: 'domestic-card',
    name: 'Thẻ ATM nội địa / tài khoản ngân hàng',
    description: 'Thẻ ATM của ngân hàng trong nước có đăng ký thanh toán trực tuyến.',
    bankCode: 'VNBANK',
  },
  {
    id: 'international-card',
    name: 'Thẻ thanh toán quốc tế',
    description: 'Thẻ Visa, Mastercard, JCB, American Express, UnionPay.',
    bankCode: 'INTCARD',
  },
];

export function paymentMethod(id: PaymentMethodId): PaymentMethod | undefined {
  return PAYMENT_METHODS.find((m) => m.id === id);
}

export function methodViews(): PaymentMethodView[] {
  return PAYMENT_METHODS.map(({ id, name, description }) => ({ id, name, description }));
}
