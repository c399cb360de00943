import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ADDRESS_MAX_LENGTH, oneLineAddress } from './address-rule';
import type { Locale } from './events';
import type { Role } from './rpc';

/** Password rule of docs/design.md §9: length only, 8..128 characters (bytes checked in identity). */
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;

const oneLine = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? oneLineAddress(value) : value;

export class RegisterDto {
  @ApiProperty({ example: 'nguyenvana@example.com', maxLength: 254 })
  @IsEmail({}, { message: 'Email không hợp lệ' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự` })
  @MaxLength(PASSWORD_MAX)
  password: string;

  @ApiProperty({ example: 'Nguyễn Văn A', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @Matches(/^\+?[0-9]{9,15}$/, { message: 'Số điện thoại không hợp lệ' })
  phone?: string;

  @ApiPropertyOptional({ description: 'Số CCCD/căn cước (12 chữ số)', example: '001099012345' })
  @IsOptional()
  @Matches(/^[0-9]{12}$/, { message: 'Số định danh cá nhân gồm 12 chữ số' })
  idNumber?: string;

  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  locale?: Locale;

  @ApiProperty({ description: 'From GET /auth/captcha' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  captchaId: string;

  @ApiProperty({ description: 'The text of the captcha image' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  captchaAnswer: string;
}

/**
 * The one answer to a registration, whatever the email: a new address gets the activation
 * link, an existing account's holder a warning. Whether an account exists is never told.
 */
export class RegistrationAcceptedView {
  @ApiProperty({ enum: [true] })
  accepted!: true;

  @ApiProperty()
  message!: string;
}

export class TokenDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

export class LoginDto {
  @ApiProperty({ example: 'citizen@dvc.local' })
  @IsEmail({}, { message: 'Email không hợp lệ' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'ChangeMe!2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX)
  password: string;

  @ApiPropertyOptional({
    description: 'Needed when a login answered 401 `auth.captcha_required` (account under attack)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  captchaId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  captchaAnswer?: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class ForgotPasswordDto {
  @ApiProperty()
  @IsEmail({}, { message: 'Email không hợp lệ' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  captchaId: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(16)
  captchaAnswer: string;
}

/** "Gửi lại email kích hoạt": same fields as "Quên mật khẩu", same answer for any address. */
export class ResendActivationDto extends ForgotPasswordDto {}

export class ResetPasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự` })
  @MaxLength(PASSWORD_MAX)
  newPassword: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(PASSWORD_MAX)
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX })
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự` })
  @MaxLength(PASSWORD_MAX)
  newPassword: string;
}

export class UpdateProfileDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?[0-9]{9,15}$/, { message: 'Số điện thoại không hợp lệ' })
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[0-9]{12}$/, { message: 'Số định danh cá nhân gồm 12 chữ số' })
  idNumber?: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: ADDRESS_MAX_LENGTH,
    nullable: true,
    description: 'Nơi cư trú, prefilled into online forms; empty or null clears it',
    example: 'Số 1 Hoàng Hoa Thám, phường Ba Đình, Hà Nội',
  })
  @IsOptional()
  @Transform(oneLine)
  @IsString({ message: 'Địa chỉ phải là chuỗi ký tự' })
  @MaxLength(ADDRESS_MAX_LENGTH, {
    message: `Địa chỉ không được dài quá ${ADDRESS_MAX_LENGTH} ký tự`,
  })
  @Matches(/^\P{Cc}*$/u, { message: 'Địa chỉ có ký tự không hợp lệ' })
  address?: string | null;

  @ApiPropertyOptional({ enum: ['vi', 'en'] })
  @IsOptional()
  @IsIn(['vi', 'en'])
  locale?: Locale;
}

/** Input of the logout RPC: the refresh token whose family ends. */
export type LogoutInput = RefreshDto;

export class TokenPair {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty()
  refreshToken!: string;

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn!: number;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';
}

/** The answer to a login or refresh: the refresh token stays out of it in cookie mode. */
export class SessionTokensView extends OmitType(TokenPair, ['refreshToken']) {
  @ApiPropertyOptional({
    description: 'Absent with `x-dvc-session: cookie` (it is in the dvc_refresh cookie then)',
  })
  refreshToken?: string;
}

/** An answer that only says something to the user (register, resend, forgot password). */
export class MessageView {
  @ApiProperty()
  message!: string;
}

export class CaptchaView {
  @ApiProperty()
  captchaId!: string;

  @ApiProperty({ description: 'The image, SVG markup' })
  svg!: string;
}

/** The answer to a successful activation: nothing about the account beyond what the link's holder did. */
export class ActivationView {
  @ApiProperty({ enum: [true] })
  activated!: true;

  @ApiProperty({
    description:
      'The link had been used (or replaced) and the account is active: nothing changed now',
  })
  alreadyActive!: boolean;
}

/** The answer of logout: nothing to show, the session is gone whatever it was. */
export class LoggedOutView {
  @ApiProperty({ enum: [true] })
  ok!: true;
}

/** The answer to a password change or reset. */
export class PasswordChangedView {
  @ApiProperty({ enum: [true] })
  changed!: true;
}

/**
 * The one answer to "forgot password", whatever the email: whether an account exists is
 * never told (the gateway answers 202).
 */
export class ResetRequestedView {
  @ApiProperty({ enum: [true] })
  accepted!: true;

  @ApiProperty()
  message!: string;
}

export type AccountStatus = 'pending' | 'active' | 'locked';

export class VneidLinkView {
  @ApiProperty({ format: 'date-time' })
  linkedAt!: string;
}

export class ProfileView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Null for an account made from VNeID that gave no email',
  })
  email!: string | null;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  idNumber!: string | null;

  @ApiProperty({ enum: ['vi', 'en'] })
  locale!: Locale;

  @ApiProperty({ enum: ['pending', 'active', 'locked'] })
  status!: AccountStatus;

  @ApiProperty({ enum: ['citizen', 'officer', 'admin'], enumName: 'Role', isArray: true })
  roles!: Role[];

  @ApiProperty({ type: [String] })
  agencies!: string[];

  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    description: 'yyyy-MM-dd, when known (from VNeID)',
  })
  birthDate!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Nơi cư trú, when the holder gave it or VNeID did (prefilled into online forms)',
  })
  address!: string | null;

  @ApiProperty({
    type: VneidLinkView,
    nullable: true,
    description: "The account's link to the national e-ID (VNeID), shown on Trang cá nhân",
  })
  vneid!: VneidLinkView | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/**
 * Redis pub/sub channel on which identity announces each revoked session id, so every gateway
 * instance ends that session's live streams at once (pub/sub channels get no ioredis keyPrefix).
 */
export function sessionRevokedChannel(redisPrefix: string): string {
  return `${redisPrefix}session-revoked`;
}

/** `iss` of every access JWT: identity signs them. */
export const ACCESS_TOKEN_ISSUER = 'dvc-identity';
/** `aud` of every access JWT: only the public API (the gateway) accepts them. */
export const ACCESS_TOKEN_AUDIENCE = 'dvc-api';

/** Claims of the access JWT the gateway verifies (besides iss, aud, iat, exp). */
export interface AccessTokenClaims {
  sub: string;
  roles: Role[];
  agencies: string[];
  /** Session (refresh-token family) id: lets a revoked session's access tokens be refused. */
  sid: string;
}
