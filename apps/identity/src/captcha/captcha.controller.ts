import { Controller } from '@nestjs/common';
import { CaptchaView, IdentityRpc } from '@dvc/contracts';
import { RpcHandler } from '@dvc/messaging';
import { CaptchaService } from './captcha.service';

@Controller()
export class CaptchaController {
  constructor(private readonly captcha: CaptchaService) {}

  @RpcHandler(IdentityRpc.captcha)
  create(): Promise<CaptchaView> {
    return this.captcha.create();
  }
}
