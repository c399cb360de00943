import type { RpcInputOf, RpcPattern, RpcRequest, RpcResultOf } from '@dvc/contracts';
import {
  BrokerUnavailableError,
  RemoteProblemError,
  RpcClient,
  RpcTimeoutError,
} from '@dvc/messaging';
import { rpcDuration } from '@dvc/observability';
import type { CallContext } from './call-context';

/**
 * Sends one request to a service on behalf of an HTTP request: wraps the input in the
 * RpcRequest envelope (caller, correlation id, client IP) and records the round trip in
 * `rpc_request_duration_seconds`. The pattern decides the input and the result (RpcContract).
 * Errors pass through untouched for the problem filter.
 */
export async function sendRpc<P extends RpcPattern>(
  client: RpcClient,
  pattern: P,
  context: CallContext,
  data: RpcInputOf<P>,
): Promise<RpcResultOf<P>> {
  const request: RpcRequest<RpcInputOf<P>> = {
    caller: context.caller,
    correlationId: context.requestId,
    ip: context.ip,
    data,
  };
  const stop = rpcDuration.startTimer({ service: client.service, pattern });
  try {
    const result = await client.send(pattern, request);
    stop({ outcome: 'ok' });
    return result;
  } catch (err) {
    stop({ outcome: outcomeOf(err) });
    throw err;
  }
}

function outcomeOf(err: unknown): string {
  if (err instanceof RpcTimeoutError) return 'timeout';
  if (err instanceof BrokerUnavailableError) return 'unavailable';
  if (err instanceof RemoteProblemError) return err.status >= 500 ? 'remote_failure' : 'rejected';
  return 'failure';
}
