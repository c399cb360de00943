import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Caller } from '@dvc/contracts';

/** What every RPC request carries besides its input: who asks, for which HTTP request, from where. */
export interface CallContext {
  caller: Caller | null;
  /** The HTTP request's correlation id (X-Request-Id), passed on as the RPC correlationId. */
  requestId: string;
  ip: string;
}

export type AuthenticatedRequest = FastifyRequest & { user?: Caller | null };

export function callContextOf(request: AuthenticatedRequest): CallContext {
  return { caller: request.user ?? null, requestId: String(request.id), ip: request.ip };
}

/** Injects the CallContext of the current HTTP request into a handler. */
export const CallContext = createParamDecorator(
  (_data: unknown, context: ExecutionContext): CallContext =>
    callContextOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
