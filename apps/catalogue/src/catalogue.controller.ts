import { Controller } from '@nestjs/common';
import { CatalogueRpc } from '@dvc/contracts';
import { RpcHandler } from '@dvc/messaging';

@Controller()
export class CatalogueController {
  /** Answers as soon as the RPC server takes requests (used by the gateway's readiness). */
  @RpcHandler(CatalogueRpc.ping)
  ping(): { ok: true } {
    return { ok: true };
  }
}
