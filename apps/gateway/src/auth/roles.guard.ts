import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role, AuthErrors, DomainError } from '@dvc/contracts';
import type { AuthenticatedRequest } from '../rpc/call-context';
import { ROLES_KEY } from './auth.decorators';

/** Global guard after JwtAuthGuard: a route marked @Roles(...) needs one of them (403 otherwise). */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required || required.length === 0) return true;
    const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().user;
    if (caller && required.some((role) => caller.roles.includes(role))) return true;
    throw new DomainError(AuthErrors.roleRequired, { params: { roles: required.join(', ') } });
  }
}
