import { HealthController, MetricsController } from '@dvc/observability';

/** Probes and scrapes, outside the API: never authenticated, never rate limited. */
export const OPS_CONTROLLERS: ReadonlySet<unknown> = new Set([HealthController, MetricsController]);
