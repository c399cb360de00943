import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { CaptchaView, IdentityRpc } from '@dvc/contracts';
import { CaptchaService } from './captcha.service';

@Controller()
export class CaptchaController {
  constructor(private readonly captcha: CaptchaService) {}

  @MessagePattern(IdentityRpc.captcha)
  create(): Promise<CaptchaView> {
    return this.captcha.create();
  }
}
