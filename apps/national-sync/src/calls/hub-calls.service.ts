import { Injectable } from '@nestjs/common';
import {
  AuthErrors,
  Caller,
  DomainError,
  FailedHubCallView,
  HubCallKind,
  NationalSyncErrors,
  NationalSyncSummary,
  Page,
  RetriedHubCallView,
} from '@dvc/contracts';
import { HubCallDispatcher } from './hub-call-dispatcher';
import { HubCallRow, HubCallsRepository } from './hub-calls.repository';

/** What an administrator sees of the sync with the hub, and the one thing they may do: retry. */
@Injectable()
export class HubCallsService {
  constructor(
    private readonly calls: HubCallsRepository,
    private readonly dispatcher: HubCallDispatcher,
  ) {}

  async summary(caller: Caller | null): Promise<NationalSyncSummary> {
    assertAdmin(caller);
    const counts = await this.calls.counts();
    return {
      pending: counts.pending,
      failed: counts.failed,
      lastSyncedAt: counts.lastSyncedAt?.toISOString() ?? null,
      oldestPendingAt: counts.oldestPendingAt?.toISOString() ?? null,
    };
  }

  async failed(
    caller: Caller | null,
    query: { page?: number; pageSize?: number },
  ): Promise<Page<FailedHubCallView>> {
    assertAdmin(caller);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total } = await this.calls.failed(page, pageSize);
    return { items: rows.map(mapFailedCall), total, page, pageSize };
  }

  /** Puts a parked call back at the head of its dossier's queue with a fresh retry budget. */
  async retry(caller: Caller | null, id: string): Promise<RetriedHubCallView> {
    assertAdmin(caller);
    if (!(await this.calls.requeue(id))) {
      throw new DomainError(NationalSyncErrors.callNotFound);
    }
    this.dispatcher.kick();
    return { id, status: 'pending' };
  }
}

export function assertAdmin(caller: Caller | null): void {
  if (!caller) throw new DomainError(AuthErrors.required);
  if (!caller.roles?.includes('admin')) throw new DomainError(AuthErrors.adminRequired);
}

function mapFailedCall(row: HubCallRow): FailedHubCallView {
  return {
    id: row.id,
    dossierCode: row.dossier_code,
    kind: row.kind as HubCallKind,
    statusCode: row.status_code,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
  };
}
