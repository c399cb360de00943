import { Injectable } from '@nestjs/common';
import { sql, type Selectable } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { RatingCriteria } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB, Ratings } from '../database/db.generated';
import type { AgencyRating, AgencyRatingsFilter, Rating } from './ratings.dto';

const toRating = (r: Selectable<Ratings>): Rating => ({
  dossierId: r.dossier_id,
  applicantId: r.applicant_id,
  agencyCode: r.agency_code,
  score: Number(r.score),
  criteria: r.criteria as RatingCriteria,
  comment: r.comment,
  ratedAt: r.rated_at,
});

/** ratings: one row per rated dossier. */
@Injectable()
export class RatingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    dossierId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Rating | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('ratings')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .executeTakeFirst();
    return row ? toRating(row) : null;
  }

  /** The new rating, or null when the dossier has one already. */
  async insert(manager: EntityManager, r: Rating): Promise<Rating | null> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('ratings')
      .values({
        dossier_id: r.dossierId,
        applicant_id: r.applicantId,
        agency_code: r.agencyCode,
        score: r.score,
        criteria: JSON.stringify(r.criteria),
        comment: r.comment,
        rated_at: r.ratedAt,
      })
      .onConflict((oc) => oc.column('dossier_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    return row ? toRating(row) : null;
  }

  /** An agency's ratings, newest first, with the mean score of all that match. */
  async listForAgencies(
    f: AgencyRatingsFilter,
  ): Promise<{ rows: AgencyRating[]; total: number; averageScore: number | null }> {
    if (f.agencies.length === 0) return { rows: [], total: 0, averageScore: null };
    const db = kyselyOf<DB>(this.dataSource.manager);
    let matching = db.selectFrom('ratings as r').where('r.agency_code', 'in', f.agencies);
    if (f.score !== null) matching = matching.where('r.score', '=', f.score);
    if (f.from) matching = matching.where('r.rated_at', '>=', f.from);
    if (f.to) matching = matching.where('r.rated_at', '<', f.to);
    const [rows, summary] = await Promise.all([
      matching
        .innerJoin('dossiers as d', 'd.id', 'r.dossier_id')
        .selectAll('r')
        .select(['d.code as dossier_code', 'd.procedure_code'])
        .select(sql<string>`d.procedure->>'name'`.as('procedure_name'))
        .orderBy('r.rated_at', 'desc')
        .orderBy('r.dossier_id')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
      matching
        .select((eb) => [
          eb.fn.countAll<string>().as('total'),
          eb.fn.avg<string | null>('r.score').as('average'),
        ])
        .executeTakeFirstOrThrow(),
    ]);
    return {
      rows: rows.map((r) => ({
        ...toRating(r),
        dossierCode: r.dossier_code ?? '',
        procedureCode: r.procedure_code,
        procedureName: String(r.procedure_name ?? ''),
      })),
      total: Number(summary.total),
      averageScore:
        summary.average === null ? null : Math.round(Number(summary.average) * 100) / 100,
    };
  }
}
