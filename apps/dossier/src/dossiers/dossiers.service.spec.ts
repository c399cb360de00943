import { randomUUID } from 'node:crypto';
import { Caller, DomainError, ProcedureView } from '@dvc/contracts';
import { procedure } from '../../test/fixtures';
import { ProcedureDirectory } from '../neighbours/procedure-directory';
import { DossiersService } from './dossiers.service';

const caller: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };
const on = { caller, correlationId: null };

function procedureAt(level: 1 | 2 | 3 | 4): ProcedureView {
  return procedure({
    code: '1.000001',
    name: 'Cấp phiếu lý lịch tư pháp',
    level,
    agency: {
      code: '000.00.01.H26',
      name: 'Sở Tư pháp Hà Nội',
      level: 'province',
      parentCode: null,
    },
    forms: [
      {
        id: 'to-khai',
        name: 'Tờ khai yêu cầu cấp phiếu',
        format: 'pdf',
        reference: null,
        downloadUrl: '/api/v1/procedures/1.000001/forms/to-khai',
      },
    ],
  });
}

class FakeDirectory extends ProcedureDirectory {
  constructor(private readonly known: ProcedureView | null) {
    super();
  }
  procedure(): Promise<ProcedureView | null> {
    return Promise.resolve(this.known);
  }
  holidays() {
    return Promise.resolve([]);
  }
}

/** Only the catalogue is needed before anything is written; nothing else may be touched. */
function serviceWith(directory: ProcedureDirectory): DossiersService {
  const untouchable = new Proxy(
    {},
    {
      get: () => {
        throw new Error('must not be used');
      },
    },
  );
  const deps = Array.from({ length: 12 }, () => untouchable) as ConstructorParameters<
    typeof DossiersService
  >;
  deps[9] = directory; // the 10th dependency is the ProcedureDirectory
  return new DossiersService(...deps);
}

async function problemOf(call: Promise<unknown>) {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return (err as DomainError).toProblem();
}

describe('DossiersService.create (level rules, with a fake catalogue)', () => {
  it.each([1, 2] as const)(
    'refuses level %i: submitted at the desk or by post, with the form downloads',
    async (level) => {
      const problem = await problemOf(
        serviceWith(new FakeDirectory(procedureAt(level))).create(
          caller,
          { procedureCode: '1.000001' },
          on,
        ),
      );
      expect(problem).toMatchObject({
        status: 409,
        code: 'dossier.offline_only',
        level,
        forms: [
          {
            name: 'Tờ khai yêu cầu cấp phiếu',
            downloadUrl: '/api/v1/procedures/1.000001/forms/to-khai',
          },
        ],
      });
      expect(problem.detail).toMatch(/trực tiếp tại Sở Tư pháp Hà Nội hoặc qua dịch vụ bưu chính/);
      expect(problem.detail).toContain('/api/v1/procedures/1.000001/forms/to-khai');
    },
  );

  it('answers 404 for an unknown procedure and 422 for a case it does not have', async () => {
    expect(
      (
        await problemOf(
          serviceWith(new FakeDirectory(null)).create(caller, { procedureCode: '1.000001' }, on),
        )
      ).code,
    ).toBe('procedure.not_found');
    const problem = await problemOf(
      serviceWith(new FakeDirectory(procedureAt(3))).create(
        caller,
        { procedureCode: '1.000001', caseId: 'khac' },
        on,
      ),
    );
    expect(problem).toMatchObject({
      status: 422,
      code: 'dossier.case_unknown',
      errors: [{ field: 'caseId' }],
    });
  });
});
