import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageCounts, PageQuery, type Page } from './page';

/** Phản ánh, kiến nghị (PAKN): pending until an officer of the agency answers. */
export const FEEDBACK_STATUSES = ['pending', 'answered'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** How to reach the asker; never shown to the public. */
export class FeedbackContactDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ maxLength: 254 })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ maxLength: 20 })
  @IsOptional()
  @Matches(/^\+?[0-9 .-]{8,20}$/)
  phone?: string;
}

/** `POST /feedback`: signed in, or anonymous with the captcha. */
export class SubmitFeedbackDto {
  @ApiProperty({ minLength: 5, maxLength: 200, example: 'Chậm trả kết quả đổi giấy phép lái xe' })
  @Transform(trim)
  @IsString()
  @MinLength(5)
  @MaxLength(200)
  title: string;

  @ApiProperty({ minLength: 10, maxLength: 5000 })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  content: string;

  @ApiPropertyOptional({ description: 'Mã cơ quan được phản ánh', example: '000.00.01.H26' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  agencyCode?: string;

  @ApiPropertyOptional({ description: 'Mã hồ sơ liên quan' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  dossierCode?: string;

  @ApiPropertyOptional({ type: FeedbackContactDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeedbackContactDto)
  contact?: FeedbackContactDto;

  @ApiPropertyOptional({ description: 'Required when not signed in' })
  @IsOptional()
  @IsUUID()
  captchaId?: string;

  @ApiPropertyOptional({ description: 'Required when not signed in', maxLength: 16 })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  captchaAnswer?: string;
}

export class FeedbackReceipt {
  @ApiProperty()
  code!: string;

  @ApiProperty({
    description: 'Mã tra cứu, shown once: with the code it opens the question and its answer',
  })
  lookupKey!: string;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;
}

/** `GET /feedback/lookup?code=&key=` and the attachment routes. */
export class FeedbackLookupQuery {
  @ApiProperty({ example: 'PAKN-261207-0001' })
  @IsString()
  @MaxLength(32)
  code: string;

  @ApiProperty()
  @IsString()
  @MaxLength(16)
  key: string;
}

/** `dossier.feedback.attachments.prepare`: may a file be added to this PAKN (its code and key)? */
export class FeedbackAttachmentRefInput extends FeedbackLookupQuery {}

/** `dossier.feedback.attachments.add`: the file the gateway just stored, for this PAKN. */
export class AddFeedbackAttachmentInput extends FeedbackLookupQuery {
  @IsUUID()
  fileId: string;
}

/** Before an upload: whose file it becomes (the PAKN) and how many bytes it may still take. */
export interface FeedbackUploadQuotaView {
  feedbackId: string;
  remainingBytes: number;
  maxBytes: number;
  remainingFiles: number;
}

/** Tệp đính kèm of a PAKN: its name and size, never its bytes. */
export class FeedbackAttachmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  fileId!: string;

  @ApiProperty()
  fileName!: string;

  @ApiProperty()
  contentType!: string;

  @ApiProperty()
  size!: number;

  @ApiProperty({ format: 'date-time' })
  attachedAt!: string;
}

/** `dossier.feedback.attachments.authorize`: may this officer read this file of this PAKN? */
export class FeedbackFileInput {
  @IsUUID()
  feedbackId: string;

  @IsUUID()
  fileId: string;
}

export class OfficerFeedbackQuery extends PageQuery {
  @ApiPropertyOptional({ enum: FEEDBACK_STATUSES })
  @IsOptional()
  @IsIn(FEEDBACK_STATUSES)
  status?: FeedbackStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Boolean)
  @IsBoolean()
  overdue?: boolean;
}

export class AnswerFeedbackDto {
  @ApiProperty({ minLength: 10, maxLength: 10000 })
  @Transform(trim)
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  answer: string;

  @ApiProperty({ description: 'Công khai câu hỏi và trả lời trên cổng' })
  @IsBoolean()
  publish: boolean;
}

export class AnswerFeedbackInput extends AnswerFeedbackDto {
  @IsUUID()
  feedbackId: string;
}

export class FeedbackRefInput {
  @IsUUID()
  feedbackId: string;
}

export class PublicFeedbackQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Từ khoá, không dấu cũng được' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Mã cơ quan' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  agency?: string;
}

/** A published question and its answer: never who asked or how to reach them. */
export class PublicFeedbackView {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  content!: string;

  @ApiProperty({ type: String, nullable: true })
  agencyCode!: string | null;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty()
  answer!: string;

  @ApiProperty({ format: 'date-time' })
  answeredAt!: string;
}

export class PublicFeedbackPage extends PageCounts implements Page<PublicFeedbackView> {
  @ApiProperty({ type: [PublicFeedbackView] })
  items!: PublicFeedbackView[];
}

/** What the asker sees with code + key. */
export class FeedbackLookupView {
  @ApiProperty()
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  content!: string;

  @ApiProperty({ type: String, nullable: true })
  agencyCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  dossierCode!: string | null;

  @ApiProperty({ enum: FEEDBACK_STATUSES, enumName: 'FeedbackStatus' })
  status!: FeedbackStatus;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ format: 'date-time' })
  dueAt!: string;

  @ApiProperty({ type: String, nullable: true })
  answer!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  answeredAt!: string | null;

  @ApiProperty()
  published!: boolean;

  @ApiProperty({ type: [FeedbackAttachmentView] })
  attachments!: FeedbackAttachmentView[];
}

export class OfficerFeedbackView extends FeedbackLookupView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: FeedbackContactDto, nullable: true })
  contact!: FeedbackContactDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Signed-in asker (the bell is rung for them); null when anonymous',
  })
  askerId!: string | null;

  @ApiProperty()
  overdue!: boolean;
}

export class OfficerFeedbackPage extends PageCounts implements Page<OfficerFeedbackView> {
  @ApiProperty({ type: [OfficerFeedbackView] })
  items!: OfficerFeedbackView[];
}

/** `feedback.answered`: to tell the asker (bell when signed in). */
export interface FeedbackAnsweredEvent {
  feedbackId: string;
  code: string;
  title: string;
  askerId: string | null;
  agencyCode: string | null;
  published: boolean;
  at: string;
}

/** `identity.captcha.consume`: another service checks a captcha the person answered. */
export class ConsumeCaptchaInput {
  @IsUUID()
  captchaId: string;

  @IsString()
  @MaxLength(16)
  captchaAnswer: string;
}
