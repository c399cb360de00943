import { Inject, Injectable } from '@nestjs/common';
import { IdentityRpc } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { IDENTITY_RPC, OnBehalfOf } from './neighbour-clients';

/** Identity keeps the captchas: an anonymous form is checked there (400 when wrong). */
export abstract class CaptchaChecker {
  abstract consume(captchaId: string, captchaAnswer: string, on: OnBehalfOf): Promise<void>;
}

@Injectable()
export class RpcCaptchaChecker extends CaptchaChecker {
  constructor(@Inject(IDENTITY_RPC) private readonly identity: RpcClient) {
    super();
  }

  async consume(captchaId: string, captchaAnswer: string, on: OnBehalfOf): Promise<void> {
    await this.identity.send(IdentityRpc.consumeCaptcha, {
      ...on,
      data: { captchaId, captchaAnswer },
    });
  }
}
