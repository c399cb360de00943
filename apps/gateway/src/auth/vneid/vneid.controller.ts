import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OidcExchangeDto, SessionTokensView, TokenPair, VneidLinkStartView } from '@dvc/contracts';
import { GatewayConfig } from '../../gateway.config';
import { ApiProblems } from '../../problems/api-problems.decorator';
import { AuthRateLimit } from '../../rate-limit/rate-limit';
import { CallContext } from '../../rpc/call-context';
import { Authenticated, Public } from '../auth.decorators';
import { expiredLoginCookie, loginCookie, loginCookieOf } from './browser-cookie';
import { VneidLoginService } from './vneid-login.service';
import { CookieSessionView, deliverTokens } from '../refresh-cookie';

/** The query string exactly as it arrived (openid-client reads code, state, iss, error). */
function rawQueryOf(request: FastifyRequest): string {
  const index = request.url.indexOf('?');
  return index < 0 ? '' : request.url.slice(index + 1, index + 1 + 8192);
}

/** Đăng nhập bằng tài khoản định danh điện tử VNeID (OpenID Connect). */
@ApiTags('Xác thực / Auth')
@ApiProblems()
@Controller('auth/oidc')
@Public()
export class VneidController {
  constructor(
    private readonly config: GatewayConfig,
    private readonly logins: VneidLoginService,
  ) {}

  @Get('vneid/start')
  @AuthRateLimit()
  @ApiOperation({
    summary: 'Đăng nhập bằng VNeID / Start a VNeID login (302 to VNeID)',
    description: 'returnTo: a path of the portal to open after the login (default /).',
  })
  @ApiQuery({ name: 'returnTo', required: false, example: '/tai-khoan' })
  @ApiFoundResponse({ description: 'Redirect to the VNeID login page' })
  async start(@Query('returnTo') returnTo: unknown, @Res() reply: FastifyReply): Promise<void> {
    const { location, browserKey } = await this.logins.start(returnTo);
    const secure = new URL(this.config.PUBLIC_URL).protocol === 'https:';
    await reply
      .status(302)
      .header('Set-Cookie', loginCookie(browserKey, secure))
      .header('Cache-Control', 'no-store')
      .redirect(location, 302);
  }

  @Post('vneid/link')
  @HttpCode(HttpStatus.OK)
  @Authenticated()
  @AuthRateLimit()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Liên kết VNeID / Link VNeID to the signed-in account (Trang cá nhân)',
    description:
      'Answers where to send the browser (VNeID login) and binds the login to this browser. ' +
      'Back on the callback, the VNeID identity is linked to this account, its verified ID ' +
      'number replaces the declared one, and the browser lands on /tai-khoan?vneid=linked ' +
      '(or ?vneidError=<code>). Signing in proves the account; VNeID proves the person.',
  })
  @ApiOkResponse({ type: VneidLinkStartView })
  async link(
    @CallContext() ctx: CallContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VneidLinkStartView> {
    const { location, browserKey } = await this.logins.start(undefined, ctx.caller!.accountId);
    const secure = new URL(this.config.PUBLIC_URL).protocol === 'https:';
    void reply
      .header('Set-Cookie', loginCookie(browserKey, secure))
      .header('Cache-Control', 'no-store');
    return { location };
  }

  @Get('vneid/callback')
  @ApiOperation({
    summary: 'VNeID → DVC: the authorization response (302 to the portal with a one-time code)',
  })
  @ApiFoundResponse({ description: 'Redirect to the portal, which exchanges the code' })
  async callback(
    @CallContext() ctx: CallContext,
    @Query('state') state: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const location = await this.logins.callback(
      ctx,
      { state: typeof state === 'string' ? state : undefined, rawQuery: rawQueryOf(request) },
      loginCookieOf(request),
    );
    await reply
      .header('Set-Cookie', expiredLoginCookie())
      .header('Cache-Control', 'no-store')
      .redirect(location, 302);
  }

  @Post('exchange')
  @HttpCode(HttpStatus.OK)
  @AuthRateLimit()
  @ApiOperation({ summary: 'Đổi mã một lần lấy phiên / Exchange the one-time code for tokens' })
  @ApiOkResponse({ type: SessionTokensView })
  async exchange(
    @CallContext() ctx: CallContext,
    @Body() body: OidcExchangeDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenPair | CookieSessionView> {
    const pair = await this.logins.exchange(ctx, body);
    const secure = new URL(this.config.PUBLIC_URL).protocol === 'https:';
    return deliverTokens(request, reply, pair, secure);
  }
}
