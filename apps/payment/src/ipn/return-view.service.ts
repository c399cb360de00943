import { Injectable } from '@nestjs/common';
import type { PaymentReturnView, PaymentStatus } from '@dvc/contracts';
import { PaymentsRepository } from '../payments/payments.repository';
import { PaymentProvider } from '../provider/payment-provider';

/** What the citizen reads after the provider sends the browser back, by the payment's true state. */
const MESSAGES: Record<PaymentStatus, string> = {
  created: 'Giao dịch chưa được thanh toán.',
  started: 'Giao dịch đang chờ xác nhận từ cổng thanh toán. Vui lòng kiểm tra lại sau ít phút.',
  success: 'Thanh toán thành công.',
  failed: 'Thanh toán không thành công. Bạn có thể thanh toán lại trong mục Giao dịch.',
  cancelled: 'Giao dịch đã bị hủy. Bạn có thể thanh toán lại trong mục Giao dịch.',
  expired: 'Giao dịch đã hết hạn. Bạn có thể thanh toán lại trong mục Giao dịch.',
  error: 'Giao dịch cần được kiểm tra thêm; cơ quan sẽ liên hệ với bạn để xử lý.',
};

/**
 * The return URL only displays (docs/domain.md: it must not change state): it checks the
 * provider's signature, then shows the payment as our database has it, whatever the
 * redirect claims. A forged redirect learns nothing about anybody's payment.
 */
@Injectable()
export class ReturnViewService {
  constructor(
    private readonly provider: PaymentProvider,
    private readonly payments: PaymentsRepository,
  ) {}

  async view(rawQuery: string): Promise<PaymentReturnView> {
    const callback = this.provider.readCallback(rawQuery);
    const result = callback.result;
    if (!result) {
      return {
        signatureValid: false,
        providerResult: null,
        payment: null,
        message:
          callback.signature === 'valid'
            ? 'Thông tin trả về từ cổng thanh toán không đầy đủ.'
            : 'Không xác thực được thông tin trả về từ cổng thanh toán (sai chữ ký).',
      };
    }
    const attempt = await this.payments.findAttempt(result.txnRef);
    const found = attempt ? await this.payments.find(attempt.paymentId) : null;
    if (!found) {
      return {
        signatureValid: true,
        providerResult: result.outcome,
        payment: null,
        message: 'Không tìm thấy giao dịch.',
      };
    }
    const { payment, receiptNumber } = found;
    return {
      signatureValid: true,
      providerResult: result.outcome,
      payment: {
        id: payment.id,
        dossierCode: payment.dossierCode,
        amount: payment.amount,
        status: payment.status,
        receiptNumber,
      },
      message:
        payment.status === 'success' && receiptNumber
          ? `${MESSAGES.success} Biên lai số ${receiptNumber}.`
          : MESSAGES[payment.status],
    };
  }
}
