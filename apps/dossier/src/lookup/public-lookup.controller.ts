import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { DossierRpc, PublicLookupQuery, PublicLookupView, RpcRequest } from '@dvc/contracts';
import { RpcHandler, RpcInput } from '@dvc/messaging';
import { PublicLookupService } from './public-lookup.service';

@Controller()
export class PublicLookupController {
  constructor(private readonly lookups: PublicLookupService) {}

  /** No caller needed; the gateway passes the client IP for throttling. */
  @RpcHandler(DossierRpc.publicLookup)
  lookup(
    @Payload(new RpcInput(PublicLookupQuery)) req: RpcRequest<PublicLookupQuery>,
  ): Promise<PublicLookupView> {
    return this.lookups.lookup(req.data, req.ip ?? null);
  }
}
