import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot, strongSecret } from './ops-support';

/** docker-compose.yml, parsed like Docker Compose does: YAML merge keys, then interpolation. */

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  entrypoint?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: (string | { target: number; published?: string | number })[];
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test: string[] | string; disable?: boolean };
  restart?: string;
  read_only?: boolean;
  tmpfs?: string[] | string;
  cap_drop?: string[];
  profiles?: string[];
  [field: string]: unknown;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

export const composePath = join(repoRoot, 'docker-compose.yml');

export function composeSource(): string {
  return readFileSync(composePath, 'utf8');
}

/** The file as written (no interpolation), `<<` merges resolved. */
export function rawCompose(): ComposeFile {
  return parse(composeSource(), { merge: true }) as ComposeFile;
}

/** `${NAME:?…}` / `${NAME?…}`: variables the file refuses to run without. */
export function mandatoryVariables(source = composeSource()): string[] {
  return [...new Set([...source.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):?\?/g)].map((m) => m[1]))];
}

export class InterpolationError extends Error {}

/** Compose's interpolation of one string: $$, $NAME, ${NAME}, ${NAME:-x}, ${NAME-x}, ${NAME:?x}, ${NAME:+x}. */
export function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, name?: string, colon?: string, op?: '-' | '?' | '+', arg?: string, bare?: string) => {
      if (whole === '$$') return '$';
      if (bare) return env[bare] ?? '';
      const current = env[name!];
      const unset = colon ? current === undefined || current === '' : current === undefined;
      switch (op) {
        case '-':
          return unset ? arg! : current!;
        case '?':
          if (unset) throw new InterpolationError(`${name}: ${arg || 'required'}`);
          return current!;
        case '+':
          return unset ? '' : arg!;
        case undefined: // plain ${NAME}
          return current ?? '';
      }
    },
  );
}

function interpolateAll(value: unknown, env: Record<string, string | undefined>): unknown {
  if (typeof value === 'string') return interpolate(value, env);
  if (Array.isArray(value)) return value.map((v) => interpolateAll(v, env));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolateAll(v, env)]));
  }
  return value;
}

/** What an operator's env file provides: a strong value for every mandatory variable. */
export function operatorEnv(): Record<string, string> {
  return Object.fromEntries(mandatoryVariables().map((name) => [name, strongSecret(name)]));
}

/** The file as Compose would run it with `env`. */
export function renderCompose(env: Record<string, string | undefined>): ComposeFile {
  return interpolateAll(rawCompose(), env) as ComposeFile;
}

/** A service's environment as the container gets it (both list and map forms). */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const eq = entry.indexOf('=');
        return eq < 0 ? [entry, ''] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

export function dependsOn(service: ComposeService): Record<string, string> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, 'service_started']));
  return Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, v.condition]));
}

export function commandOf(service: ComposeService): string[] {
  const command = service.command ?? [];
  return Array.isArray(command) ? command : command.split(/\s+/).filter(Boolean);
}

export function healthcheckCommand(service: ComposeService): string {
  const test = service.healthcheck?.test ?? [];
  return Array.isArray(test) ? test.join(' ') : test;
}
