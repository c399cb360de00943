import { Injectable } from '@nestjs/common';
import { PaymentHttp, PaymentErrors, DomainError } from '@dvc/contracts';
import { INTERNAL_TOKEN_HEADER } from '@dvc/http';
import { GatewayConfig } from '../gateway.config';
import { InternalHttpTarget, StreamedFile, openStream } from '../upstream/internal-http';

/**
 * Opens a receipt PDF on the payment service's internal HTTP server, to be streamed to the
 * client as it is drawn. Whether the caller may read it is decided before, over RPC.
 */
@Injectable()
export class PaymentReceipts {
  private readonly target: InternalHttpTarget;

  constructor(config: GatewayConfig) {
    this.target = {
      label: 'thanh toán',
      baseUrl: config.PAYMENT_HTTP_URL,
      timeoutMs: config.RPC_TIMEOUT_MS,
      headers: { [INTERNAL_TOKEN_HEADER]: config.INTERNAL_TOKEN },
    };
  }

  /** The receipt of `paymentId`, read as its owner `ownerId`. */
  open(paymentId: string, ownerId: string, requestId: string): Promise<StreamedFile> {
    return openStream(
      { ...this.target, headers: { ...this.target.headers, [PaymentHttp.headers.owner]: ownerId } },
      PaymentHttp.receipt(paymentId),
      requestId,
      () => new DomainError(PaymentErrors.receiptNotFound),
    );
  }
}
