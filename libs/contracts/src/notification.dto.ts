import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_PAGE_SIZE, PageCounts, PageQuery, type Page } from './page';
import type { Locale } from './events';

/** What a notification is about; each category's email can be turned off (never `account`). */
export type NotificationCategory = 'dossier' | 'payment' | 'account';

/** The categories whose email a citizen may turn off (account and security emails always go). */
export const OPTIONAL_EMAIL_CATEGORIES = ['dossier', 'payment'] as const;
export type OptionalEmailCategory = (typeof OPTIONAL_EMAIL_CATEGORIES)[number];

const LOCALES: Locale[] = ['vi', 'en'];

/** Query strings carry text: `true`/`1` and `false`/`0` are booleans, anything else stays and fails. */
const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return value;
  });

/** One bell notification ("thông báo"), its title and body in the reader's locale. */
export class NotificationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    description: 'Stable machine name of the message, e.g. `dossier.received`, `payment.succeeded`',
  })
  type!: string;

  @ApiProperty({ enum: ['dossier', 'payment', 'account'] })
  category!: NotificationCategory;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Portal path it opens, e.g. `/ho-so/<dossierId>` or `/giao-dich/<paymentId>`',
  })
  link!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The locale-independent facts (dossier code, due date, amount…) the text was made from',
  })
  data!: Record<string, unknown>;

  @ApiProperty()
  read!: boolean;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  readAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class NotificationListView extends PageCounts implements Page<NotificationView> {
  @ApiProperty({ type: [NotificationView] })
  items!: NotificationView[];

  @ApiProperty({ description: 'Unread notifications of the account, whatever the filter' })
  unreadCount!: number;
}

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread (true) or only read (false) notifications' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ enum: LOCALES, description: 'Language of title and body (default vi)' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class NotificationRefInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export class LocaleInput {
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

/** The notifications created after one the client already has (SSE `Last-Event-ID`), oldest first. */
export class NotificationsAfterInput {
  @IsUUID()
  afterId: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}

export interface NotificationsAfterView {
  items: NotificationView[];
}

export class MarkAllReadView {
  @ApiProperty()
  updated!: number;

  @ApiProperty()
  unreadCount!: number;
}

/** Email per category; `true` sends it. */
export class EmailPreferencesView {
  @ApiProperty()
  dossier!: boolean;

  @ApiProperty()
  payment!: boolean;
}

export class NotificationPreferencesView {
  @ApiProperty({ type: EmailPreferencesView })
  email!: EmailPreferencesView;
}

export class EmailPreferencesInput {
  @ApiPropertyOptional({ description: 'Emails about my dossiers' })
  @IsOptional()
  @IsBoolean()
  dossier?: boolean;

  @ApiPropertyOptional({ description: 'Emails about fees and payments' })
  @IsOptional()
  @IsBoolean()
  payment?: boolean;
}

export class UpdateNotificationPreferencesDto {
  @ApiProperty({ type: EmailPreferencesInput })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => EmailPreferencesInput)
  email: EmailPreferencesInput;
}

/**
 * What the notification service publishes on Redis when a notification is committed, on the
 * account's channel (`bellChannel`): the view in its stored locale and the text in every
 * locale, so each live connection shows its own language.
 */
export interface BellMessage {
  accountId: string;
  notification: NotificationView;
  texts: Record<Locale, { title: string; body: string }>;
}

/** Redis pub/sub channel of one account's bell (pub/sub channels get no ioredis keyPrefix). */
export function bellChannel(redisPrefix: string, accountId: string): string {
  return `${redisPrefix}bell:${accountId}`;
}

/** Asked of identity by the notification service (service-to-service only: `caller` null). */
export class AccountContactInput {
  @IsUUID()
  accountId: string;
}

/** identity.agencies.officers: the agency whose officers are to be told something. */
export class AgencyOfficersInput {
  @IsString()
  @MaxLength(64)
  agencyCode: string;
}

/** The active officer accounts of an agency (services only). */
export interface AgencyOfficersView {
  accountIds: string[];
}

/** Where and how to reach an account holder. */
export interface AccountContactView {
  accountId: string;
  /** Null for an account made from VNeID without an email: it gets in-app notices only. */
  email: string | null;
  fullName: string;
  locale: Locale;
  phone: string | null;
}
