import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * A request header that may be absent. Nest's `@Headers(name)` would be described in the
 * OpenAPI document as a required header; routes document theirs with `@ApiHeader` instead.
 */
export const OptionalHeader = createParamDecorator(
  (name: string, ctx: ExecutionContext): string | undefined => {
    const value = ctx.switchToHttp().getRequest<FastifyRequest>().headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  },
);
