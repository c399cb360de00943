import { Injectable } from '@nestjs/common';
import {
  AgencyRatingsPage,
  Caller,
  DomainError,
  FeedbackErrors,
  Events,
  OfficerRatingsQuery,
  RateDossierInput,
  RatingView,
  isRateableStatus,
} from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import type { OnBehalfOf } from '../neighbours/neighbour-clients';
import { ownDossier, requireOfficer, wrongStatus } from '../dossiers/dossier-access';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { mapAgencyRatingView, mapRatingView } from './ratings.dto';
import { RatingsRepository } from './ratings.repository';

const DEFAULT_PAGE_SIZE = 20;

/** Đánh giá mức độ hài lòng: the applicant rates a finished dossier once; its agency reads it. */
@Injectable()
export class RatingsService {
  constructor(
    private readonly ratings: RatingsRepository,
    private readonly dossiers: DossiersRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async rate(caller: Caller, input: RateDossierInput, on: OnBehalfOf): Promise<RatingView> {
    const rating = await this.unitOfWork.run(on.correlationId, async ({ manager, publish }) => {
      const d = ownDossier(caller, await this.dossiers.lock(manager, input.dossierId));
      if (!isRateableStatus(d.status)) {
        throw wrongStatus(FeedbackErrors.notRateable, d.status);
      }
      const saved = await this.ratings.insert(manager, {
        dossierId: d.id,
        applicantId: caller.accountId,
        agencyCode: d.agencyCode,
        score: input.score,
        criteria: { ...input.criteria },
        comment: input.comment?.trim() || null,
        ratedAt: new Date(),
      });
      if (!saved) throw new DomainError(FeedbackErrors.alreadyRated);
      await publish({
        type: Events.dossierRated,
        data: {
          dossierId: d.id,
          code: d.code!,
          agencyCode: d.agencyCode,
          procedureCode: d.procedure.code,
          score: saved.score,
          criteria: saved.criteria,
          at: saved.ratedAt.toISOString(),
        },
      });
      return saved;
    });
    return mapRatingView(rating);
  }

  /** Ratings of the officer's agencies (an agency not theirs lists nothing). */
  async forAgencies(caller: Caller, query: OfficerRatingsQuery): Promise<AgencyRatingsPage> {
    requireOfficer(caller);
    const agencies = query.agency
      ? caller.agencies.filter((a) => a === query.agency)
      : caller.agencies;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { from, to } = periodRange(query.period);
    const { rows, total, averageScore } = await this.ratings.listForAgencies({
      agencies,
      score: query.score ?? null,
      from,
      to,
      page,
      pageSize,
    });
    return { items: rows.map(mapAgencyRatingView), total, page, pageSize, averageScore };
  }
}

/** A month `YYYY-MM` in Vietnam time, as [from, to). */
function periodRange(period: string | undefined): { from: Date | null; to: Date | null } {
  if (!period) return { from: null, to: null };
  const [year, month] = period.split('-').map(Number);
  const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
  return {
    from: new Date(`${period}-01T00:00:00+07:00`),
    to: new Date(`${next}-01T00:00:00+07:00`),
  };
}
