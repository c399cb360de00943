import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { startProcessStack } from '../scripts/process-stack';
import { catalogueSearch } from './catalogue-search';
import { dossierSubmit } from './dossier-submit';
import { uploads } from './upload';
import { eventToBell } from './bell';
import { ipnHandling } from './ipn';

/**
 * `npm run bench` (not a test): every benchmark group against one stack of separate
 * processes; prints one JSON report and writes it, with a Markdown table, to bench/results/.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function main(): Promise<void> {
  const stack = await startProcessStack({
    name: 'bench',
    firstPort: 3100,
    s3rverPort: 9100,
    overrides: { MAX_FILE_BYTES: String(256 * 1024 * 1024) },
  });
  try {
    const report = {
      ranAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      secondsPerLoad: SECONDS,
      catalogueSearch: await catalogueSearch(stack, SECONDS),
      dossierSubmit: await dossierSubmit(stack, SECONDS),
      uploads: await uploads(stack),
      eventToBell: await eventToBell(stack),
      ipn: await ipnHandling(stack),
    };
    const dir = join(__dirname, '..', '..', 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
    writeFileSync(join(dir, 'latest.md'), table(report));
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await stack.stop();
  }
}

function table(r: {
  ranAt: string;
  machine: { cpus: number; cpuModel?: string; memoryGb: number; node: string };
  catalogueSearch: Awaited<ReturnType<typeof catalogueSearch>>;
  dossierSubmit: Awaited<ReturnType<typeof dossierSubmit>>;
  uploads: Awaited<ReturnType<typeof uploads>>;
  eventToBell: Awaited<ReturnType<typeof eventToBell>>;
  ipn: Awaited<ReturnType<typeof ipnHandling>>;
}): string {
  const c = r.catalogueSearch;
  const d = r.dossierSubmit;
  const u = r.uploads;
  return [
    `Benchmarks of ${r.ranAt.slice(0, 10)} on ${r.machine.cpus} × ${r.machine.cpuModel ?? 'CPU'}, ${r.machine.memoryGb} GB, Node ${r.machine.node}`,
    '',
    '| benchmark | result | target |',
    '|---|---|---|',
    `| catalogue search via gateway | ${c.gateway.rps} req/s, p50 ${c.gateway.p50Ms} ms, p99 ${c.gateway.p99Ms} ms | |`,
    `| same SQL, bare Fastify + pg | ${c.bareFastifyPg.rps} req/s, p50 ${c.bareFastifyPg.p50Ms} ms | |`,
    `| gateway / bare ratio | ${c.ratio} | ≥ 0.5 |`,
    `| gateway → service RPC hop | p50 ${c.rpcHop.p50Ms} ms, p99 ${c.rpcHop.p99Ms} ms | p50 ≤ 2 ms |`,
    `| dossier submit end to end (2 × 200 KB) | ${d.perSecond}/s, p50 ${d.latencyMs.p50} ms, p99 ${d.latencyMs.p99} ms, ${d.failures} failed | ≥ 200/s, p99 < 250 ms |`,
    `| upload via gateway vs direct put | ${u.gatewayMBps} vs ${u.directPutMBps} MB/s (ratio ${u.ratio}) | ≥ 0.7 |`,
    `| gateway RSS during a ${u.bigUpload.sizeMb} MB upload | +${u.bigUpload.growthMb} MB (status ${u.bigUpload.status}) | < 50 MB |`,
    `| officer action → citizen's bell (SSE) | p50 ${r.eventToBell.p50Ms} ms, p99 ${r.eventToBell.p99Ms} ms | p50 < 50 ms |`,
    `| IPN through the gateway | ${r.ipn.perSecond}/s, p50 ${r.ipn.latencyMs.p50} ms, p99 ${r.ipn.latencyMs.p99} ms | |`,
    '',
  ].join('\n');
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
