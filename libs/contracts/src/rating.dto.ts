import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CodeNameView } from './catalogue.dto';
import { PageCounts, PageQuery, type Page } from './page';

/** Đánh giá mức độ hài lòng: the statuses from which the applicant may rate a dossier. */
export const RATEABLE_STATUSES = ['RESULT_READY', 'RETURNED'] as const;

const score = (description: string) =>
  ApiPropertyOptional({ description, minimum: 1, maximum: 5, type: 'integer' });

/** Optional scores per criterion (1–5), the named ones of the satisfaction survey only. */
export class RatingCriteriaDto {
  @score('Thời gian giải quyết / Processing time')
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  timeliness?: number;

  @score('Thái độ của cán bộ / Officer courtesy')
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  courtesy?: number;

  @score('Hướng dẫn, giải thích / Guidance')
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  guidance?: number;

  @score('Công khai, minh bạch / Transparency')
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  transparency?: number;
}

export type RatingCriteria = Pick<
  RatingCriteriaDto,
  'timeliness' | 'courtesy' | 'guidance' | 'transparency'
>;

/** `POST /dossiers/:id/rating`. */
export class RateDossierDto {
  @ApiProperty({ minimum: 1, maximum: 5, type: 'integer', example: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @ApiPropertyOptional({ type: RatingCriteriaDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatingCriteriaDto)
  criteria?: RatingCriteriaDto;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

/** RPC input of `dossier.rate`: the route's id travels in the input. */
export class RateDossierInput extends RateDossierDto {
  @IsUUID()
  dossierId: string;
}

/** `GET /officer/ratings`. */
export class OfficerRatingsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Mã cơ quan (one of the officer’s agencies)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  agency?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  score?: number;

  @ApiPropertyOptional({ description: 'Tháng đánh giá YYYY-MM', example: '2026-11' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/)
  period?: string;
}

export class RatingView {
  @ApiProperty({ minimum: 1, maximum: 5, type: 'integer' })
  score!: number;

  @ApiProperty({ type: RatingCriteriaDto })
  criteria!: RatingCriteria;

  @ApiProperty({ type: String, nullable: true })
  comment!: string | null;

  @ApiProperty({ format: 'date-time' })
  ratedAt!: string;
}

/** A rating as the agency's officers see it: the dossier, never the applicant's identity. */
export class AgencyRatingView extends RatingView {
  @ApiProperty({ format: 'uuid' })
  dossierId!: string;

  @ApiProperty()
  dossierCode!: string;

  @ApiProperty({ type: CodeNameView })
  procedure!: CodeNameView;

  @ApiProperty()
  agencyCode!: string;
}

export class AgencyRatingsPage extends PageCounts implements Page<AgencyRatingView> {
  @ApiProperty({ type: [AgencyRatingView] })
  items!: AgencyRatingView[];

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Mean score of every rating the filters match (not only this page); null when none',
  })
  averageScore!: number | null;
}

/** `dossier.rated`: once per dossier, when its applicant rates it. */
export interface DossierRatedEvent {
  dossierId: string;
  code: string;
  agencyCode: string;
  procedureCode: string;
  score: number;
  criteria: RatingCriteria;
  at: string;
}

export const isRateableStatus = (status: string): boolean =>
  (RATEABLE_STATUSES as readonly string[]).includes(status);
