import type { AgencyRatingView, RatingCriteria, RatingView } from '@dvc/contracts';

/** Đánh giá mức độ hài lòng of one dossier, as stored. */
export interface Rating {
  dossierId: string;
  applicantId: string;
  agencyCode: string;
  score: number;
  criteria: RatingCriteria;
  comment: string | null;
  ratedAt: Date;
}

/** A rating joined with its dossier's code and procedure, for the agency's list. */
export interface AgencyRating extends Rating {
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
}

export interface AgencyRatingsFilter {
  agencies: string[];
  score: number | null;
  /** [from, to) of the rating time, when a period is asked for. */
  from: Date | null;
  to: Date | null;
  page: number;
  pageSize: number;
}

export function mapRatingView(r: Rating): RatingView {
  return {
    score: r.score,
    criteria: r.criteria,
    comment: r.comment,
    ratedAt: r.ratedAt.toISOString(),
  };
}

export function mapAgencyRatingView(r: AgencyRating): AgencyRatingView {
  return {
    ...mapRatingView(r),
    dossierId: r.dossierId,
    dossierCode: r.dossierCode,
    procedure: { code: r.procedureCode, name: r.procedureName },
    agencyCode: r.agencyCode,
  };
}
