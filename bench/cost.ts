import { connect as amqpConnect } from 'amqplib';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import Redis from 'ioredis';
import { Client } from 'pg';
import { apps } from '../scripts/apps';
import type { ProcessStack } from '../scripts/process-stack';
import { round } from './measure';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on every Linux we run on). */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const SAMPLE_EVERY_MS = 200;
const DRAIN_TIMEOUT_MS = 120_000;

/** Where the CPU of an operation went: ms per operation by process, and SQL statements. */
export interface OperationCost {
  operations: number;
  /** CPU-ms per operation in each process, until its consequences had drained. */
  cpuMsPerOperation: Record<string, number>;
  /** Sum of the above over the portal's processes (apps, object store, Postgres, RabbitMQ, Redis). */
  systemCpuMsPerOperation: number;
  /**
   * The same without RabbitMQ and Redis: whole servers that other stacks on the machine use too,
   * so their share is only as good as the machine is quiet.
   */
  ownCpuMsPerOperation: number;
  /** SQL statements per operation, BEGIN/COMMIT included, by app. */
  statementsPerOperation: Record<string, number>;
  statementsTotalPerOperation: number;
  /** How long after the load the outboxes, event queues and email jobs took to empty. */
  drainMs: number;
}

export type Measure = <T extends { operations: number }>(
  name: string,
  run: () => Promise<T>,
) => Promise<T & { cost: OperationCost }>;

export interface CostMeter {
  measure: Measure;
  close(): Promise<void>;
}

/** The process that runs the load, the launcher's log pipe and the stack's SMTP sink. */
export const BENCH_PROCESS = 'bench (load, launcher, mail sink)';

/**
 * Measures what an operation costs the whole portal: every process's CPU time (utime +
 * stime of /proc/<pid>/stat, sampled before, during and after) from the start of the load
 * until its consequences have drained (outboxes published, event queues and email jobs
 * empty), and the SQL statements each app sent (its `db_statements_total`).
 *
 * Postgres counts this stack's backends (application_name = its schemas) and the server's
 * background processes; RabbitMQ (beam.smp) and Redis are whole servers, shared with
 * whatever else runs on the machine.
 */
export async function costMeter(stack: ProcessStack, name: string): Promise<CostMeter> {
  const schemas = apps.filter((a) => a.migrate).map((a) => `${name}_${a.name.replace(/-/g, '_')}`);
  const pg = new Client({
    connectionString: stack.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    application_name: 'bench-probe',
  });
  await pg.connect();
  const redis = new Redis(stack.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  await redis.connect();
  const amqp = await amqpConnect(stack.env.AMQP_URL!);
  const vhost = new URL(stack.env.AMQP_URL!).pathname.slice(1);
  const eventQueues = execFileSync('rabbitmqctl', ['-q', 'list_queues', '-p', vhost, 'name'])
    .toString()
    .split('\n')
    .map((l) => l.trim())
    .filter((q) => q && q !== 'name' && !q.startsWith('amq.') && !q.endsWith('.dlq'));

  const drained = async (): Promise<boolean> => {
    const { rows } = await pg.query<{ pending: number }>(
      schemas
        .map((s) => `SELECT count(*)::int AS pending FROM "${s}".outbox WHERE published_at IS NULL`)
        .join(' UNION ALL '),
    );
    if (rows.some((r) => r.pending > 0)) return false;
    const channel = await amqp.createChannel();
    try {
      for (const queue of eventQueues)
        if ((await channel.checkQueue(queue)).messageCount > 0) return false;
    } finally {
      await channel.close();
    }
    const prefix = `${stack.env.REDIS_PREFIX ?? ''}bull`;
    for (const queue of ['email', 'sms'])
      for (const list of ['wait', 'active'])
        if ((await redis.llen(`${prefix}:${queue}:${list}`)) > 0) return false;
    return true;
  };

  /** Polls until drained three times in a row (a message in a handler is not "ready"). */
  const drain = async (): Promise<number> => {
    const t0 = Date.now();
    let calm = 0;
    while (calm < 3) {
      if (Date.now() - t0 > DRAIN_TIMEOUT_MS) throw new Error('consequences not drained in 120 s');
      calm = (await drained()) ? calm + 1 : 0;
      await new Promise((r) => setTimeout(r, 100));
    }
    return Date.now() - t0;
  };

  const processes = async (): Promise<Map<number, string>> => {
    const owner = new Map<number, string>();
    for (const app of apps) {
      const pid = stack.pid(app.name);
      owner.set(pid, app.name);
      for (const child of childrenOf(pid)) owner.set(child, `${app.name} (object store)`);
    }
    for (const pid of pidsNamed('beam.smp')) owner.set(pid, 'rabbitmq');
    for (const pid of pidsNamed('redis-server')) owner.set(pid, 'redis');
    const { rows } = await pg.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE application_name = ANY($1) OR backend_type <> 'client backend'`,
      [schemas],
    );
    for (const { pid } of rows) owner.set(pid, 'postgres');
    owner.set(process.pid, BENCH_PROCESS);
    return owner;
  };

  const statements = async (): Promise<Record<string, number>> => {
    const counts: Record<string, number> = {};
    for (const app of apps) {
      const text = await (await fetch(`${stack.url(app.name)}/metrics`)).text();
      counts[app.name] = [...text.matchAll(/^db_statements_total\{[^}]*\} (\d+)/gm)].reduce(
        (n, m) => n + Number(m[1]),
        0,
      );
    }
    return counts;
  };

  const measure: Measure = async <T extends { operations: number }>(
    operation: string,
    run: () => Promise<T>,
  ) => {
    await drain(); // the previous operation's consequences are not this one's
    const statementsBefore = await statements();
    const cpu = new CpuSampler();
    cpu.sample(await processes(), true);
    const timer = setInterval(() => {
      void processes().then(
        (owner) => cpu.sample(owner, false),
        () => undefined,
      );
    }, SAMPLE_EVERY_MS);
    let result: T;
    let drainMs: number;
    try {
      result = (await run()) as T;
      drainMs = await drain();
    } finally {
      clearInterval(timer);
    }
    cpu.sample(await processes(), false);
    const statementsAfter = await statements();

    const n = Math.max(1, result.operations);
    const cpuMs = cpu.msByOwner();
    const cpuMsPerOperation = Object.fromEntries(
      Object.entries(cpuMs)
        .sort(([, a], [, b]) => b - a)
        .map(([owner, ms]) => [owner, round(ms / n, 2)]),
    );
    const sum = (skip: string[]) =>
      Object.entries(cpuMs)
        .filter(([owner]) => !skip.includes(owner))
        .reduce((total, [, ms]) => total + ms, 0);
    const system = sum([BENCH_PROCESS]);
    const own = sum([BENCH_PROCESS, 'rabbitmq', 'redis']);
    const statementsPerOperation: Record<string, number> = {};
    for (const app of apps) {
      const sent = statementsAfter[app.name] - statementsBefore[app.name];
      if (sent !== 0) statementsPerOperation[app.name] = round(sent / n, 2);
    }
    const cost: OperationCost = {
      operations: result.operations,
      cpuMsPerOperation,
      systemCpuMsPerOperation: round(system / n, 2),
      ownCpuMsPerOperation: round(own / n, 2),
      statementsPerOperation,
      statementsTotalPerOperation: round(
        Object.values(statementsPerOperation).reduce((a, b) => a + b, 0),
        2,
      ),
      drainMs,
    };
    console.error(
      `bench: ${operation}: ${result.operations} ops, ${cost.systemCpuMsPerOperation} CPU-ms/op ` +
        `(${cost.ownCpuMsPerOperation} in apps and Postgres), ` +
        `${cost.statementsTotalPerOperation} statements/op`,
    );
    return { ...(result as object), cost } as Awaited<ReturnType<typeof run>> & {
      cost: OperationCost;
    };
  };

  return {
    measure,
    async close() {
      await Promise.allSettled([pg.end(), redis.quit(), amqp.close()]);
    },
  };
}

/** CPU time per process, remembered per pid so processes that come and go are counted. */
class CpuSampler {
  private readonly pids = new Map<number, { owner: string; first: number; last: number }>();

  sample(owners: Map<number, string>, baseline: boolean): void {
    for (const [pid, owner] of owners) {
      const ticks = cpuTicks(pid);
      if (ticks === null) continue;
      const known = this.pids.get(pid);
      if (known) known.last = ticks;
      // A process first seen after the start did all its work inside the window.
      else this.pids.set(pid, { owner, first: baseline ? ticks : 0, last: ticks });
    }
  }

  msByOwner(): Record<string, number> {
    const ms: Record<string, number> = {};
    for (const { owner, first, last } of this.pids.values())
      ms[owner] = (ms[owner] ?? 0) + ((last - first) * 1000) / TICKS_PER_SECOND;
    return ms;
  }
}

/** utime + stime of a process, in clock ticks; null once it is gone. */
function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

function pidsNamed(command: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === command;
      } catch {
        return false;
      }
    });
}
