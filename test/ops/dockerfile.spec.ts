import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_NAMES, deployedApps, repoRoot } from './ops-support';

/**
 * The Dockerfile cannot be built here (no Docker engine): its stages and instructions are
 * read, and the two scripts it writes into the image (entrypoint, healthcheck) are run.
 */

interface Stage {
  from: string;
  name?: string;
  instructions: string[];
}

const source = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');

/** Heredoc files (`COPY <<'EOF' /path` … `EOF`) by destination path. */
function heredocs(): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^COPY [^\n]*<<'?(\w+)'? (\S+)\n([\s\S]*?)\n\1$/gm;
  for (const m of source.matchAll(re)) out[m[2]] = `${m[3]}\n`;
  return out;
}

/** Instructions (continuation lines joined, heredoc bodies and comments left out) by stage. */
function stages(): { args: Record<string, string>; stages: Stage[] } {
  const withoutHeredocs = source.replace(/(<<'?(\w+)'? \S+)\n[\s\S]*?\n\2$/gm, '$1');
  const lines = withoutHeredocs
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const args: Record<string, string> = {};
  const out: Stage[] = [];
  for (const line of lines) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) {
      const image = from[1].replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? '');
      out.push({ from: image, name: from[2], instructions: [] });
    } else if (out.length === 0) {
      const arg = /^ARG\s+(\w+)=(\S+)/.exec(line);
      if (arg) args[arg[1]] = arg[2];
    } else {
      out[out.length - 1].instructions.push(line.replace(/\s+/g, ' '));
    }
  }
  return { args, stages: out };
}

describe('Dockerfile', () => {
  const { stages: all } = stages();
  const runtime = all[all.length - 1];
  const byName = (name: string) => all.find((s) => s.name === name);
  const files = heredocs();

  it('builds in stages: all dependencies and tsc, then production dependencies only', () => {
    const run = (stage: Stage | undefined) =>
      stage?.instructions.filter((i) => i.startsWith('RUN ')).join('\n') ?? '';
    const fromStage = (name: string | undefined): Stage | undefined =>
      name ? (byName(name) ?? undefined) : undefined;
    const build = all.find((s) => /npm run build/.test(run(s)));
    expect(build).toBeDefined();
    // The build stage has every dependency (itself or the stage it starts from).
    expect(run(build) + run(fromStage(build!.from))).toMatch(/npm ci(?! --omit)/);
    const prod = all.find((s) => /npm ci --omit=dev/.test(run(s)));
    expect(prod).toBeDefined();
    expect(prod!.instructions).toContain('COPY package.json package-lock.json ./');
    for (const stage of all.filter((s) => s.from.startsWith('node:'))) {
      expect(stage.from).toBe('node:20-bookworm-slim');
    }
    expect(runtime.from).toBe('node:20-bookworm-slim');
    // Only the compiled output and production node_modules reach the runtime image.
    const copies = runtime.instructions.filter((i) => /^COPY --from=/.test(i));
    expect(copies).toEqual([
      `COPY --from=${prod!.name} /app/node_modules ./node_modules`,
      `COPY --from=${build!.name} /app/dist ./dist`,
    ]);
    expect(runtime.instructions).not.toContain('RUN npm ci');
  });

  it('runs as a non-root user, by number, with the entrypoint and a healthcheck on /health/live', () => {
    const user = runtime.instructions.find((i) => i.startsWith('USER '));
    expect(user).toMatch(/^USER [1-9]\d*(:[1-9]\d*)?$/);
    expect(runtime.instructions).toContain('ENV NODE_ENV=production APP=${APP}');
    expect(runtime.instructions.find((i) => i.startsWith('ENTRYPOINT '))).toBe(
      'ENTRYPOINT ["/usr/bin/tini", "--", "dvc-entrypoint"]',
    );
    const healthcheck = runtime.instructions.find((i) => i.startsWith('HEALTHCHECK '));
    expect(healthcheck).toMatch(/CMD \["dvc-healthcheck"\]$/);
    expect(files['/usr/local/bin/dvc-healthcheck']).toMatch(/'\/health\/live'/);
    // Nothing in the image is written at run time but /tmp: no VOLUME, no chown of /app.
    expect(runtime.instructions.some((i) => /^VOLUME|chown/.test(i))).toBe(false);
  });

  it('keeps dependencies, build output, secrets and git out of the build context', () => {
    const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(
      expect.arrayContaining(['**/node_modules', '**/dist', '.git', '.env', '.env.*', '.data']),
    );
  });

  describe('dvc-entrypoint', () => {
    let dir: string;
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync('sh', [join(dir, 'dvc-entrypoint'), ...args], {
        cwd: dir,
        env: { PATH: `${join(dir, 'bin')}:/usr/bin:/bin`, ...env },
        encoding: 'utf8',
      });

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'dvc-entrypoint-'));
      writeFileSync(join(dir, 'dvc-entrypoint'), files['/usr/local/bin/dvc-entrypoint']);
      mkdirSync(join(dir, 'bin'));
      // A stand-in for node that says how it was called.
      writeFileSync(join(dir, 'bin', 'node'), '#!/bin/sh\necho "node $*"\n');
      chmodSync(join(dir, 'bin', 'node'), 0o755);
      for (const app of APP_NAMES.filter((a) => a !== 'payment')) {
        mkdirSync(join(dir, 'dist', 'apps', app, 'src'), { recursive: true });
        writeFileSync(join(dir, 'dist', 'apps', app, 'src', 'main.js'), '');
      }
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('knows every app', () => {
      const names = /^\s*([a-z|-]+)\)\n\s*main=/m.exec(files['/usr/local/bin/dvc-entrypoint']);
      expect(names?.[1].split('|').sort()).toEqual([...APP_NAMES].sort());
    });

    it('starts the app given as argument, or by APP', () => {
      expect(run(['gateway']).stdout).toBe('node dist/apps/gateway/src/main.js\n');
      expect(run([], { APP: 'document-storage' }).stdout).toBe(
        'node dist/apps/document-storage/src/main.js\n',
      );
      expect(run(['dossier'], { APP: 'gateway' }).stdout).toBe(
        'node dist/apps/dossier/src/main.js\n',
      );
    });

    it('runs the migrations, or any command given', () => {
      expect(run(['migrate']).stdout).toBe('node dist/scripts/migrate.js\n');
      expect(run(['node', 'dist/scripts/migrate.js']).stdout).toBe(
        'node dist/scripts/migrate.js\n',
      );
    });

    it('refuses nothing, an unknown name, or an app missing from the image', () => {
      expect(run([]).status).toBe(64);
      const unknown = run(['nonsense']);
      expect(unknown.status).toBe(64);
      expect(unknown.stderr).toMatch(/unknown app or command: nonsense/);
      const missing = run(['payment']);
      expect(missing.status).toBe(66);
      expect(missing.stderr).toMatch(/dist\/apps\/payment\/src\/main\.js is not in this image/);
    });
  });

  describe('dvc-healthcheck', () => {
    let dir: string;
    let server: Server;
    let port: number;
    // Asynchronous: the HTTP server answering it lives in this process.
    const run = (args: string[], env: Record<string, string>) =>
      new Promise<{ status: number | null }>((resolve) => {
        const child = spawn(process.execPath, [join(dir, 'dvc-healthcheck'), ...args], {
          env: { PATH: process.env.PATH ?? '', ...env },
          stdio: 'ignore',
          timeout: 15_000,
        });
        child.on('close', (status) => resolve({ status }));
      });

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'dvc-healthcheck-'));
      writeFileSync(join(dir, 'dvc-healthcheck'), files['/usr/local/bin/dvc-healthcheck']);
      server = createServer((req, res) => {
        const opsToken = req.headers.authorization === 'Bearer ops-token-0123456789abcdef';
        res.statusCode =
          req.url === '/health/live' || (req.url === '/metrics' && opsToken) ? 200 : 503;
        res.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    });

    it('is valid JavaScript', () => {
      expect(() =>
        execFileSync(process.execPath, ['--check', join(dir, 'dvc-healthcheck')]),
      ).not.toThrow();
    });

    it('passes when /health/live answers 2xx on HTTP_PORT', async () => {
      expect((await run([], { HTTP_PORT: String(port) })).status).toBe(0);
    });

    it('sends OPS_TOKEN as a bearer token when it is set', async () => {
      const env = { HTTP_PORT: String(port) };
      expect((await run(['/metrics'], env)).status).toBe(1);
      const withToken = { ...env, OPS_TOKEN: 'ops-token-0123456789abcdef' };
      expect((await run(['/metrics'], withToken)).status).toBe(0);
    });

    it('fails on another status, or when nothing listens', async () => {
      expect((await run(['/health/ready'], { HTTP_PORT: String(port) })).status).toBe(1);
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const free = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      expect((await run([], { HTTP_PORT: String(free) })).status).toBe(1);
    });

    it("knows each app's default port, the same as its config class", () => {
      const body = /const ports = \{([\s\S]*?)\};/.exec(files['/usr/local/bin/dvc-healthcheck']);
      const ports = Object.fromEntries(
        [...(body?.[1] ?? '').matchAll(/'?([a-z-]+)'?: (\d+)/g)].map((m) => [m[1], Number(m[2])]),
      );
      expect(ports).toEqual(Object.fromEntries(deployedApps().map((a) => [a.name, a.port])));
    });
  });
});
