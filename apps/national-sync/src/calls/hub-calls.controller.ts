import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  FailedHubCallView,
  HubCallRef,
  ListFailedHubCallsQuery,
  NationalSyncRpc,
  NationalSyncSummary,
  NoInput,
  Page,
  RetriedHubCallView,
  RpcRequest,
} from '@dvc/contracts';
import { RpcHandler, RpcInput } from '@dvc/messaging';
import { HubCallsService } from './hub-calls.service';

@Controller()
export class HubCallsController {
  constructor(private readonly calls: HubCallsService) {}

  @RpcHandler(NationalSyncRpc.summary)
  summary(@Payload() req: RpcRequest<NoInput>): Promise<NationalSyncSummary> {
    return this.calls.summary(req.caller);
  }

  @RpcHandler(NationalSyncRpc.listFailed)
  failed(
    @Payload(new RpcInput(ListFailedHubCallsQuery)) req: RpcRequest<ListFailedHubCallsQuery>,
  ): Promise<Page<FailedHubCallView>> {
    return this.calls.failed(req.caller, req.data);
  }

  @RpcHandler(NationalSyncRpc.retryFailed)
  retry(
    @Payload(new RpcInput(HubCallRef)) req: RpcRequest<HubCallRef>,
  ): Promise<RetriedHubCallView> {
    return this.calls.retry(req.caller, req.data.id);
  }

  /** Lets the gateway check that this service answers on its RPC queue. */
  @RpcHandler(NationalSyncRpc.ping)
  ping(): { ok: true } {
    return { ok: true };
  }
}
