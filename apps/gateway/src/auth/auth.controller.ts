import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import {
  BadRequestError,
  CaptchaView,
  ForgotPasswordDto,
  IdentityRpc,
  LoginDto,
  ProfileView,
  RefreshDto,
  RegisterDto,
  ResetPasswordDto,
  TokenDto,
  TokenPair,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { AuthRateLimit } from '../rate-limit/rate-limit';
import { CallContext } from '../rpc/call-context';
import { IDENTITY_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';
import { OptionalAuth, Public } from './auth.decorators';
import { LogoutDto } from './auth.dto';
import { ApiProblems } from '../problems/api-problems.decorator';

/** Đăng ký, đăng nhập, quên mật khẩu: every route relays to identity (DESIGN.md §5, §9). */
@ApiTags('Xác thực / Auth')
@ApiProblems()
@Controller('auth')
@Public()
export class AuthController {
  constructor(@Inject(IDENTITY_RPC) private readonly identity: RpcClient) {}

  @Post('register')
  @AuthRateLimit()
  @ApiOperation({ summary: 'Đăng ký tài khoản / Register (sends an activation email)' })
  @ApiCreatedResponse({ description: 'Account created, pending activation' })
  @ApiTooManyRequestsResponse({ description: 'Rate limited (Retry-After)' })
  register(@CallContext() ctx: CallContext, @Body() body: RegisterDto): Promise<ProfileView> {
    return sendRpc(this.identity, IdentityRpc.register, ctx, body);
  }

  @Post('activate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Kích hoạt tài khoản / Activate with the emailed token' })
  activate(@CallContext() ctx: CallContext, @Body() body: TokenDto): Promise<unknown> {
    return sendRpc(this.identity, IdentityRpc.activate, ctx, body);
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @AuthRateLimit()
  @ApiOperation({ summary: 'Đăng nhập / Log in' })
  @ApiOkResponse({ description: '{ accessToken, refreshToken, expiresIn, tokenType }' })
  @ApiTooManyRequestsResponse({
    description: 'Rate limited or too many failed attempts (Retry-After)',
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
      throw new BadRequestError(
        'request.validation',
        'Cần mã làm mới hoặc mã truy cập hợp lệ để đăng xuất.',
        [
          {
            field: 'refreshToken',
            message: 'refreshToken is required without a valid access token',
          },
        ],
      );
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
      message: 'Nếu email đã đăng ký, hướng dẫn đặt lại mật khẩu đã được gửi tới hộp thư của bạn.',
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
