import { Caller, RpcRequest, StorageErrors, DomainError } from '@dvc/contracts';
import { requireCaller } from '@dvc/messaging';

/**
 * Who asks: a signed-in account, or another service (no caller, `internal: true`). The flag
 * means nothing when a caller is present, so a citizen cannot claim to be a service.
 */
export type Requester = { kind: 'account'; caller: Caller } | { kind: 'service' };

export function requesterOf(request: RpcRequest<{ internal?: boolean }>): Requester {
  if (request.caller === null && request.data?.internal === true) return { kind: 'service' };
  return { kind: 'account', caller: requireCaller(request) };
}

/** For what only another service may do (hand out presigned URLs, finalize them). */
export function assertService(requester: Requester): void {
  if (requester.kind !== 'service') {
    throw new DomainError(StorageErrors.serviceOnly);
  }
}
