import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A month of the Vietnam calendar, `YYYY-MM`. */
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `GET /public/scores`: one month, every agency or one. */
export class PublicScoresQuery {
  @ApiPropertyOptional({
    description: 'Tháng / Month (YYYY-MM); default this month',
    example: '2026-11',
  })
  @IsOptional()
  @Matches(PERIOD, { message: 'period phải có dạng YYYY-MM' })
  period?: string;

  @ApiPropertyOptional({ description: 'Mã cơ quan / Agency code' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  agency?: string;
}

export const SCORE_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ScoreExportFormat = (typeof SCORE_EXPORT_FORMATS)[number];

/** `GET /officer/stats/export`: the officer's agencies' figures of one month. */
export class ScoresExportQuery {
  @ApiPropertyOptional({
    description: 'Tháng / Month (YYYY-MM); default this month',
    example: '2026-11',
  })
  @IsOptional()
  @Matches(PERIOD, { message: 'period phải có dạng YYYY-MM' })
  period?: string;

  @ApiPropertyOptional({ enum: SCORE_EXPORT_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(SCORE_EXPORT_FORMATS)
  format?: ScoreExportFormat;
}

/** The officer's RPC input: the month only (the agencies are the caller's). */
export class OfficerScoresQuery {
  @IsOptional()
  @Matches(PERIOD, { message: 'period phải có dạng YYYY-MM' })
  period?: string;
}

export class ScoreAgencyView {
  @ApiProperty({ example: '000.00.01.H26' })
  code: string;

  @ApiProperty({ example: 'Sở Tư pháp tỉnh Bắc Ninh' })
  name: string;
}

/**
 * Chỉ số phục vụ of one agency in one month (Decision 766/QĐ-TTg, the parts DVC measures).
 * Rates are 0..1, null when nothing was there to measure.
 */
export class AgencyScoreView {
  @ApiProperty({ type: ScoreAgencyView })
  agency: ScoreAgencyView;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Settled by the original due date / settled',
  })
  onTimeRate: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Fully online (result online, any fee paid online) / settled',
  })
  onlineShare: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Fees paid online / dossiers with a fee',
  })
  onlinePaymentShare: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Results delivered online / dossiers with a result',
  })
  eResultShare: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Ratings of 4 or 5 / ratings',
  })
  satisfaction: number | null;

  @ApiProperty({ description: 'Dossiers settled in the month (result ready, refused, stopped)' })
  dossiers: number;
}

export class ScoresView {
  @ApiProperty({ example: '2026-11' })
  period: string;

  @ApiProperty({ type: [AgencyScoreView] })
  items: AgencyScoreView[];
}

/** The counts behind an agency's scores: what the officers' export carries. */
export interface AgencyScoreCounts {
  dossiers: number;
  onTime: number;
  fullyOnline: number;
  withFee: number;
  paidOnline: number;
  withResult: number;
  eResult: number;
  ratings: number;
  satisfied: number;
  scoreSum: number;
}

export interface AgencyScoreFigures extends AgencyScoreView {
  counts: AgencyScoreCounts;
}

export interface OfficerScoresView {
  period: string;
  items: AgencyScoreFigures[];
}
