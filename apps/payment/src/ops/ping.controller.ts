import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { PaymentRpc } from '@dvc/contracts';

/** Round trip through the RPC queue, for the gateway's readiness check. */
@Controller()
export class PingController {
  @MessagePattern(PaymentRpc.ping)
  ping(): { ok: true } {
    return { ok: true };
  }
}
