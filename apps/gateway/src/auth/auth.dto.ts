import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * Body of `POST /auth/logout`: the refresh token whose session ends. It may be left out
 * when a valid access token comes along, whose session (`sid`) then ends.
 */
export class LogoutDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

/** Refresh: the token in the body (API clients), or none and the portal's dvc_refresh cookie. */
export class RefreshRequestDto extends LogoutDto {}
