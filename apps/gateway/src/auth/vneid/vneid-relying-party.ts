import { Injectable } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import {
  ADDRESS_MAX_LENGTH,
  DomainError,
  oneLineAddress,
  VneidErrors,
  VneidIdentityDto,
} from '@dvc/contracts';
import { GatewayConfig } from '../../gateway.config';

type OpenIdClient = typeof import('openid-client');

/** The secrets of one login, kept server-side between the start and the callback. */
export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

const SCOPE = 'openid profile email phone address';

const issuerUnavailable = () => new DomainError(VneidErrors.issuerUnavailable);
const loginRefused = (reason: string) =>
  new DomainError(VneidErrors.loginFailed, { extra: { reason } });

/**
 * This portal as an OpenID Connect relying party of VNeID (openid-client, ESM, loaded with
 * import()): authorization code + PKCE (S256), and an ID token whose signature, issuer,
 * audience, expiry and nonce are checked before anyone is signed in.
 */
@Injectable()
export class VneidRelyingParty {
  private configuration: Promise<{ client: OpenIdClient; config: Configuration }> | null = null;

  constructor(private readonly settings: GatewayConfig) {}

  async newChecks(): Promise<LoginChecks> {
    const { client } = await this.discovered();
    return {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
  }

  async authorizationUrl(checks: LoginChecks): Promise<string> {
    const { client, config } = await this.discovered();
    return client
      .buildAuthorizationUrl(config, {
        redirect_uri: this.settings.oidcRedirectUri,
        scope: SCOPE,
        code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
        code_challenge_method: 'S256',
        state: checks.state,
        nonce: checks.nonce,
      })
      .toString();
  }

  /** Redeems the code of the callback (its query string as received) for the verified person. */
  async identityOf(callbackQuery: string, checks: LoginChecks): Promise<VneidIdentityDto> {
    const { client, config } = await this.discovered();
    const currentUrl = new URL(`${this.settings.oidcRedirectUri}?${callbackQuery}`);
    let claims: Record<string, unknown> | undefined;
    try {
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      throw loginRefused(err instanceof Error ? err.message : 'unknown error');
    }
    return identityFromClaims(claims ?? {});
  }

  private discovered(): Promise<{ client: OpenIdClient; config: Configuration }> {
    this.configuration ??= this.discover().catch((err: unknown) => {
      this.configuration = null;
      throw err;
    });
    return this.configuration;
  }

  private async discover(): Promise<{ client: OpenIdClient; config: Configuration }> {
    const client = await import('openid-client');
    const insecure = new URL(this.settings.OIDC_ISSUER).protocol === 'http:';
    try {
      const config = await client.discovery(
        new URL(this.settings.OIDC_ISSUER),
        this.settings.OIDC_CLIENT_ID,
        this.settings.OIDC_CLIENT_SECRET,
        undefined,
        {
          // The ID token's signature is checked against the issuer's keys, not taken on trust.
          execute: [
            client.enableNonRepudiationChecks,
            // Plain http only for the development simulator: production refuses it (config).
            ...(insecure ? [client.allowInsecureRequests] : []),
          ],
        },
      );
      return { client, config };
    } catch {
      throw issuerUnavailable();
    }
  }
}

/** The person from the ID token's claims; VNeID's `idNumber` is the 12-digit ID number. */
export function identityFromClaims(claims: Record<string, unknown>): VneidIdentityDto {
  const text = (key: string) => (typeof claims[key] === 'string' ? claims[key] : undefined);
  const subject = text('sub');
  const idNumber = text('idNumber');
  const fullName = text('name');
  if (!subject || !idNumber || !/^\d{12}$/.test(idNumber) || !fullName) {
    throw loginRefused('the ID token lacks the ID number or the name');
  }
  return {
    subject,
    idNumber,
    fullName,
    birthDate: text('birthdate'),
    email: text('email'),
    phone: text('phone_number'),
    address: addressOf(claims.address),
  };
}

/**
 * The standard `address` claim is an object whose `formatted` is the whole address. Kept as one
 * line; left out when it does not fit a profile, rather than refusing the person's login.
 */
function addressOf(claim: unknown): string | undefined {
  if (typeof claim !== 'object' || claim === null) return undefined;
  const formatted = (claim as { formatted?: unknown }).formatted;
  if (typeof formatted !== 'string') return undefined;
  const line = oneLineAddress(formatted);
  return line !== '' && line.length <= ADDRESS_MAX_LENGTH && !/\p{Cc}/u.test(line)
    ? line
    : undefined;
}
