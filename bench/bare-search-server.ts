import Fastify from 'fastify';
import { Pool } from 'pg';
import { searchCriteria } from '../apps/catalogue/src/procedures/procedure-search';
import { searchProcedures } from '../apps/catalogue/src/procedures/procedure-search.query';

/**
 * The baseline of the catalogue benchmark: the very same search statements behind a bare
 * Fastify handler with a pg pool — no gateway, no RabbitMQ hop, no Nest.
 */
async function main(): Promise<void> {
  const schema = process.env.DB_SCHEMA ?? 'bench_catalogue';
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    max: 10,
    options: `-c search_path=${schema},public`,
  });
  const app = Fastify();
  app.get('/procedures', async (request) => {
    const criteria = searchCriteria(request.query as Record<string, unknown>);
    const { rows, total } = await searchProcedures(
      async (query) => (await pool.query(query.sql, [...query.parameters])).rows,
      criteria,
    );
    return {
      items: rows,
      total,
      page: criteria.page,
      pageSize: criteria.pageSize,
    };
  });
  await app.listen({ port: Number(process.env.PORT ?? 3199), host: '127.0.0.1' });
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => pool.end())
        .then(() => process.exit(0)),
  );
}

void main();
