import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
import type { Locale } from './events';
import type { Role } from './rpc';

/** Password rule of DESIGN.md §9: length only, 8..128 characters (bytes checked in identity). */
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;

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

  @ApiPropertyOptional({ enum: ['vi', 'en'] })
  @IsOptional()
  @IsIn(['vi', 'en'])
  locale?: Locale;
}

/** Input of the logout RPC: the refresh token whose family ends. */
export type LogoutInput = RefreshDto;

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: 'Bearer';
}

export interface CaptchaView {
  captchaId: string;
  svg: string;
}

export type AccountStatus = 'pending' | 'active' | 'locked';

export interface ProfileView {
  id: string;
  email: string;
  fullName: string;
  phone: string | null;
  idNumber: string | null;
  locale: Locale;
  status: AccountStatus;
  roles: Role[];
  agencies: string[];
  createdAt: string;
}

/** Claims of the access JWT the gateway verifies. */
export interface AccessTokenClaims {
  sub: string;
  roles: Role[];
  agencies: string[];
  /** Session (refresh-token family) id: lets a revoked session's access tokens be refused. */
  sid: string;
}
