import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { metricsRegistry } from '@dvc/observability';
import { HubCallCounts, HubCallsRepository } from '../calls/hub-calls.repository';

/**
 * `national_sync_pending` and `national_sync_failed`, read from the table on each scrape of
 * /metrics (one query for both), so they cost nothing between scrapes.
 */
@Injectable()
export class NationalSyncMetrics implements OnModuleInit, OnModuleDestroy {
  private readonly names: string[] = [];
  private scrape: Promise<HubCallCounts | null> | null = null;

  constructor(private readonly calls: HubCallsRepository) {}

  onModuleInit(): void {
    const gauge = (name: string, help: string, pick: (c: HubCallCounts) => number) => {
      // A test may start the app twice in one process: the registry keeps one of each name.
      metricsRegistry.removeSingleMetric(name);
      const read = () => this.counts();
      this.names.push(name);
      new Gauge({
        name,
        help,
        registers: [metricsRegistry],
        async collect() {
          const counts = await read();
          if (counts) this.set(pick(counts));
        },
      });
    };
    gauge('national_sync_pending', 'Calls to the national hub not yet accepted', (c) => c.pending);
    gauge(
      'national_sync_failed',
      'Calls to the national hub parked after the retry budget',
      (c) => c.failed,
    );
  }

  onModuleDestroy(): void {
    for (const name of this.names) metricsRegistry.removeSingleMetric(name);
  }

  /** The two gauges of one scrape share one query. */
  private counts(): Promise<HubCallCounts | null> {
    this.scrape ??= this.calls
      .counts()
      .catch(() => null)
      .finally(() => setTimeout(() => (this.scrape = null), 0));
    return this.scrape;
  }
}
