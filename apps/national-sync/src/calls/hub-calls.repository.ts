import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { HubCallKind } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB, HubCalls } from '../database/db.generated';
import type { HubCallDraft, HubRecord } from '../hub/hub-messages';

export type HubCallRow = Selectable<HubCalls>;

/** A call as the dispatcher sends it. */
export interface QueuedHubCall {
  id: string;
  dossierCode: string;
  kind: HubCallKind;
  service: string;
  isUpdating: boolean;
  record: HubRecord;
  attempts: number;
}

/** What is stored of a call: the record to send and whether it updates one. */
interface StoredPayload {
  isUpdating: boolean;
  record: HubRecord;
}

export interface HubCallCounts {
  pending: number;
  failed: number;
  lastSyncedAt: Date | null;
  oldestPendingAt: Date | null;
}

/** hub_calls: the only place that touches it. */
@Injectable()
export class HubCallsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db() {
    return kyselyOf<DB>(this.dataSource.manager);
  }

  /** Queues the calls of one event, in order; a call already queued (same id) is left as it is. */
  async queue(
    manager: EntityManager,
    dossier: { id: string; code: string },
    eventAt: string,
    drafts: HubCallDraft[],
    settleMs: number,
  ): Promise<number> {
    if (drafts.length === 0) return 0;
    const rows = await kyselyOf<DB>(manager)
      .insertInto('hub_calls')
      .values(
        drafts.map((d) => ({
          id: d.id,
          dossier_id: dossier.id,
          dossier_code: dossier.code,
          kind: d.kind,
          service: d.service,
          status_code: d.statusCode,
          payload: JSON.stringify({ isUpdating: d.isUpdating, record: d.record }),
          event_at: eventAt,
          due_at: sql<Date>`now() + make_interval(secs => ${settleMs / 1000})`,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    return rows.length;
  }

  /**
   * Calls that may go now: of each dossier, its first call not yet accepted, when it is pending
   * and due. A parked (failed) first call holds back the dossier's later ones.
   */
  async due(limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom((eb) =>
        eb
          .selectFrom('hub_calls')
          .distinctOn('dossier_code')
          .select(['id', 'status', 'due_at'])
          .where('status', '<>', 'sent')
          .orderBy('dossier_code')
          .orderBy('event_at')
          .orderBy('seq')
          .as('heads'),
      )
      .select('id')
      .where('status', '=', 'pending')
      .where('due_at', '<=', sql<Date>`now()`)
      .orderBy('due_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Locks a pending call for its attempt; undefined when another instance has it or it went. */
  async claim(manager: EntityManager, id: string): Promise<QueuedHubCall | undefined> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('hub_calls')
      .selectAll()
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) return undefined;
    const payload = row.payload as unknown as StoredPayload;
    return {
      id: row.id,
      dossierCode: row.dossier_code,
      kind: row.kind as HubCallKind,
      service: row.service,
      isUpdating: payload.isUpdating,
      record: payload.record,
      attempts: row.attempts,
    };
  }

  async markSent(manager: EntityManager, id: string): Promise<void> {
    await kyselyOf<DB>(manager)
      .updateTable('hub_calls')
      .set({
        status: 'sent',
        attempts: (eb) => eb('attempts', '+', 1),
        sent_at: sql<Date>`now()`,
        last_attempt_at: sql<Date>`now()`,
        last_error: null,
      })
      .where('id', '=', id)
      .execute();
  }

  /** One more failed attempt: retried after `retryInMs`, or parked when that is null. */
  async markAttemptFailed(
    manager: EntityManager,
    id: string,
    error: string,
    retryInMs: number | null,
  ): Promise<void> {
    await kyselyOf<DB>(manager)
      .updateTable('hub_calls')
      .set({
        status: retryInMs === null ? 'failed' : 'pending',
        attempts: (eb) => eb('attempts', '+', 1),
        last_error: error.slice(0, 500),
        last_attempt_at: sql<Date>`now()`,
        due_at: sql<Date>`now() + make_interval(secs => ${(retryInMs ?? 0) / 1000})`,
      })
      .where('id', '=', id)
      .execute();
  }

  /** A parked call back in the queue with a fresh budget; false unless it was parked. */
  async requeue(id: string): Promise<boolean> {
    const row = await this.db
      .updateTable('hub_calls')
      .set({ status: 'pending', attempts: 0, due_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async counts(): Promise<HubCallCounts> {
    const row = await this.db
      .selectFrom('hub_calls')
      .select([
        sql<string>`count(*) FILTER (WHERE status = 'pending')`.as('pending'),
        sql<string>`count(*) FILTER (WHERE status = 'failed')`.as('failed'),
        sql<Date | null>`max(sent_at)`.as('last_synced_at'),
        sql<Date | null>`min(created_at) FILTER (WHERE status = 'pending')`.as('oldest_pending_at'),
      ])
      .executeTakeFirstOrThrow();
    return {
      pending: Number(row.pending),
      failed: Number(row.failed),
      lastSyncedAt: row.last_synced_at,
      oldestPendingAt: row.oldest_pending_at,
    };
  }

  /** Parked calls, oldest first. */
  async failed(page: number, pageSize: number): Promise<{ rows: HubCallRow[]; total: number }> {
    const rows = await this.db
      .selectFrom('hub_calls')
      .selectAll()
      .select((eb) => eb.fn.countAll<string>().over().as('total'))
      .where('status', '=', 'failed')
      .orderBy('created_at')
      .orderBy('seq')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute();
    let total = rows.length > 0 ? Number(rows[0].total) : 0;
    if (rows.length === 0 && page > 1) total = (await this.counts()).failed;
    return { rows, total };
  }
}
