import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Caller, AuthErrors, DomainError } from '@dvc/contracts';
import { OPS_CONTROLLERS } from '../health/ops-routes';
import { ACCESS_KEY, Access } from './auth.decorators';

/**
 * Global guard: every route needs a valid access token unless marked @Public() or
 * @OptionalAuth(). Failures are 401 problems whose code says why (missing, expired,
 * invalid, revoked), so a client knows when refreshing helps.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.accessOf(context);
    if (access === 'public') return true;
    const { headers } = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    if (access === 'optional' && !headers.authorization) return true;
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<TUser = Caller>(
    err: unknown,
    user: unknown,
    info: unknown,
    context: ExecutionContext,
  ): TUser {
    if (this.accessOf(context) === 'optional') {
      // e.g. logout with an access token that expired meanwhile: the refresh token still counts.
      return (user || null) as TUser;
    }
    if (err) throw err; // a DomainError from the strategy (revoked session, Redis down) as it is
    if (!user) throw unauthorized(info);
    return user as TUser;
  }

  private accessOf(context: ExecutionContext): Access {
    if (OPS_CONTROLLERS.has(context.getClass())) return 'public';
    return (
      this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [
        context.getHandler(),
        context.getClass(),
      ]) ?? 'authenticated'
    );
  }
}

function unauthorized(info: unknown): DomainError {
  // passport-jwt hands over jsonwebtoken's error as `info`.
  if (info instanceof Error && info.name === 'TokenExpiredError') {
    return new DomainError(AuthErrors.tokenExpired);
  }
  if (info instanceof Error && info.message === 'No auth token') {
    return new DomainError(AuthErrors.missingToken);
  }
  return new DomainError(AuthErrors.invalidToken);
}
