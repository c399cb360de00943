import { MessagePattern } from '@nestjs/microservices';
import type { RpcInputOf, RpcPattern, RpcRequest, RpcResultOf } from '@dvc/contracts';

/** A method that answers `P`: it accepts the contract's request and answers its result. */
export type RpcMethod<P extends RpcPattern> = (
  request: RpcRequest<RpcInputOf<P>>,
) => RpcResultOf<P> | Promise<RpcResultOf<P>>;

/**
 * `@MessagePattern` checked against the RPC contract: a handler whose request or result
 * does not fit what RpcContract says of `pattern` does not compile.
 */
export function RpcHandler<P extends RpcPattern>(pattern: P) {
  const messagePattern = MessagePattern(pattern);
  return <M extends RpcMethod<P>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    messagePattern(target, key, descriptor);
  };
}
