import { Inject, Injectable } from '@nestjs/common';
import { DomainError, IdentityRpc, OidcExchangeDto, TokenPair } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { GatewayConfig } from '../../gateway.config';
import { CallContext } from '../../rpc/call-context';
import { IDENTITY_RPC } from '../../rpc/rpc.module';
import { sendRpc } from '../../rpc/send-rpc';
import { PendingLogins } from './pending-logins';
import { portalReturnPath } from './return-to';
import { VneidRelyingParty } from './vneid-relying-party';

/** Where the portal finishes a VNeID login: it exchanges the code and opens `returnTo`. */
export const PORTAL_VNEID_PATH = '/dang-nhap/vneid';

/** Where a link started from Trang cá nhân comes back, with `vneid=linked` or `vneidError=<code>`. */
export const PORTAL_ACCOUNT_PATH = '/tai-khoan';

/** The three steps of a VNeID login as the browser sees them: start, callback, exchange. */
@Injectable()
export class VneidLoginService {
  constructor(
    private readonly config: GatewayConfig,
    private readonly relyingParty: VneidRelyingParty,
    private readonly pending: PendingLogins,
    @Inject(IDENTITY_RPC) private readonly identity: RpcClient,
  ) {}

  /** → the issuer's authorization URL and the browser key that binds this login to the browser. */
  async start(
    returnTo: unknown,
    linkAccountId?: string,
  ): Promise<{ location: string; browserKey: string }> {
    const path = linkAccountId ? PORTAL_ACCOUNT_PATH : portalReturnPath(returnTo);
    const checks = await this.relyingParty.newChecks();
    const location = await this.relyingParty.authorizationUrl(checks);
    const browserKey = await this.pending.begin({ ...checks, returnTo: path, linkAccountId });
    return { location, browserKey };
  }

  /** → the portal page that exchanges the one-time code. */
  async callback(
    ctx: CallContext,
    query: { state?: string; rawQuery: string },
    browserKey: string | undefined,
  ): Promise<string> {
    const login = await this.pending.take(query.state, browserKey);
    const person = await this.relyingParty.identityOf(query.rawQuery, login);
    if (login.linkAccountId) return this.linked(ctx, login.linkAccountId, person);
    const signedIn = await sendRpc(this.identity, IdentityRpc.vneidSignIn, ctx, person);
    const target = new URL(PORTAL_VNEID_PATH, this.config.PUBLIC_URL);
    target.searchParams.set('code', signedIn.code);
    target.searchParams.set('returnTo', login.returnTo);
    return target.toString();
  }

  /** A link from Trang cá nhân: back to it, saying whether the link was made. */
  private async linked(
    ctx: CallContext,
    accountId: string,
    identity: Awaited<ReturnType<VneidRelyingParty['identityOf']>>,
  ): Promise<string> {
    const target = new URL(PORTAL_ACCOUNT_PATH, this.config.PUBLIC_URL);
    try {
      await sendRpc(this.identity, IdentityRpc.vneidLink, ctx, { accountId, identity });
      target.searchParams.set('vneid', 'linked');
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err;
      target.searchParams.set('vneidError', err.code);
    }
    return target.toString();
  }

  exchange(ctx: CallContext, body: OidcExchangeDto): Promise<TokenPair> {
    return sendRpc(this.identity, IdentityRpc.oidcExchange, ctx, body);
  }
}
