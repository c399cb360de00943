import { Controller } from '@nestjs/common';
import { NotificationRpc } from '@dvc/contracts';
import { RpcHandler } from '@dvc/messaging';

@Controller()
export class PingController {
  /** Lets the gateway check that this service answers on its RPC queue. */
  @RpcHandler(NotificationRpc.ping)
  ping(): { ok: true } {
    return { ok: true };
  }
}
