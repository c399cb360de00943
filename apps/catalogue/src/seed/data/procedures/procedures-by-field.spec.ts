import { readdirSync } from 'node:fs';
import type { ProcedureSeed } from '../../seed.types';
import { catalogueSeed } from '..';

/** The seed's procedures live in one file per field (lĩnh vực), named by the field's code. */
describe('procedures by field', () => {
  const builders = new Set(['form-schema.ts', 'processing-times.ts']);
  const files = readdirSync(__dirname).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !builders.has(f),
  );
  const proceduresIn = async (file: string): Promise<ProcedureSeed[]> =>
    Object.values((await import(`./${file}`)) as Record<string, ProcedureSeed[]>).flat();

  it.each(files)('%s holds the procedures of its field only', async (file) => {
    const fieldCodes = (await proceduresIn(file)).map((p) => p.fieldCode);
    expect(fieldCodes.length).toBeGreaterThan(0);
    expect(new Set(fieldCodes)).toEqual(new Set([file.replace(/\.ts$/, '')]));
  });

  it('has a file for each field of the seed that has procedures, and every procedure in the seed', async () => {
    const withProcedures = new Set(catalogueSeed.procedures.map((p) => p.fieldCode));
    expect(new Set(files.map((f) => f.replace(/\.ts$/, '')))).toEqual(withProcedures);
    const inFiles = (await Promise.all(files.map(proceduresIn))).flat();
    expect(inFiles.map((p) => p.code).sort()).toEqual(
      catalogueSeed.procedures.map((p) => p.code).sort(),
    );
  });
});
