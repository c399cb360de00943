import 'reflect-metadata';

/**
 * What production refuses, declared on the config classes: `@Secret()` on a key or token,
 * `@SecretInUrl()` on a connection URL, `@PublicOrigins()` on addresses browsers use, and
 * `@RequiredInProduction` / `@ProductionValue` on development switches. `productionProblems`
 * is the one check every app runs at start (through loadConfig).
 */

const RULES = Symbol('dvc:production-rules');

type Condition = (config: never) => boolean;

interface ProductionRule {
  property: string;
  /** A secret (key, token, password): must come from the operator, never from the file. */
  secret: boolean;
  /** Why production refuses this value (lower case, short), or null when it may run with it. */
  refuse: (value: unknown, developmentValue: unknown) => string | null;
  when?: Condition;
}

/** Values that are public knowledge: a secret equal to one of them is no secret. */
const WELL_KNOWN_SECRETS = new Set([
  '',
  'guest',
  'postgres',
  'password',
  'changeme',
  'secret',
  'admin',
  'minioadmin',
  'S3RVER',
]);

function isWellKnown(value: string): boolean {
  return WELL_KNOWN_SECRETS.has(value) || value.startsWith('dev-only-');
}

function rule(entry: Omit<ProductionRule, 'property'>): PropertyDecorator {
  return (target, property) => {
    const own = (Reflect.getOwnMetadata(RULES, target) as ProductionRule[] | undefined) ?? [];
    Reflect.defineMetadata(RULES, [...own, { ...entry, property: String(property) }], target);
  };
}

interface Options<T> {
  /** The rule applies only when this holds (e.g. a password only when a user is set). */
  when?: (config: T) => boolean;
}

/** A key, token or password: set, and neither its development value nor a well-known one. */
export function Secret<T = unknown>(options: Options<T> = {}): PropertyDecorator {
  return rule({
    secret: true,
    when: options.when as Condition | undefined,
    refuse: (value, developmentValue) => {
      if (typeof value !== 'string' || value === '') return 'not set';
      if (value === developmentValue || isWellKnown(value)) return 'development value';
      return null;
    },
  });
}

/** A connection URL whose password is a secret (postgres://user:password@host/…). */
export function SecretInUrl<T = unknown>(options: Options<T> = {}): PropertyDecorator {
  return rule({
    secret: true,
    when: options.when as Condition | undefined,
    refuse: (value, developmentValue) => {
      const url = parseUrl(value);
      if (!url) return 'not a URL';
      const password = decodeURIComponent(url.password);
      if (password === '') return 'no password';
      const developmentPassword = parseUrl(developmentValue)?.password;
      if (url.password === developmentPassword || isWellKnown(password)) {
        return 'development password';
      }
      if (decodeURIComponent(url.username) === 'guest') return 'development user';
      return null;
    },
  });
}

/** Comma-separated origins or URLs browsers are sent to: none of them on this machine. */
export function PublicOrigins(): PropertyDecorator {
  return rule({
    secret: false,
    refuse: (value) => {
      const entries = String(value ?? '')
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
      return entries.some((entry) => isLocalAddress(parseUrl(entry)?.hostname))
        ? 'points at localhost'
        : null;
    },
  });
}

/**
 * A setting whose development value points at a development stand-in (the embedded s3rver,
 * MailDev, the demo merchant): production must set its own.
 */
export function RequiredInProduction(reason: string): PropertyDecorator {
  return rule({
    secret: false,
    refuse: (value, developmentValue) =>
      value === undefined || value === '' || value === developmentValue ? reason : null,
  });
}

/** A development switch production must turn to this value (a simulator off, a real scanner). */
export function ProductionValue(expected: string | boolean): PropertyDecorator {
  return rule({
    secret: false,
    refuse: (value) => (value === expected ? null : `must be ${String(expected)}`),
  });
}

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

function isLocalAddress(hostname: string | undefined): boolean {
  if (hostname === undefined) return false;
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname.startsWith('127.') ||
    hostname === '[::1]' ||
    hostname === '0.0.0.0'
  );
}

function rulesOf(config: object): ProductionRule[] {
  const chain: ProductionRule[][] = [];
  for (let proto = Object.getPrototypeOf(config) as object | null; proto;) {
    chain.unshift((Reflect.getOwnMetadata(RULES, proto) as ProductionRule[] | undefined) ?? []);
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return chain.flat().filter((r) => !r.when || r.when(config as never));
}

/**
 * Every setting production would refuse, each as `NAME (reason)`. The development value of a
 * setting is its default in the config class.
 */
export function productionProblems(config: object): string[] {
  const defaults = new (config.constructor as new () => Record<string, unknown>)();
  const values = config as Record<string, unknown>;
  return rulesOf(config).flatMap((r) => {
    const reason = r.refuse(values[r.property], defaults[r.property]);
    return reason === null ? [] : [`${r.property} (${reason})`];
  });
}

/** Names of the secrets of a config (as it stands: conditional ones only when they apply). */
export function secretSettings(config: object): string[] {
  return rulesOf(config)
    .filter((r) => r.secret)
    .map((r) => r.property);
}
