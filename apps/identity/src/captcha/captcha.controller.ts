import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CaptchaView, ConsumeCaptchaInput, IdentityRpc, RpcRequest } from '@dvc/contracts';
import { RpcHandler, RpcInput } from '@dvc/messaging';
import { CaptchaService } from './captcha.service';

@Controller()
export class CaptchaController {
  constructor(private readonly captcha: CaptchaService) {}

  @RpcHandler(IdentityRpc.captcha)
  create(): Promise<CaptchaView> {
    return this.captcha.create();
  }

  /** For other services' anonymous forms (PAKN): one answer per captcha, right or wrong. */
  @RpcHandler(IdentityRpc.consumeCaptcha)
  async consume(
    @Payload(new RpcInput(ConsumeCaptchaInput)) req: RpcRequest<ConsumeCaptchaInput>,
  ): Promise<{ ok: true }> {
    await this.captcha.consume(req.data.captchaId, req.data.captchaAnswer);
    return { ok: true };
  }
}
