import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import type { Locale } from '@dvc/contracts';
import { acceptedLanguage } from '../http/accepted-language';

export class NotificationParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class LocaleQuery {
  @ApiPropertyOptional({ enum: ['vi', 'en'], description: 'Default: Accept-Language, else vi' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  locale?: Locale;
}

/**
 * The language notifications are shown in: the one asked for, else English when the
 * browser's first choice is English, else Vietnamese.
 */
export function readerLocale(
  asked: Locale | undefined,
  acceptLanguage: string | undefined,
): Locale {
  return asked ?? acceptedLanguage(acceptLanguage);
}

/**
 * When the (already verified) Bearer token of the request expires, in ms since the epoch;
 * null when it says nothing.
 */
export function accessTokenExpiry(authorization: string | undefined): number | null {
  const payload = /^Bearer\s+[^.]+\.([^.]+)\./i.exec(authorization ?? '')?.[1];
  if (!payload) return null;
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}
