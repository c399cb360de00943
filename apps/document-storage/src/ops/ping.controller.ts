import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { StorageRpc } from '@dvc/contracts';

/** Round trip through the RPC queue, for the gateway's readiness check. */
@Controller()
export class PingController {
  @MessagePattern(StorageRpc.ping)
  ping(): { ok: true } {
    return { ok: true };
  }
}
