import { ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { Caller, Role } from '@dvc/contracts';
import type { AuthenticatedRequest } from '../rpc/call-context';

/** Every route needs a valid access token unless it says otherwise. */
export type Access = 'authenticated' | 'optional' | 'public';
export const ACCESS_KEY = 'dvc:access';
export const ROLES_KEY = 'dvc:roles';

/** Anyone may call the route; no token is read. */
export const Public = () => SetMetadata(ACCESS_KEY, 'public' satisfies Access);

/** Needs a valid token even inside a controller marked @Public(). */
export const Authenticated = () => SetMetadata(ACCESS_KEY, 'authenticated' satisfies Access);

/** A valid token identifies the caller; a missing, expired or revoked one makes the call anonymous. */
export const OptionalAuth = () => SetMetadata(ACCESS_KEY, 'optional' satisfies Access);

/** The caller needs one of these roles (403 otherwise). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated caller (null on a public or optional-auth route called anonymously). */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller | null =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user ?? null,
);
