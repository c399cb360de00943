import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  IpnAnswer,
  PaymentReturnView,
  PaymentRpc,
  ProviderCallbackInput,
  RpcRequest,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requestContextOf } from '@dvc/messaging';
import { IpnService } from './ipn.service';
import { ReturnViewService } from './return-view.service';

/** The provider's callbacks, relayed by the gateway's public routes (no caller). */
@Controller()
export class IpnController {
  constructor(
    private readonly ipn: IpnService,
    private readonly returns: ReturnViewService,
  ) {}

  /**
   * Never an error: the provider expects `{RspCode, Message}` whatever it sent. A payload
   * without a query string is handled as an empty query (no signature: 97), and recorded.
   */
  @RpcHandler(PaymentRpc.ipn)
  handleIpn(@Payload() req: RpcRequest<Partial<ProviderCallbackInput>>): Promise<IpnAnswer> {
    const rawQuery =
      typeof req?.data?.rawQuery === 'string' ? req.data.rawQuery.slice(0, 8192) : '';
    return this.ipn.handle(rawQuery, requestContextOf(req));
  }

  @RpcHandler(PaymentRpc.returnView)
  returnView(
    @Payload(new RpcInput(ProviderCallbackInput)) req: RpcRequest<ProviderCallbackInput>,
  ): Promise<PaymentReturnView> {
    return this.returns.view(req.data.rawQuery);
  }
}
