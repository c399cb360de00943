import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { AuthErrors, DomainError } from '@dvc/contracts';
import { HealthController } from '@dvc/observability';
import { GatewayConfig } from '../gateway.config';
import { OPS_CONTROLLERS } from './ops-routes';

/**
 * `/metrics` and `/health/ready` say what runs and what is down: where the gateway's port is
 * public (docker-compose), OPS_TOKEN makes them answer only `Authorization: Bearer <OPS_TOKEN>`
 * (the image's healthcheck sends it). `/health/live` stays open. Without OPS_TOKEN (Kubernetes,
 * where the Ingress refuses these paths from outside) they are open inside the network.
 */
@Injectable()
export class OpsTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(config: GatewayConfig) {
    this.expected = config.OPS_TOKEN ? Buffer.from(`Bearer ${config.OPS_TOKEN}`) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected || !OPS_CONTROLLERS.has(context.getClass())) return true;
    if (context.getHandler() === HealthController.prototype.live) return true;
    const { headers } = context.switchToHttp().getRequest<{ headers: Record<string, unknown> }>();
    const given =
      typeof headers.authorization === 'string' ? Buffer.from(headers.authorization) : null;
    if (given && given.length === this.expected.length && timingSafeEqual(given, this.expected)) {
      return true;
    }
    throw new DomainError(AuthErrors.opsTokenRequired);
  }
}
