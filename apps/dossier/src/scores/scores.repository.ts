import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { AgencyScoreCounts, DeliveryMethod } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import { ScoreContribution, ScoreFact, emptyFact } from './score-fact';

const COUNT_COLUMNS = {
  dossiers: 'dossiers',
  onTime: 'on_time',
  fullyOnline: 'fully_online',
  withFee: 'with_fee',
  paidOnline: 'paid_online',
  withResult: 'with_result',
  eResult: 'e_result',
  ratings: 'ratings',
  satisfied: 'satisfied',
  scoreSum: 'score_sum',
} as const satisfies Record<keyof AgencyScoreCounts, string>;

export interface AgencyMonthCounts {
  agencyCode: string;
  counts: AgencyScoreCounts;
}

/** score_facts and agency_scores: the read model behind the public scores. */
@Injectable()
export class ScoresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The dossier's fact, locked for this transaction (created empty when it is the first event). */
  async lockFact(
    manager: EntityManager,
    dossierId: string,
    agencyCode: string,
  ): Promise<ScoreFact> {
    const db = kyselyOf<DB>(manager);
    await db
      .insertInto('score_facts')
      .values({ dossier_id: dossierId, agency_code: agencyCode })
      .onConflict((oc) => oc.column('dossier_id').doNothing())
      .execute();
    const r = await db
      .selectFrom('score_facts')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .forUpdate()
      .executeTakeFirst();
    if (!r) return emptyFact(dossierId, agencyCode);
    return {
      dossierId: r.dossier_id,
      agencyCode: r.agency_code,
      dueAt: r.due_at,
      dueSetAt: r.due_set_at,
      settledAt: r.settled_at,
      resultAt: r.result_at,
      deliveryMethod: r.delivery_method as DeliveryMethod | null,
      deliveryAt: r.delivery_at,
      feeRequested: r.fee_requested,
      paidOnline: r.paid_online,
      ratingScore: r.rating_score,
    };
  }

  async saveFact(manager: EntityManager, f: ScoreFact): Promise<void> {
    await kyselyOf<DB>(manager)
      .updateTable('score_facts')
      .set({
        agency_code: f.agencyCode,
        due_at: f.dueAt,
        due_set_at: f.dueSetAt,
        settled_at: f.settledAt,
        result_at: f.resultAt,
        delivery_method: f.deliveryMethod,
        delivery_at: f.deliveryAt,
        fee_requested: f.feeRequested,
        paid_online: f.paidOnline,
        rating_score: f.ratingScore,
      })
      .where('dossier_id', '=', f.dossierId)
      .execute();
  }

  /** Adds (or, negative, takes away) counts of an agency's month. */
  async addCounts(manager: EntityManager, delta: ScoreContribution): Promise<void> {
    const values = Object.fromEntries(
      Object.entries(COUNT_COLUMNS).map(([key, column]) => [
        column,
        delta.counts[key as keyof AgencyScoreCounts],
      ]),
    ) as Record<(typeof COUNT_COLUMNS)[keyof typeof COUNT_COLUMNS], number>;
    await kyselyOf<DB>(manager)
      .insertInto('agency_scores')
      .values({ agency_code: delta.agencyCode, period: delta.period, ...values })
      .onConflict((oc) =>
        oc
          .columns(['period', 'agency_code'])
          .doUpdateSet(
            Object.fromEntries(
              Object.values(COUNT_COLUMNS).map((column) => [
                column,
                sql<number>`agency_scores.${sql.ref(column)} + excluded.${sql.ref(column)}`,
              ]),
            ),
          ),
      )
      .execute();
  }

  /** The counts of one month, every agency (null) or those named. */
  async month(period: string, agencies: string[] | null): Promise<AgencyMonthCounts[]> {
    const rows = await kyselyOf<DB>(this.dataSource.manager)
      .selectFrom('agency_scores')
      .selectAll()
      .where('period', '=', period)
      .$if(agencies !== null, (q) =>
        q.where('agency_code', '=', sql<string>`ANY(${agencies}::text[])`),
      )
      .orderBy('agency_code')
      .execute();
    return rows.map((r) => ({
      agencyCode: r.agency_code,
      counts: {
        dossiers: r.dossiers,
        onTime: r.on_time,
        fullyOnline: r.fully_online,
        withFee: r.with_fee,
        paidOnline: r.paid_online,
        withResult: r.with_result,
        eResult: r.e_result,
        ratings: r.ratings,
        satisfied: r.satisfied,
        scoreSum: r.score_sum,
      },
    }));
  }
}
