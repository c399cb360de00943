import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CheckoutInput,
  CheckoutView,
  ListPaymentsQuery,
  Page,
  PaymentMethodView,
  PaymentRefInput,
  PaymentRpc,
  PaymentView,
  ReceiptAuthorizationView,
  RpcRequest,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requestContextOf, requireCaller } from '@dvc/messaging';
import { PaymentsService } from './payments.service';

/** Giao dịch: the citizen's own payments (anyone else's is 404), the methods, the checkout. */
@Controller()
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @RpcHandler(PaymentRpc.list)
  list(
    @Payload(new RpcInput(ListPaymentsQuery)) req: RpcRequest<ListPaymentsQuery>,
  ): Promise<Page<PaymentView>> {
    return this.payments.list(requireCaller(req), req.data);
  }

  @RpcHandler(PaymentRpc.get)
  get(
    @Payload(new RpcInput(PaymentRefInput)) req: RpcRequest<PaymentRefInput>,
  ): Promise<PaymentView> {
    return this.payments.get(requireCaller(req), req.data.paymentId);
  }

  @RpcHandler(PaymentRpc.listMethods)
  listMethods(): PaymentMethodView[] {
    return this.payments.methods();
  }

  @RpcHandler(PaymentRpc.checkout)
  checkout(
    @Payload(new RpcInput(CheckoutInput)) req: RpcRequest<CheckoutInput>,
  ): Promise<CheckoutView> {
    return this.payments.checkout(requireCaller(req), req.data, requestContextOf(req));
  }

  @RpcHandler(PaymentRpc.authorizeReceipt)
  authorizeReceipt(
    @Payload(new RpcInput(PaymentRefInput)) req: RpcRequest<PaymentRefInput>,
  ): Promise<ReceiptAuthorizationView> {
    return this.payments.authorizeReceipt(
      requireCaller(req),
      req.data.paymentId,
      requestContextOf(req),
    );
  }
}
