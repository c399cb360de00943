import { Inject, Injectable } from '@nestjs/common';
import { Caller, IdentityRpc, RpcQueues } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { PaymentConfig } from '../payment.config';

export const IDENTITY_RPC = Symbol('IDENTITY_RPC');

export const identityClient = {
  provide: IDENTITY_RPC,
  inject: [PaymentConfig],
  useFactory: (config: PaymentConfig) =>
    new RpcClient('identity', RpcQueues.identity, config.AMQP_URL, config.RPC_TIMEOUT_MS),
};

/** Who paid, as identity knows the account: the name printed on the receipt. */
export abstract class PayerDirectory {
  abstract nameOf(caller: Caller, correlationId: string | null): Promise<string>;
}

@Injectable()
export class RpcPayerDirectory extends PayerDirectory {
  constructor(@Inject(IDENTITY_RPC) private readonly identity: RpcClient) {
    super();
  }

  async nameOf(caller: Caller, correlationId: string | null): Promise<string> {
    const profile = await this.identity.send(IdentityRpc.getProfile, {
      caller,
      correlationId,
      data: {},
    });
    return profile.fullName;
  }
}
