import type { Caller, RpcRequest } from '@dvc/contracts';
import type { OnBehalfOf } from '../neighbours/neighbour-clients';

/** Who calls to neighbours are made for: this caller, under this correlation id. */
export function onBehalfOf(request: RpcRequest<unknown>, caller: Caller | null): OnBehalfOf {
  return {
    caller,
    correlationId: typeof request?.correlationId === 'string' ? request.correlationId : null,
  };
}
