import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const COLOURS = [36, 35, 33, 32, 34, 91, 92, 93, 94, 95];
const NAME_WIDTH = 17;
/** Nest's start-up inventory (modules loaded, routes mapped): noise once it works. */
const QUIET = /"context":"(InstanceLoader|RoutesResolver|RouterExplorer)"/;
const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/** Child processes started together, logging with a coloured name prefix, stopped together. */
export class ProcessGroup {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(
    private readonly onUnexpectedExit: (name: string, code: number | null) => void,
    /** Only warnings and errors (benchmarks). */
    private readonly options: { quiet?: boolean } = {},
  ) {}

  /** Starts a child and returns its pid. */
  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): number {
    const colour = COLOURS[this.children.size % COLOURS.length];
    const prefix = `\x1b[${colour}m${name.padEnd(NAME_WIDTH)}\x1b[0m│ `;
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        if (QUIET.test(line) || (this.options.quiet && !/"level":(40|50|60)|Error/.test(line)))
          return;
        (this.options.quiet ? process.stderr : process.stdout).write(prefix + pretty(line) + '\n');
      });
    }
    child.on('exit', (code) => {
      this.children.delete(name);
      if (!this.stopping) this.onUnexpectedExit(name, code);
    });
    this.children.set(name, child);
    return child.pid ?? -1;
  }

  /** Sends `signal` to one child and resolves when it has exited (not an unexpected exit). */
  kill(name: string, signal: NodeJS.Signals): Promise<void> {
    const child = this.children.get(name);
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.removeAllListeners('exit');
      child.once('exit', () => {
        this.children.delete(name);
        resolve();
      });
      child.kill(signal);
    });
  }

  /** SIGTERM everyone (apps drain and close), SIGKILL whoever is still there after the grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const exits = [...this.children.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    );
    await Promise.all(exits);
  }
}

/** pino JSON → `INFO  message`, keeping other lines as they are. */
function pretty(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const entry = JSON.parse(line) as {
      level?: number;
      msg?: string;
      context?: string;
      err?: { message?: string };
      req?: { method: string; url: string };
      res?: { statusCode: number };
      responseTime?: number;
    };
    const level = LEVELS[entry.level ?? 30] ?? 'INFO';
    const http =
      entry.req && entry.res
        ? `${entry.req.method} ${entry.req.url} → ${entry.res.statusCode} (${entry.responseTime} ms)`
        : '';
    const context = entry.context ? `[${entry.context}] ` : '';
    return `${level.padEnd(5)} ${context}${http || entry.msg || ''}${entry.err?.message ? ` — ${entry.err.message}` : ''}`;
  } catch {
    return line;
  }
}
