import { ApiProperty } from '@nestjs/swagger';
import {
  IsEmail,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { ADDRESS_MAX_LENGTH } from './address-rule';

/** The 12-digit personal identification number (số định danh cá nhân). */
export const ID_NUMBER_PATTERN = /^\d{12}$/;

/** The one-time code the portal exchanges for tokens lives this long, and is used once. */
export const OIDC_EXCHANGE_CODE_TTL_SECONDS = 60;

/**
 * The person VNeID vouched for, read by the gateway from an ID token whose signature,
 * issuer, audience, expiry and nonce it checked (gateway → identity only).
 */
export class VneidIdentityDto {
  /** The provider's stable subject (`sub`). */
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  subject: string;

  @Matches(ID_NUMBER_PATTERN)
  idNumber: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  /** yyyy-MM-dd */
  @IsOptional()
  @IsISO8601({ strict: true })
  birthDate?: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  phone?: string;

  /** The OIDC `address` claim's `formatted` text, one line (the gateway drops a longer one). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ADDRESS_MAX_LENGTH)
  address?: string;
}

/** Identity's answer to a VNeID sign-in: the portal's one-time code. */
export interface VneidSignInView {
  code: string;
  expiresIn: number;
}

export class OidcExchangeDto {
  @ApiProperty({ description: 'The one-time code the portal received after the VNeID login' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  code: string;
}

/** Gateway → identity: the signed-in account that asked to link, and the person VNeID vouched for. */
export class VneidLinkDto {
  @IsUUID()
  accountId: string;

  @ValidateNested()
  @Type(() => VneidIdentityDto)
  identity: VneidIdentityDto;
}

export interface VneidLinkedView {
  linkedAt: string;
}

/** `POST /me/vneid/link` → where the browser goes to log in on VNeID. */
export class VneidLinkStartView {
  @ApiProperty({ description: "VNeID's login page; the link completes on the way back" })
  location: string;
}
