import { Client } from 'pg';
import type { ProcessStack } from '../../scripts/process-stack';
import { PortalClient, pdfOf } from '../portal-client';
import { LARGE, loadLargeVolume } from './large-volume';
import { ReadFigure, measureReads } from './reads';

/** Target: at the large size no figure more than 2× worse, and every read's p99 < 50 ms. */
const MAX_RATIO = 2;
const MAX_READ_P99_MS = 50;

/**
 * `npm run bench -- --large`: the reads that grow with the data, measured at the seed size,
 * then again after loading LARGE (10,000 procedures, 1,000,000 dossiers with history).
 */
export async function largeVolume(stack: ProcessStack, name: string, seconds: number) {
  const gateway = stack.url('gateway');
  const citizen = await PortalClient.login(gateway, 'citizen@dvc.local');
  const officer = await PortalClient.login(gateway, 'officer@dvc.local');
  const db = new Client({
    connectionString: stack.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await db.connect();
  try {
    const id = await citizen.submitDossier(pdfOf(1024));
    const { code } = await citizen.json<{ code: string }>('GET', `/dossiers/${id}`);
    const me = await db.query<{ id: string; id_number: string }>(
      `SELECT id, id_number FROM ${name}_identity.accounts WHERE email = 'citizen@dvc.local'`,
    );
    const lookup = { code, key: me.rows[0].id_number };

    const seed = await measureReads({ citizen, officer, lookup }, seconds);
    const started = Date.now();
    await loadLargeVolume(db, name, LARGE, me.rows[0].id, (line) =>
      console.error(`bench --large: ${line}`),
    );
    const loadSeconds = Math.round((Date.now() - started) / 1000);
    // Loading outlasts an access token: log in again, as the portal would refresh.
    const large = await measureReads(
      {
        citizen: await PortalClient.login(gateway, 'citizen@dvc.local'),
        officer: await PortalClient.login(gateway, 'officer@dvc.local'),
        lookup,
      },
      seconds,
    );
    const rows = Object.keys(seed).map((operation) =>
      compare(operation, seed[operation], large[operation]),
    );
    return {
      volume: LARGE,
      loadSeconds,
      concurrency: 16,
      targets: { maxRatio: MAX_RATIO, readP99Ms: `< ${MAX_READ_P99_MS}` },
      met: rows.every((r) => r.met),
      rows,
    };
  } finally {
    await db.end();
  }
}

function compare(operation: string, seed: ReadFigure, large: ReadFigure) {
  const ratio = (a: number, b: number) => Number((b / Math.max(a, 0.01)).toFixed(2));
  const p50Ratio = ratio(seed.p50Ms, large.p50Ms);
  const p99Ratio = ratio(seed.p99Ms, large.p99Ms);
  const isRead = !operation.startsWith('submit');
  const met =
    large.failures === 0 &&
    p50Ratio <= MAX_RATIO &&
    p99Ratio <= MAX_RATIO &&
    (!isRead || large.p99Ms < MAX_READ_P99_MS);
  return { operation, seed, large, p50Ratio, p99Ratio, met };
}

export function largeTable(r: Awaited<ReturnType<typeof largeVolume>>): string {
  return [
    `Seed size against ${r.volume.procedures.toLocaleString('en')} procedures and ${r.volume.dossiers.toLocaleString('en')} dossiers (loaded in ${r.loadSeconds} s), ${r.concurrency} concurrent clients through the gateway. Target: large ≤ ${MAX_RATIO}× seed, read p99 < ${MAX_READ_P99_MS} ms.`,
    '',
    '| operation | seed: /s, p50 / p99 ms | large: /s, p50 / p99 ms | large ÷ seed (p50, p99) | met |',
    '|---|---|---|---|---|',
    ...r.rows.map(
      (row) =>
        `| ${row.operation} | ${row.seed.perSecond}, ${row.seed.p50Ms} / ${row.seed.p99Ms} | ${row.large.perSecond}, ${row.large.p50Ms} / ${row.large.p99Ms} | ${row.p50Ratio}, ${row.p99Ratio} | ${row.met ? 'yes' : 'no'} |`,
    ),
    '',
  ].join('\n');
}
