import { catalogueSeed } from './data';
import { formSchemaAjv } from '../procedures/procedure-seed.validator';

/** Tests the catalogue seed as data: references, uniqueness, levels, fees, form schemas, holidays. */
describe('catalogue seed data', () => {
  const { agencies, fields, procedures, holidays } = catalogueSeed;
  const agencyCodes = new Set(agencies.map((a) => a.code));
  const fieldCodes = new Set(fields.map((f) => f.code));

  const duplicates = (values: string[]): string[] =>
    values.filter((v, i) => values.indexOf(v) !== i);

  it('has at least 20 procedures with unique codes', () => {
    expect(procedures.length).toBeGreaterThanOrEqual(20);
    expect(duplicates(procedures.map((p) => p.code))).toEqual([]);
  });

  it('keeps data-entry remarks out of the fee notes citizens read ("Phí, lệ phí")', () => {
    const remarks = procedures.flatMap((p) =>
      p.cases.flatMap((c) =>
        c.fees
          .filter((f) => f.note !== undefined && /Cổng|giả định|nguồn|tham khảo/i.test(f.note))
          .map((f) => `${p.code}/${c.id}: ${f.note}`),
      ),
    );
    expect(remarks).toEqual([]);
  });

  it('has unique agency and field codes, and every parentCode resolves', () => {
    expect(duplicates(agencies.map((a) => a.code))).toEqual([]);
    expect(duplicates(fields.map((f) => f.code))).toEqual([]);
    const bad = agencies.filter(
      (a) => a.parentCode !== undefined && !agencyCodes.has(a.parentCode),
    );
    expect(bad.map((a) => a.code)).toEqual([]);
  });

  it('resolves every agencyCode and fieldCode', () => {
    const badAgency = procedures.filter((p) => !agencyCodes.has(p.agencyCode)).map((p) => p.code);
    const badField = procedures.filter((p) => !fieldCodes.has(p.fieldCode)).map((p) => p.code);
    expect(badAgency).toEqual([]);
    expect(badField).toEqual([]);
  });

  it('resolves every component formId to a form of the same procedure; form and case ids are unique', () => {
    const problems: string[] = [];
    for (const p of procedures) {
      const formIds = p.forms.map((f) => f.id);
      for (const d of duplicates(formIds)) problems.push(`${p.code}: duplicate form ${d}`);
      for (const d of duplicates(p.cases.map((c) => c.id)))
        problems.push(`${p.code}: duplicate case ${d}`);
      for (const c of p.cases) {
        for (const comp of c.components) {
          if (comp.formId !== undefined && !formIds.includes(comp.formId)) {
            problems.push(`${p.code}/${c.id}/${comp.id}: unknown formId ${comp.formId}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has unique component ids within each case', () => {
    const problems: string[] = [];
    for (const p of procedures) {
      for (const c of p.cases) {
        for (const d of duplicates(c.components.map((comp) => comp.id))) {
          problems.push(`${p.code}/${c.id}: duplicate component ${d}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('covers service levels 2, 3 and 4', () => {
    const levels = new Set(procedures.map((p) => p.level));
    expect(levels.has(2)).toBe(true);
    expect(levels.has(3)).toBe(true);
    expect(levels.has(4)).toBe(true);
  });

  it('has at least one level-4 procedure with a non-zero fee', () => {
    const paid = procedures.filter(
      (p) => p.level === 4 && p.cases.some((c) => c.fees.some((f) => (f.amountVnd ?? 0) > 0)),
    );
    expect(paid.length).toBeGreaterThan(0);
  });

  it('has fees that are integers >= 0 or null', () => {
    const bad: string[] = [];
    for (const p of procedures) {
      for (const c of p.cases) {
        for (const f of c.fees) {
          const ok = f.amountVnd === null || (Number.isInteger(f.amountVnd) && f.amountVnd >= 0);
          if (!ok) bad.push(`${p.code}/${c.id}: ${f.name} = ${String(f.amountVnd)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('gives every case of a level >= 3 procedure a formSchema that compiles in ajv strict mode', () => {
    // The catalogue's own form-schema ajv: strict, with the forms' keywords (notAfterToday).
    const ajv = formSchemaAjv();
    const problems: string[] = [];
    for (const p of procedures.filter((x) => x.level >= 3)) {
      for (const c of p.cases) {
        if (!c.formSchema) {
          problems.push(`${p.code}/${c.id}: missing formSchema`);
          continue;
        }
        try {
          ajv.compile(c.formSchema);
        } catch (err) {
          problems.push(`${p.code}/${c.id}: ${(err as Error).message}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has valid, unique ISO holiday dates', () => {
    const invalid = holidays
      .map((h) => h.date)
      .filter((d) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return true;
        const parsed = new Date(`${d}T00:00:00Z`);
        return Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== d;
      });
    expect(invalid).toEqual([]);
    expect(duplicates(holidays.map((h) => h.date))).toEqual([]);
  });
});
