import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  CaptchaView,
  ForgotPasswordDto,
  IdentityRpc,
  LoginDto,
  RefreshDto,
  RegisterDto,
  ResendActivationDto,
  ResetPasswordDto,
  TokenDto,
  TokenPair,
  RequestErrors,
  DomainError,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { AuthRateLimit } from '../rate-limit/rate-limit';
import { CallContext } from '../rpc/call-context';
import { IDENTITY_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';
import { OptionalAuth, Public } from './auth.decorators';
import { LogoutDto } from './auth.dto';
import { ApiProblems } from '../problems/api-problems.decorator';

/** Đăng ký, đăng nhập, quên mật khẩu: every route relays to identity (docs/design.md §5, §9). */
@ApiTags('Xác thực / Auth')
@ApiProblems()
@Controller('auth')
@Public()
export class AuthController {
  constructor(@Inject(IDENTITY_RPC) private readonly identity: RpcClient) {}

  @Post('register')
  @HttpCode(HttpStatus.ACCEPTED)
  @AuthRateLimit()
  @ApiOperation({
    summary:
      'Đăng ký tài khoản / Register (with the captcha; the answer is the same for any email)',
    description:
      'A new address gets the activation email; the holder of an existing account gets an email ' +
      'saying someone tried to register with it. The answer never tells which.',
  })
  @ApiAcceptedResponse({
    description: '{ message }: check your email, whether or not the address has an account',
  })
  @ApiTooManyRequestsResponse({ description: 'Rate limited (Retry-After)' })
  async register(
    @CallContext() ctx: CallContext,
    @Body() body: RegisterDto,
  ): Promise<{ message: string }> {
    const accepted = await sendRpc(this.identity, IdentityRpc.register, ctx, body);
    return { message: accepted.message };
  }

  @Post('resend-activation')
  @HttpCode(HttpStatus.ACCEPTED)
  @AuthRateLimit()
  @ApiOperation({
    summary: 'Gửi lại email kích hoạt / Resend the activation email (with the captcha)',
    description:
      'A pending account gets a link to set its password, which activates it (at most one a ' +
      'minute per account); any other address gets nothing. The answer never tells which.',
  })
  @ApiAcceptedResponse({ description: '{ message }: the same for any address' })
  @ApiTooManyRequestsResponse({ description: 'Rate limited (Retry-After)' })
  async resendActivation(
    @CallContext() ctx: CallContext,
    @Body() body: ResendActivationDto,
  ): Promise<{ message: string }> {
    const accepted = await sendRpc(this.identity, IdentityRpc.resendActivation, ctx, body);
    return { message: accepted.message };
  }

  @Post('activate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Kích hoạt tài khoản / Activate with the emailed token',
    description:
      '{ activated: true, alreadyActive }: alreadyActive when the link was used before and the ' +
      'account is active (opening the email twice is not an error).',
  })
  activate(@CallContext() ctx: CallContext, @Body() body: TokenDto): Promise<unknown> {
    return sendRpc(this.identity, IdentityRpc.activate, ctx, body);
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @AuthRateLimit()
  @ApiOperation({ summary: 'Đăng nhập / Log in' })
  @ApiOkResponse({ description: '{ accessToken, refreshToken, expiresIn, tokenType }' })
  @ApiUnauthorizedResponse({
    description:
      '`auth.invalid_credentials`, or `auth.captcha_required` while the account is under attack: ' +
      'send captchaId and captchaAnswer (GET /auth/captcha) with the login',
  })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed attempts from this address (Retry-After)',
  })
  login(@CallContext() ctx: CallContext, @Body() body: LoginDto): Promise<TokenPair> {
    return sendRpc(this.identity, IdentityRpc.login, ctx, body);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Làm mới phiên / Rotate the refresh token' })
  refresh(@CallContext() ctx: CallContext, @Body() body: RefreshDto): Promise<TokenPair> {
    return sendRpc(this.identity, IdentityRpc.refresh, ctx, body);
  }

  @Post('logout')
  @OptionalAuth()
  @ApiBearerAuth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: "Đăng xuất / End the session (refresh token, or the access token's session)",
  })
  @ApiNoContentResponse()
  async logout(@CallContext() ctx: CallContext, @Body() body: LogoutDto): Promise<void> {
    if (!ctx.caller && !body.refreshToken) {
      throw new DomainError(RequestErrors.validation, {
        errors: [
          {
            field: 'refreshToken',
            message: 'refreshToken is required without a valid access token',
          },
        ],
      });
    }
    await sendRpc(this.identity, IdentityRpc.logout, ctx, body);
  }

  @Get('captcha')
  @ApiOperation({ summary: 'Mã xác nhận / New single-use captcha' })
  @ApiOkResponse({ description: '{ captchaId, svg }' })
  captcha(@CallContext() ctx: CallContext): Promise<CaptchaView> {
    return sendRpc(this.identity, IdentityRpc.captcha, ctx, {});
  }

  @Post('forgot-password')
  @HttpCode(HttpStatus.ACCEPTED)
  @AuthRateLimit()
  @ApiOperation({ summary: 'Quên mật khẩu / Email a reset link' })
  @ApiAcceptedResponse({ description: 'Same answer whether or not the email has an account' })
  async forgotPassword(
    @CallContext() ctx: CallContext,
    @Body() body: ForgotPasswordDto,
  ): Promise<{ message: string }> {
    await sendRpc(this.identity, IdentityRpc.forgotPassword, ctx, body);
    return {
      message: 'Nếu email đã đăng ký, hướng dẫn đặt mật khẩu đã được gửi tới hộp thư của bạn.',
    };
  }

  @Post('reset-password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @AuthRateLimit()
  @ApiOperation({ summary: 'Đặt lại mật khẩu / Set a new password with the emailed token' })
  @ApiNoContentResponse({ description: 'Password changed; every session of the account ended' })
  async resetPassword(
    @CallContext() ctx: CallContext,
    @Body() body: ResetPasswordDto,
  ): Promise<void> {
    await sendRpc(this.identity, IdentityRpc.resetPassword, ctx, body);
  }
}
