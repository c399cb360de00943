import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { apps } from './apps';

/** Every variable an app reads is documented in .env.example (docs/design.md §10). */
describe('.env.example', () => {
  const documented = new Set(
    readFileSync(join(__dirname, '..', '.env.example'), 'utf8')
      .split('\n')
      .map((line) => /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined),
  );

  it.each(apps.map((app) => [app.configClass.name, app.configClass] as const))(
    'documents every variable of %s',
    (_name, configClass) => {
      const names = new Set(
        getMetadataStorage()
          .getTargetValidationMetadatas(configClass, '', true, false)
          .map((m) => m.propertyName),
      );
      const missing = [...names].filter((n) => !documented.has(n));
      expect(missing).toEqual([]);
    },
  );
});
