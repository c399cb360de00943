import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  IdentityRpc,
  OidcExchangeDto,
  RpcRequest,
  TokenPair,
  VneidIdentityDto,
  VneidLinkDto,
  VneidLinkedView,
  VneidSignInView,
} from '@dvc/contracts';
import { RpcHandler, RpcInput, requestContextOf } from '@dvc/messaging';
import { VneidService } from './vneid.service';

@Controller()
export class VneidController {
  constructor(private readonly vneid: VneidService) {}

  @RpcHandler(IdentityRpc.vneidSignIn)
  signIn(
    @Payload(new RpcInput(VneidIdentityDto)) req: RpcRequest<VneidIdentityDto>,
  ): Promise<VneidSignInView> {
    return this.vneid.signIn(req.data, requestContextOf(req));
  }

  @RpcHandler(IdentityRpc.vneidLink)
  link(
    @Payload(new RpcInput(VneidLinkDto)) req: RpcRequest<VneidLinkDto>,
  ): Promise<VneidLinkedView> {
    return this.vneid.link(req.data, requestContextOf(req));
  }

  @RpcHandler(IdentityRpc.oidcExchange)
  exchange(
    @Payload(new RpcInput(OidcExchangeDto)) req: RpcRequest<OidcExchangeDto>,
  ): Promise<TokenPair> {
    return this.vneid.exchange(req.data, requestContextOf(req));
  }
}
