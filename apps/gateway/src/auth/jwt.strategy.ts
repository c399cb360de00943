import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  AccessTokenClaims,
  Caller,
  Role,
  AuthErrors,
  DomainError,
} from '@dvc/contracts';
import { GatewayConfig } from '../gateway.config';
import { RevokedSessions } from './revoked-sessions';

const ROLES: readonly Role[] = ['citizen', 'officer', 'admin'];

/**
 * Verifies identity's access tokens: HS256 only (so `alg: none` and RS/HS key confusion
 * are refused), signature, expiry, issuer (identity) and audience (this API) checked by
 * jsonwebtoken, then the claims' shape and
 * the session not revoked. The result is the Caller every RPC request carries.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: GatewayConfig,
    private readonly revokedSessions: RevokedSessions,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A key object, not the string: given a string, jsonwebtoken tries to parse it as a public
      // key on every request (and fails, and catches) before taking it as a secret.
      secretOrKey: createSecretKey(Buffer.from(config.JWT_SECRET)) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(payload: unknown): Promise<Caller> {
    if (!isAccessTokenClaims(payload)) {
      throw new DomainError(AuthErrors.invalidToken);
    }
    if (await this.revokedSessions.isRevoked(payload.sid, payload.exp * 1000)) {
      throw new DomainError(AuthErrors.sessionRevoked);
    }
    return {
      accountId: payload.sub,
      roles: payload.roles,
      agencies: payload.agencies,
      sessionId: payload.sid,
    };
  }
}

/** Identity always sets an expiry: a token without one is not one of ours. */
function isAccessTokenClaims(value: unknown): value is AccessTokenClaims & { exp: number } {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  return (
    typeof claims.sub === 'string' &&
    claims.sub.length > 0 &&
    typeof claims.sid === 'string' &&
    claims.sid.length > 0 &&
    typeof claims.exp === 'number' &&
    Array.isArray(claims.roles) &&
    claims.roles.every((role) => ROLES.includes(role as Role)) &&
    Array.isArray(claims.agencies) &&
    claims.agencies.every((agency) => typeof agency === 'string')
  );
}
