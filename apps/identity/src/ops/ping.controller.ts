import { Controller } from '@nestjs/common';
import { IdentityRpc } from '@dvc/contracts';
import { RpcHandler } from '@dvc/messaging';

/** Round trip through the RPC queue, for the gateway's readiness check. */
@Controller()
export class PingController {
  @RpcHandler(IdentityRpc.ping)
  ping(): { ok: true } {
    return { ok: true };
  }
}
