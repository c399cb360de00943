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
  DossierStatus,
  RpcRequest,
  AuthErrors,
  DomainError,
} from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import { RpcHandler, RpcInput, requireCaller } from '@dvc/messaging';
import type { DB } from '../database/db.generated';

/** Statuses that settle a dossier: result ready, refused, stopped. */
const SETTLED = [DossierStatus.RESULT_READY, DossierStatus.REFUSED, DossierStatus.STOPPED];

/**
 * Chỉ số của cơ quan: received, settled, on time and overdue, by procedure and month of
 * receipt. A dossier's settling time is its first history row into a settled status; on
 * time means no later than the due date it had then.
 */
@Injectable()
export class AgencyStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async rows(agencies: string[] | null, from: Date, to: Date): Promise<AgencyStatsRow[]> {
    const settled = sql<number>`ANY(${SETTLED}::smallint[])`;
    const rows = await kyselyOf<DB>(this.dataSource.manager)
      .with('d', (db) =>
        db
          .selectFrom('dossiers as d')
          .select((eb) => [
            'd.procedure_code',
            sql<string>`d.procedure->>'name'`.as('procedure_name'),
            'd.received_at',
            // An apology moves the due date, not the promise: on time means by the first one.
            sql<Date | null>`COALESCE(d.original_due_at, d.due_at)`.as('due_at'),
            eb
              .selectFrom('status_history as h')
              .select((h) => h.fn.min('h.at').as('at'))
              .whereRef('h.dossier_id', '=', 'd.id')
              .where('h.to_status', '=', settled)
              .as('settled_at'),
          ])
          .where('d.received_at', '>=', from)
          .where('d.received_at', '<', to)
          .$if(agencies !== null, (q) =>
            q.where('d.agency_code', '=', sql<string>`ANY(${agencies}::text[])`),
          ),
      )
      .selectFrom('d')
      .select((eb) => [
        sql<string>`to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM')`.as('month'),
        'procedure_code',
        eb.fn.max('procedure_name').as('procedure_name'),
        sql<number>`count(*)::int`.as('received'),
        sql<number>`count(*) FILTER (WHERE settled_at IS NOT NULL)::int`.as('finished'),
        sql<number>`count(*) FILTER (WHERE settled_at IS NOT NULL
          AND (due_at IS NULL OR settled_at <= due_at))::int`.as('on_time'),
        sql<number>`count(*) FILTER (WHERE due_at IS NOT NULL
          AND COALESCE(settled_at, now()) > due_at)::int`.as('overdue'),
        sql<number>`count(*) FILTER (WHERE settled_at IS NULL)::int`.as('in_progress'),
      ])
      .groupBy([sql`1`, sql`2`])
      .orderBy(sql`1`)
      .orderBy(sql`2`)
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
