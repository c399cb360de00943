import { Controller, Injectable } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { sql } from 'kysely';
import { DataSource } from 'typeorm';
import {
  AgencyStatsQuery,
  AgencyStatsRow,
  AgencyStatsView,
  Caller,
  DossierRpc,
  RpcRequest,
  AuthErrors,
  DomainError,
} from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import { RpcHandler, RpcInput, requireCaller } from '@dvc/messaging';
import type { DB } from '../database/db.generated';
import { SETTLED } from './status-tallies';

/** `YYYY-MM-DD` of the instant in Vietnam (UTC+7, no daylight saving). */
const vietnamDayOf = (at: Date) =>
  new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const DAY_MS = 86_400_000;

/**
 * Chỉ số của cơ quan: received, settled, on time and overdue, by procedure and month of
 * receipt. A dossier's settling time is its first entry into a settled status; on time means
 * no later than the due date it had then. Everything but "overdue and not settled yet" is
 * summed from the daily tallies the status changes keep (agency_stats_days, D291); that part
 * changes with the clock and is counted live from the index of unsettled dossiers.
 */
@Injectable()
export class AgencyStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `from` is a midnight in Vietnam; so is `to`, or it is later than any receipt (the default,
   * tomorrow), and then its whole day counts: no dossier is received after now.
   */
  async rows(agencies: string[] | null, from: Date, to: Date): Promise<AgencyStatsRow[]> {
    const firstDay = vietnamDayOf(from);
    const endDay = vietnamDayOf(
      new Date(to.getTime() + ((to.getTime() + 7 * 3_600_000) % DAY_MS === 0 ? 0 : DAY_MS)),
    );
    const db = kyselyOf<DB>(this.dataSource.manager);
    // The partial index's predicate, as literals, so that the planner can use it.
    const unsettled = sql.raw(`status NOT IN (${SETTLED.join(', ')})`);
    const rows = await db
      .with('t', (w) =>
        w
          .selectFrom('agency_stats_days')
          .select((eb) => [
            sql<string>`to_char(day, 'YYYY-MM')`.as('month'),
            'procedure_code',
            eb.fn.max('procedure_name').as('procedure_name'),
            sql<number>`sum(received)::int`.as('received'),
            sql<number>`sum(finished)::int`.as('finished'),
            sql<number>`sum(on_time)::int`.as('on_time'),
          ])
          .where('day', '>=', sql<Date>`${firstDay}::date`)
          .where('day', '<', sql<Date>`${endDay}::date`)
          .$if(agencies !== null, (q) =>
            q.where('agency_code', '=', sql<string>`ANY(${agencies}::text[])`),
          )
          .groupBy([sql`1`, 'procedure_code']),
      )
      .with('late', (w) =>
        w
          .selectFrom('dossiers')
          .select([
            sql<string>`to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')`.as(
              'month',
            ),
            'procedure_code',
            sql<number>`count(*)::int`.as('n'),
          ])
          .where(sql<boolean>`${unsettled}`)
          .where('received_at', 'is not', null)
          .where('received_at', '>=', from)
          .where('received_at', '<', to)
          .where(sql<boolean>`COALESCE(original_due_at, due_at) < now()`)
          .$if(agencies !== null, (q) =>
            q.where('agency_code', '=', sql<string>`ANY(${agencies}::text[])`),
          )
          .groupBy([sql`1`, 'procedure_code']),
      )
      .selectFrom('t')
      .leftJoin('late', (j) =>
        j.onRef('late.month', '=', 't.month').onRef('late.procedure_code', '=', 't.procedure_code'),
      )
      .select([
        't.month',
        't.procedure_code',
        't.procedure_name',
        't.received',
        't.finished',
        't.on_time',
        sql<number>`t.finished - t.on_time + COALESCE(late.n, 0)`.as('overdue'),
        sql<number>`t.received - t.finished`.as('in_progress'),
      ])
      .orderBy('t.month')
      .orderBy('t.procedure_code')
      .execute();
    return rows.map((r) => ({
      month: String(r.month),
      procedureCode: String(r.procedure_code),
      procedureName: String(r.procedure_name),
      received: Number(r.received),
      finished: Number(r.finished),
      onTime: Number(r.on_time),
      overdue: Number(r.overdue),
      inProgress: Number(r.in_progress),
    }));
  }
}

@Injectable()
export class AgencyStatsService {
  constructor(private readonly repository: AgencyStatsRepository) {}

  async stats(caller: Caller, query: AgencyStatsQuery, now = new Date()): Promise<AgencyStatsView> {
    const agencies = this.scope(caller, query.agency);
    const from = query.from
      ? new Date(`${query.from}T00:00:00+07:00`)
      : new Date(`${now.getUTCFullYear()}-01-01T00:00:00+07:00`);
    const to = query.to
      ? new Date(`${query.to}T00:00:00+07:00`)
      : new Date(now.getTime() + 86_400_000);
    const rows = await this.repository.rows(agencies, from, to);
    const sum = (key: keyof Omit<AgencyStatsRow, 'month' | 'procedureCode' | 'procedureName'>) =>
      rows.reduce((total, row) => total + row[key], 0);
    const finished = sum('finished');
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      agencies: agencies ?? 'all',
      totals: {
        received: sum('received'),
        finished,
        onTime: sum('onTime'),
        overdue: sum('overdue'),
        inProgress: sum('inProgress'),
        onTimeRate: finished > 0 ? Number((sum('onTime') / finished).toFixed(4)) : null,
      },
      rows,
    };
  }

  /** Officers see their own agencies; admins every agency, or the one they name. */
  private scope(caller: Caller, agency: string | undefined): string[] | null {
    if (caller.roles.includes('admin')) return agency ? [agency] : null;
    if (!caller.roles.includes('officer')) {
      throw new DomainError(AuthErrors.officerRequired);
    }
    if (agency && !caller.agencies.includes(agency)) return [];
    return agency ? [agency] : caller.agencies;
  }
}

@Controller()
export class AgencyStatsController {
  constructor(private readonly stats: AgencyStatsService) {}

  @RpcHandler(DossierRpc.officerStats)
  get(
    @Payload(new RpcInput(AgencyStatsQuery)) req: RpcRequest<AgencyStatsQuery>,
  ): Promise<AgencyStatsView> {
    return this.stats.stats(requireCaller(req), req.data);
  }
}
