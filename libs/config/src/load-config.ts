import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

/**
 * Reads the environment once into a validated, typed config object. Unknown variables
 * are ignored; a missing or malformed one stops the app with every problem listed.
 */
export function loadConfig<T extends object>(schema: new () => T, env: Env = process.env): T {
  const config = plainToInstance(
    schema,
    { ...env },
    { enableImplicitConversion: true, exposeDefaultValues: true },
  );
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: true });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration for ${schema.name}:\n${lines.join('\n')}`);
  }
  const check = (config as { assertSafeForProduction?: () => void }).assertSafeForProduction;
  check?.call(config);
  return config;
}
