import { DomainError, ProblemShape } from '@dvc/contracts';
import { procedure } from '../../test/catalogue-seed.fixture';
import { ProcedureSeedValidator } from './procedure-seed.validator';

function problemOf(run: () => unknown): ProblemShape {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainError) return err.toProblem();
    throw err;
  }
  throw new Error('expected a DomainError');
}

describe('ProcedureSeedValidator', () => {
  const validator = new ProcedureSeedValidator();

  it('accepts a complete procedure and an import of several', () => {
    expect(validator.procedure(procedure()).code).toBe('T.000001');
    const seeds = validator.importBody({
      procedures: [procedure(), procedure({ code: 'T.000002' })],
    });
    expect(seeds.map((s) => s.code)).toEqual(['T.000001', 'T.000002']);
  });

  it('rejects an import with 422 and a JSON pointer for every problem', () => {
    const broken = { ...procedure({ code: 'T.000004' }), level: 5, name: '' } as Record<
      string,
      unknown
    >;
    delete broken.agencyCode;
    const problem = problemOf(() =>
      validator.importBody({
        procedures: [
          procedure(),
          procedure({ code: 'T.000002' }),
          procedure({ code: 'T.000003' }),
          broken,
        ],
      }),
    );
    expect(problem).toMatchObject({ status: 422, code: 'procedure.invalid' });
    const fields = (problem.errors ?? []).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        '/procedures/3/level',
        '/procedures/3/name',
        '/procedures/3/agencyCode',
      ]),
    );
    expect(fields.every((f) => f.startsWith('/procedures/3/'))).toBe(true);
    expect(problem.errors?.find((e) => e.field === '/procedures/3/agencyCode')?.message).toBe(
      'Thiếu trường bắt buộc',
    );
  });

  it('names unknown properties and wrong types', () => {
    const problem = problemOf(() =>
      validator.procedure({ ...procedure(), extra: 1, feeAtSubmission: 'yes' }),
    );
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: '/extra', message: 'Trường không được hỗ trợ' },
        { field: '/feeAtSubmission', message: 'Phải là true hoặc false' },
      ]),
    );
  });

  it.each([null, [], 'text', { procedures: [] }, { procedures: 'x' }, {}])(
    'rejects the body %p',
    (body) => {
      expect(problemOf(() => validator.importBody(body)).status).toBe(422);
    },
  );

  it('rejects a code used twice in one import', () => {
    const problem = problemOf(() =>
      validator.importBody({ procedures: [procedure(), procedure()] }),
    );
    expect(problem.errors).toEqual([
      { field: '/procedures/1/code', message: 'Trùng mã thủ tục với /procedures/0' },
    ]);
  });

  it('rejects a component that points at a form the procedure does not have', () => {
    const seed = procedure();
    seed.cases[0].components[0].formId = 'khong-co';
    expect(problemOf(() => validator.procedure(seed)).errors).toEqual([
      { field: '/cases/0/components/0/formId', message: 'Không có mẫu đơn "khong-co" trong forms' },
    ]);
  });

  it('rejects duplicate case, component and form ids', () => {
    const seed = procedure();
    seed.cases.push({ ...seed.cases[0] });
    seed.cases[0].components.push({ ...seed.cases[0].components[1] });
    seed.forms.push({ ...seed.forms[0] });
    const fields = (problemOf(() => validator.procedure(seed)).errors ?? []).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['/forms/1/id', '/cases/1/id', '/cases/0/components/2/id']),
    );
  });

  it.each([
    ['an unknown type', { type: 'strin' }],
    ['an unknown format', { type: 'string', format: 'ngay-thang' }],
    ['an unknown keyword', { type: 'object', propertys: {} }],
    ['an unresolvable $ref', { $ref: 'https://example.com/schema.json' }],
    ['a draft-07 $schema', { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' }],
  ])('rejects an online-form schema with %s', (_what, formSchema) => {
    const seed = procedure();
    seed.cases[0].formSchema = formSchema;
    const problem = problemOf(() => validator.importBody({ procedures: [seed] }));
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors?.[0].field).toBe('/procedures/0/cases/0/formSchema');
    expect(problem.errors?.[0].message).toMatch(/^JSON Schema không hợp lệ: /);
  });

  it('accepts the same $id in the form schemas of several procedures', () => {
    const withId = (code: string) => {
      const seed = procedure({ code });
      seed.cases[0].formSchema = { $id: 'https://dvc.local/forms/khai-sinh', type: 'object' };
      return seed;
    };
    expect(validator.importBody({ procedures: [withId('T.1'), withId('T.2')] })).toHaveLength(2);
  });
});
