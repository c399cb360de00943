import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { CatalogueRpc } from '@dvc/contracts';

@Controller()
export class CatalogueController {
  /** Answers as soon as the RPC server takes requests (used by the gateway's readiness). */
  @MessagePattern(CatalogueRpc.ping)
  ping(): { ok: true } {
    return { ok: true };
  }
}
