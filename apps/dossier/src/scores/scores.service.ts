import { Injectable } from '@nestjs/common';
import type {
  AgencyScoreCounts,
  AgencyScoreFigures,
  AgencyScoreView,
  Caller,
  OfficerScoresQuery,
  OfficerScoresView,
  PublicScoresQuery,
  ScoresView,
} from '@dvc/contracts';
import { requireOfficer } from '../dossiers/dossier-access';
import { ProcedureDirectory } from '../neighbours/procedure-directory';
import { ScoresRepository } from './scores.repository';
import { ratesOf, vietnamMonthOf } from './score-fact';

const NO_COUNTS: AgencyScoreCounts = {
  dossiers: 0,
  onTime: 0,
  fullyOnline: 0,
  withFee: 0,
  paidOnline: 0,
  withResult: 0,
  eResult: 0,
  ratings: 0,
  satisfied: 0,
  scoreSum: 0,
};

/**
 * Đánh giá chất lượng phục vụ: each agency's month read from the read model the events keep
 * (one row an agency), with the catalogue's names. Every agency of the catalogue is listed,
 * with no dossiers and no rates when it settled none that month.
 */
@Injectable()
export class ScoresService {
  constructor(
    private readonly scores: ScoresRepository,
    private readonly procedures: ProcedureDirectory,
  ) {}

  async publicScores(query: PublicScoresQuery, now = new Date()): Promise<ScoresView> {
    const period = query.period ?? vietnamMonthOf(now);
    const agencies = query.agency ? [query.agency] : null;
    const figures = await this.figures(period, agencies);
    return { period, items: figures.map(({ counts: _counts, ...view }) => view) };
  }

  /** The officer's own agencies (an administrator's: every agency), with the counts. */
  async officerScores(
    caller: Caller,
    query: OfficerScoresQuery,
    now = new Date(),
  ): Promise<OfficerScoresView> {
    const period = query.period ?? vietnamMonthOf(now);
    const admin = caller.roles.includes('admin');
    if (!admin) requireOfficer(caller);
    return { period, items: await this.figures(period, admin ? null : caller.agencies) };
  }

  private async figures(period: string, only: string[] | null): Promise<AgencyScoreFigures[]> {
    const [catalogue, rows] = await Promise.all([
      this.procedures.agencies(),
      this.scores.month(period, only),
    ]);
    const names = new Map(catalogue.map((a) => [a.code, a.name]));
    const counts = new Map(rows.map((r) => [r.agencyCode, r.counts]));
    const codes = new Set([...catalogue.map((a) => a.code), ...counts.keys()]);
    return [...codes]
      .filter((code) => only === null || only.includes(code))
      .filter((code) => names.has(code) || (counts.get(code)?.dossiers ?? 0) > 0)
      .sort((a, b) => a.localeCompare(b))
      .map((code) => {
        const c = counts.get(code) ?? NO_COUNTS;
        const view: AgencyScoreView = {
          agency: { code, name: names.get(code) ?? code },
          ...ratesOf(c),
        };
        return { ...view, counts: c };
      });
  }
}
