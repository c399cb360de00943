import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { apps } from '../scripts/apps';
import { ProcessStack, startProcessStack } from '../scripts/process-stack';
import { catalogueDetail, catalogueSearch } from './catalogue-search';
import { BENCH_PROCESS, Measure, OperationCost, costMeter } from './cost';
import { submitStep, wholeFiling } from './dossier-submit';
import { officerActions } from './officer-actions';
import { uploads } from './upload';
import { eventToBell } from './bell';
import { ipnHandling } from './ipn';
import { largeTable, largeVolume } from './large/large-run';

/**
 * `npm run bench` (not a test): every benchmark group against one stack of separate
 * processes; prints one JSON report and writes it, with Markdown tables, to bench/results/.
 * Each operation also reports its CPU-ms per process and SQL statements (bench/cost.ts).
 *
 * `npm run bench -- --profile <group>` runs one group (idle, search, detail, submit, submit-step,
 * filing, officer, upload, bell, ipn) with every app under the V8 CPU profiler and writes one .cpuprofile per
 * process to bench/results/profiles/ (open them in Chrome DevTools or speedscope).
 * `npm run bench -- --only submit,idle` runs some groups and prints their JSON only.
 * `npm run bench -- --large` measures the reads that grow with the data at the seed size and
 * again after loading 10,000 procedures and 1,000,000 dossiers (bench/large/), and writes
 * bench/results/large.json and large.md.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const LARGE_RUN = process.argv.includes('--large');
/** Citizens submitting at once (16 by default); fewer keeps a loaded machine under the RPC timeout. */
const SUBMITTERS = Number(process.env.BENCH_SUBMITTERS ?? 16);
// The large run keeps its own schemas, vhost and ports: its million rows never meet the others.
/** BENCH_NAME and BENCH_FIRST_PORT let two benches run side by side (own schemas, vhost and ports). */
const NAME = process.env.BENCH_NAME ?? (LARGE_RUN ? 'large' : 'bench');
const FIRST_PORT = Number(process.env.BENCH_FIRST_PORT ?? (LARGE_RUN ? 3500 : 3100));
const results = join(__dirname, '..', '..', 'bench', 'results');
const profiles = join(results, 'profiles');

type Group = (stack: ProcessStack, measure: Measure) => Promise<unknown>;
const groups: Record<string, Group> = {
  idle: (stack, measure) => idle(measure),
  search: (stack, measure) => catalogueSearch(stack, SECONDS, measure),
  detail: (stack, measure) => catalogueDetail(stack, SECONDS, measure),
  // The submit step of prepared drafts (the issue's measure), then the whole filing.
  submit: async (stack, measure) => ({
    submitStep: await submitStep(stack, measure, SUBMITTERS),
    wholeFiling: await wholeFiling(stack, SECONDS, measure, SUBMITTERS),
  }),
  'submit-step': (stack, measure) => submitStep(stack, measure, SUBMITTERS),
  filing: (stack, measure) => wholeFiling(stack, SECONDS, measure, SUBMITTERS),
  officer: (stack, measure) => officerActions(stack, measure),
  upload: (stack, measure) => uploads(stack, measure),
  bell: (stack, measure) => eventToBell(stack, measure),
  ipn: (stack, measure) => ipnHandling(stack, measure),
};

async function main(): Promise<void> {
  const profile = argument('--profile');
  const only = argument('--only')?.split(',');
  for (const group of [profile, ...(only ?? [])])
    if (group !== undefined && !groups[group])
      throw new Error(`a group is one of: ${Object.keys(groups).join(', ')}`);
  const stack = await startProcessStack({
    name: NAME,
    firstPort: FIRST_PORT,
    s3rverPort: FIRST_PORT + 6000,
    // national-sync calls the national hub for every submitted dossier, as in `npm start`.
    hub: true,
    overrides: {
      MAX_FILE_BYTES: String(256 * 1024 * 1024),
      // BENCH_LOG_LEVEL=info measures the apps logging as under `npm start`.
      ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
      ...(profile === undefined ? {} : profilerEnv()),
    },
  });
  const meter = await costMeter(stack, NAME);
  try {
    if (profile !== undefined) {
      // Profile the measured load only, not the start-up or the preparation.
      const profiled: Measure = (name, run) =>
        meter.measure(name, () => {
          for (const app of apps) process.kill(stack.pid(app.name), 'SIGWINCH');
          return run();
        });
      await groups[profile](stack, profiled);
      console.log(`CPU profiles of '${profile}' (one per process): ${profiles}/`);
      return;
    }
    if (LARGE_RUN) {
      const report = await largeVolume(stack, NAME, SECONDS);
      mkdirSync(results, { recursive: true });
      writeFileSync(join(results, 'large.json'), JSON.stringify(report, null, 2) + '\n');
      writeFileSync(join(results, 'large.md'), largeTable(report));
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    if (only !== undefined) {
      const some: Record<string, unknown> = {};
      for (const group of only) some[group] = await groups[group](stack, meter.measure);
      console.log(JSON.stringify(some, null, 2));
      return;
    }
    const report = {
      ranAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      secondsPerLoad: SECONDS,
      idle: await idle(meter.measure),
      catalogueSearch: await catalogueSearch(stack, SECONDS, meter.measure),
      catalogueDetail: await catalogueDetail(stack, SECONDS, meter.measure),
      submitStep: await submitStep(stack, meter.measure, SUBMITTERS),
      wholeFiling: await wholeFiling(stack, SECONDS, meter.measure, SUBMITTERS),
      officerActions: await officerActions(stack, meter.measure),
      uploads: await uploads(stack, meter.measure),
      eventToBell: await eventToBell(stack, meter.measure),
      ipn: await ipnHandling(stack, meter.measure),
    };
    mkdirSync(results, { recursive: true });
    writeFileSync(join(results, 'latest.json'), JSON.stringify(report, null, 2) + '\n');
    writeFileSync(join(results, 'latest.md'), table(report) + '\n' + costTable(report));
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await meter.close();
    await stack.stop();
  }
}

/** The cost of standing still: what every process spends per second with no load at all. */
function idle(measure: Measure) {
  return measure('idle (per second)', async () => {
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    return { operations: SECONDS };
  });
}

/** Every app preloads the profiler hook and names its profile after itself. */
function profilerEnv(): Record<string, string> {
  const env: Record<string, string> = {
    NODE_OPTIONS: `--require ${join(__dirname, 'cpu-profile.js')}`,
    CPU_PROFILE_DIR: profiles,
  };
  for (const app of apps)
    env[`${app.name.toUpperCase().replace(/-/g, '_')}_CPU_PROFILE_NAME`] = app.name;
  return env;
}

function argument(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i < 0 ? undefined : process.argv[i + 1];
}

interface Report {
  ranAt: string;
  machine: { cpus: number; cpuModel?: string; memoryGb: number; node: string };
  idle: Awaited<ReturnType<typeof idle>>;
  catalogueSearch: Awaited<ReturnType<typeof catalogueSearch>>;
  catalogueDetail: Awaited<ReturnType<typeof catalogueDetail>>;
  submitStep: Awaited<ReturnType<typeof submitStep>>;
  wholeFiling: Awaited<ReturnType<typeof wholeFiling>>;
  officerActions: Awaited<ReturnType<typeof officerActions>>;
  uploads: Awaited<ReturnType<typeof uploads>>;
  eventToBell: Awaited<ReturnType<typeof eventToBell>>;
  ipn: Awaited<ReturnType<typeof ipnHandling>>;
}

function table(r: Report): string {
  const c = r.catalogueSearch;
  const s = r.submitStep;
  const f = r.wholeFiling;
  const u = r.uploads;
  return [
    `Benchmarks of ${r.ranAt.slice(0, 10)} on ${r.machine.cpus} × ${r.machine.cpuModel ?? 'CPU'}, ${r.machine.memoryGb} GB, Node ${r.machine.node}`,
    '',
    '| benchmark | result | target |',
    '|---|---|---|',
    `| catalogue search via gateway | ${c.gateway.rps} req/s, p50 ${c.gateway.p50Ms} ms, p99 ${c.gateway.p99Ms} ms | |`,
    `| same SQL, bare Fastify + pg | ${c.bareFastifyPg.rps} req/s, p50 ${c.bareFastifyPg.p50Ms} ms | |`,
    `| gateway / bare ratio | ${c.ratio} | ≥ 0.7 |`,
    `| gateway → service RPC hop | p50 ${c.rpcHop.p50Ms} ms, p99 ${c.rpcHop.p99Ms} ms | p50 ≤ 2 ms |`,
    `| submit step of prepared drafts, ${s.concurrency} at a time | ${s.perSecond}/s, p50 ${s.latencyMs.p50} ms, p99 ${s.latencyMs.p99} ms; ${s.cost.systemCpuMsPerOperation} CPU-ms (mail sink excluded) | ≥ 200/s, p99 < 250 ms, ≤ 10 CPU-ms |`,
    `| whole filing: draft, form, 2 × 200 KB, submit | ${f.perSecond}/s, p50 ${f.latencyMs.p50} ms, p99 ${f.latencyMs.p99} ms, ${f.failures} failed | |`,
    `| upload via gateway vs direct put | ${u.gatewayMBps} vs ${u.directPutMBps} MB/s (ratio ${u.ratio}) | ≥ 0.7 |`,
    `| gateway RSS during a ${u.bigUpload.sizeMb} MB upload | +${u.bigUpload.growthMb} MB (status ${u.bigUpload.status}) | < 50 MB |`,
    `| officer action → citizen's bell (SSE) | p50 ${r.eventToBell.p50Ms} ms, p99 ${r.eventToBell.p99Ms} ms | p50 < 50 ms |`,
    `| IPN through the gateway | ${r.ipn.perSecond}/s, p50 ${r.ipn.latencyMs.p50} ms, p99 ${r.ipn.latencyMs.p99} ms | |`,
    '',
  ].join('\n');
}

/** Per operation: throughput, latency, statements, and CPU-ms in each process. */
function costTable(r: Report): string {
  const o = r.officerActions;
  const rows: [string, string, { p50: number; p99: number } | null, OperationCost][] = [
    ['idle (per second)', '', null, r.idle.cost],
    [
      'search',
      `${r.catalogueSearch.gateway.rps}/s`,
      ms(r.catalogueSearch.gateway),
      r.catalogueSearch.gateway.cost,
    ],
    ['detail', `${r.catalogueDetail.rps}/s`, ms(r.catalogueDetail), r.catalogueDetail.cost],
    [
      'submit step (prepared drafts)',
      `${r.submitStep.perSecond}/s`,
      r.submitStep.latencyMs,
      r.submitStep.cost,
    ],
    [
      'whole filing (draft, form, 2 files, submit)',
      `${r.wholeFiling.perSecond}/s`,
      r.wholeFiling.latencyMs,
      r.wholeFiling.cost,
    ],
    ['officer: receive', `${o.receive.perSecond}/s`, o.receive.latencyMs, o.receive.cost],
    ['officer: start', `${o.start.perSecond}/s`, o.start.latencyMs, o.start.cost],
    [
      'officer: request-payment',
      `${o.requestPayment.perSecond}/s`,
      o.requestPayment.latencyMs,
      o.requestPayment.cost,
    ],
    ['officer: refuse', `${o.refuse.perSecond}/s`, o.refuse.latencyMs, o.refuse.cost],
    [`upload (${r.uploads.fileMb} MB)`, `${r.uploads.gatewayMBps} MB/s`, null, r.uploads.cost],
    ['IPN', `${r.ipn.perSecond}/s`, r.ipn.latencyMs, r.ipn.cost],
    [
      'bell (receive → SSE)',
      '1 at a time',
      { p50: r.eventToBell.p50Ms, p99: r.eventToBell.p99Ms },
      r.eventToBell.cost,
    ],
  ];
  const processes = [
    ...apps.map((a) => a.name),
    'document-storage (object store)',
    'postgres',
    'rabbitmq',
    'redis',
    BENCH_PROCESS,
  ];
  return [
    'CPU-ms per operation in each process, until its consequences had drained; SQL statements per operation.',
    '',
    `| operation | rate | p50 / p99 ms | SQL stmts | CPU-ms (all) | CPU-ms (apps + Postgres) | ${processes.join(' | ')} |`,
    `|---|---|---|---|---|---|${processes.map(() => '---|').join('')}`,
    ...rows.map(
      ([name, rate, latency, cost]) =>
        `| ${name} | ${rate} | ${latency ? `${latency.p50} / ${latency.p99}` : ''} | ${cost.statementsTotalPerOperation} | ${cost.systemCpuMsPerOperation} | ${cost.ownCpuMsPerOperation} | ` +
        processes.map((p) => cost.cpuMsPerOperation[p] ?? 0).join(' | ') +
        ' |',
    ),
    '',
  ].join('\n');
}

function ms(load: { p50Ms: number; p99Ms: number }): { p50: number; p99: number } {
  return { p50: load.p50Ms, p99: load.p99Ms };
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err);
    process.exit(1);
  },
);
