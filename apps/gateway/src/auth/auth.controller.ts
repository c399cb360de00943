import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import {
  ActivationView,
  AuthErrors,
  CaptchaView,
  DomainError,
  ForgotPasswordDto,
  IdentityRpc,
  LoginDto,
  MessageView,
  RegisterDto,
  RequestErrors,
  ResendActivationDto,
  ResetPasswordDto,
  SessionTokensView,
  TokenDto,
  TokenPair,
} from '@dvc/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GatewayConfig } from '../gateway.config';
import { RpcClient } from '@dvc/messaging';
import { AuthRateLimit } from '../rate-limit/rate-limit';
import { CallContext } from '../rpc/call-context';
import { IDENTITY_RPC } from '../rpc/rpc.module';
import { sendRpc } from '../rpc/send-rpc';
import { OptionalAuth, Public } from './auth.decorators';
import { LogoutDto, RefreshRequestDto } from './auth.dto';
import {
  CookieSessionView,
  SESSION_MODE_HEADER,
  assertSameOrigin,
  clearRefreshCookie,
  deliverTokens,
  refreshCookieOf,
} from './refresh-cookie';

const SESSION_HEADER_DOC = {
  name: SESSION_MODE_HEADER,
  required: false,
  description:
    '`cookie` (the portal): the refresh token is set as the HttpOnly, SameSite=Strict cookie ' +
    'dvc_refresh (Path=/api/v1/auth) and left out of the body',
};
const LOGIN_ANSWER = 'With x-dvc-session: cookie, no refreshToken (it is in the cookie)';
import { ApiProblems } from '../problems/api-problems.decorator';

/** Đăng ký, đăng nhập, quên mật khẩu: every route relays to identity (docs/design.md §5, §9). */
@ApiTags('Xác thực / Auth')
@ApiProblems()
@Controller('auth')
@Public()
export class AuthController {
  constructor(
    @Inject(IDENTITY_RPC) private readonly identity: RpcClient,
    private readonly config: GatewayConfig,
  ) {}

  private get secureCookies(): boolean {
    return new URL(this.config.PUBLIC_URL).protocol === 'https:';
  }

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
    type: MessageView,
    description: 'Check your email, whether or not the address has an account',
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
  @ApiAcceptedResponse({ type: MessageView, description: 'The same for any address' })
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
  @ApiOkResponse({ type: ActivationView })
  activate(@CallContext() ctx: CallContext, @Body() body: TokenDto): Promise<unknown> {
    return sendRpc(this.identity, IdentityRpc.activate, ctx, body);
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @AuthRateLimit()
  @ApiOperation({ summary: 'Đăng nhập / Log in' })
  @ApiHeader(SESSION_HEADER_DOC)
  @ApiOkResponse({ type: SessionTokensView, description: LOGIN_ANSWER })
  @ApiUnauthorizedResponse({
    description:
      '`auth.invalid_credentials`, or `auth.captcha_required` while the account is under attack: ' +
      'send captchaId and captchaAnswer (GET /auth/captcha) with the login',
  })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed attempts from this address (Retry-After)',
  })
  async login(
    @CallContext() ctx: CallContext,
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPair | CookieSessionView> {
    const pair = await sendRpc(this.identity, IdentityRpc.login, ctx, body);
    return deliverTokens(request, reply, pair, this.secureCookies);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Làm mới phiên / Rotate the refresh token',
    description:
      'The refresh token comes in the body, or else from the dvc_refresh cookie (the portal); ' +
      'a cookie call must come from a page of the portal (Origin), and the rotated token goes ' +
      "back into the cookie. The call changes nothing but the session's own tokens.",
  })
  @ApiHeader(SESSION_HEADER_DOC)
  @ApiOkResponse({ type: SessionTokensView, description: LOGIN_ANSWER })
  async refresh(
    @CallContext() ctx: CallContext,
    @Body() body: RefreshRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPair | CookieSessionView> {
    const refreshToken = body.refreshToken ?? this.cookieToken(request);
    if (!refreshToken) throw new DomainError(AuthErrors.missingToken);
    try {
      const pair = await sendRpc(this.identity, IdentityRpc.refresh, ctx, { refreshToken });
      return deliverTokens(request, reply, pair, this.secureCookies);
    } catch (err) {
      // A refused cookie is spent (rotated, reused or ended): the browser forgets it.
      if (!body.refreshToken && err instanceof DomainError && err.status < 500) {
        clearRefreshCookie(reply, this.secureCookies);
      }
      throw err;
    }
  }

  /** The cookie's refresh token, checked to come from the portal's own pages. */
  private cookieToken(request: FastifyRequest): string | undefined {
    const token = refreshCookieOf(request);
    if (token) assertSameOrigin(request, this.config.PUBLIC_URL);
    return token && token.length <= 200 ? token : undefined;
  }

  @Post('logout')
  @OptionalAuth()
  @ApiBearerAuth()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: "Đăng xuất / End the session (refresh token, or the access token's session)",
  })
  @ApiNoContentResponse()
  async logout(
    @CallContext() ctx: CallContext,
    @Body() body: LogoutDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const refreshToken = body.refreshToken ?? this.cookieToken(request);
    clearRefreshCookie(reply, this.secureCookies);
    if (!ctx.caller && !refreshToken) {
      throw new DomainError(RequestErrors.validation, {
        errors: [
          {
            field: 'refreshToken',
            message: 'refreshToken is required without a valid access token',
          },
        ],
      });
    }
    await sendRpc(this.identity, IdentityRpc.logout, ctx, refreshToken ? { refreshToken } : {});
  }

  @Get('captcha')
  @ApiOperation({ summary: 'Mã xác nhận / New single-use captcha' })
  @ApiOkResponse({ type: CaptchaView })
  captcha(@CallContext() ctx: CallContext): Promise<CaptchaView> {
    return sendRpc(this.identity, IdentityRpc.captcha, ctx, {});
  }

  @Post('forgot-password')
  @HttpCode(HttpStatus.ACCEPTED)
  @AuthRateLimit()
  @ApiOperation({ summary: 'Quên mật khẩu / Email a reset link' })
  @ApiAcceptedResponse({
    type: MessageView,
    description: 'Same answer whether or not the email has an account',
  })
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
