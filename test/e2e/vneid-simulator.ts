import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '@dvc/testing';
import { freePort } from './stack';

export const VNEID_CLIENT = {
  OIDC_CLIENT_ID: 'dvc-portal-test',
  OIDC_CLIENT_SECRET: 'test-only-oidc-client-secret',
};

export interface VneidSimulator {
  issuer: string;
  stop(): Promise<void>;
}

/**
 * The VNeID simulator (apps/vneid-simulator, ESM) as its own process, as `npm start` runs it,
 * on a free port, for a portal whose public address is `publicUrl`.
 */
export async function startVneidSimulator(publicUrl: string): Promise<VneidSimulator> {
  const issuer = `http://127.0.0.1:${await freePort()}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [join(__dirname, '..', '..', 'apps', 'vneid-simulator', 'src', 'main.mjs')],
    {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        OIDC_ISSUER: issuer,
        PUBLIC_URL: publicUrl,
        ...VNEID_CLIENT,
      },
      stdio: 'ignore',
    },
  );
  await waitFor(async () => (await fetch(`${issuer}/health/ready`).catch(() => null))?.ok, {
    timeoutMs: 15_000,
    what: 'the VNeID simulator',
  });
  return {
    issuer,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Cookies of one browser, per host, as a browser would keep them (name=value only). */
export class CookieJar {
  private readonly byHost = new Map<string, Map<string, string>>();

  store(url: string, response: Response): void {
    const host = new URL(url).host;
    const cookies = this.byHost.get(host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      if (/max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value.join('='));
    }
    this.byHost.set(host, cookies);
  }

  header(url: string): string {
    const cookies = this.byHost.get(new URL(url).host) ?? new Map<string, string>();
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
