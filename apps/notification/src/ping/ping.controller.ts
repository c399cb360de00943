import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { NotificationRpc } from '@dvc/contracts';

@Controller()
export class PingController {
  /** Lets the gateway check that this service answers on its RPC queue. */
  @MessagePattern(NotificationRpc.ping)
  ping(): { ok: true } {
    return { ok: true };
  }
}
