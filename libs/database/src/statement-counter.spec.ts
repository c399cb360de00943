import { metricsRegistry } from '@dvc/observability';
import { serviceDataSourceOptions } from './data-source';
import type { StatementCounter } from './statement-counter';

describe('SQL statements counted per schema', () => {
  const sent = async (schema: string): Promise<number> => {
    const metric = await metricsRegistry.getSingleMetric('db_statements_total')!.get();
    return metric.values.find((v) => v.labels.schema === schema)?.value ?? 0;
  };

  it("counts every statement a service's data source sends, under its schema, on /metrics", async () => {
    const options = serviceDataSourceOptions({
      url: 'postgres://x',
      schema: 'dossier',
      migrations: [],
    });
    const logger = options.logger as StatementCounter;
    const before = await sent('dossier');

    logger.logQuery();
    logger.logQuery();

    expect(await sent('dossier')).toBe(before + 2);
    expect(await sent('identity')).toBe(0);
    expect(await metricsRegistry.metrics()).toMatch(
      /^db_statements_total\{schema="dossier"\} \d+$/m,
    );
  });

  it('names the backend after the schema, so the bench can tell whose it is', () => {
    const options = serviceDataSourceOptions({
      url: 'postgres://x',
      schema: 'catalogue',
      migrations: [],
    });
    expect(options.extra).toMatchObject({ application_name: 'catalogue' });
  });
});
