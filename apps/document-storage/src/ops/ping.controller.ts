import { Controller } from '@nestjs/common';
import { StorageRpc } from '@dvc/contracts';
import { RpcHandler } from '@dvc/messaging';

/** Round trip through the RPC queue, for the gateway's readiness check. */
@Controller()
export class PingController {
  @RpcHandler(StorageRpc.ping)
  ping(): { ok: true } {
    return { ok: true };
  }
}
