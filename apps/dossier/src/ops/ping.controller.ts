import { Controller } from '@nestjs/common';
import { DossierRpc } from '@dvc/contracts';
import { RpcHandler } from '@dvc/messaging';

/** Round trip through the RPC queue, for the gateway's readiness check. */
@Controller()
export class PingController {
  @RpcHandler(DossierRpc.ping)
  ping(): { ok: true } {
    return { ok: true };
  }
}
