import { Caller, CatalogueErrors, DomainError, ProcedureView } from '@dvc/contracts';
import { procedure } from '../../test/catalogue-seed.fixture';
import { newTestService, provide } from '@dvc/testing';
import { ProcedureSeedValidator } from './procedure-seed.validator';
import { ProcedureWriter } from './procedure-writer';
import { ProcedureCache } from './procedure.cache';
import type { ProcedureRow } from './procedures.dto';
import { ProceduresRepository } from './procedures.repository';
import { ProceduresService } from './procedures.service';

const row: ProcedureRow = {
  code: 'T.000001',
  name: 'Đăng ký khai sinh',
  level: 3,
  field_code: 'ho-tich',
  field_name: 'Hộ tịch',
  agency_code: '000.21.01.H26',
  agency_name: 'Ủy ban nhân dân phường Ba Đình',
  agency_level: 'commune',
  agency_parent_code: null,
  content: procedure({ level: 3 }),
  updated_at: new Date('2026-01-02T03:04:05Z'),
};

/** A map standing in for Redis. */
class FakeCache {
  readonly entries = new Map<string, ProcedureView>();
  get = async (code: string) => this.entries.get(code) ?? null;
  set = async (view: ProcedureView) => void this.entries.set(view.code, view);
  invalidate = async (codes: string[]) => codes.forEach((c) => this.entries.delete(c));
}

function setup() {
  const cache = new FakeCache();
  const { sut: service, mocks } = newTestService(
    ProceduresService,
    provide(ProcedureCache, cache as unknown as ProcedureCache),
  );
  const find = mocks
    .get(ProceduresRepository)
    .find.mockImplementation(async (code: string) => (code === row.code ? row : null));
  const write = mocks.get(ProcedureWriter).write.mockResolvedValue({
    created: 1,
    updated: 0,
    unchanged: 0,
    changed: [row.code],
  });
  const validator = mocks.get(ProcedureSeedValidator);
  validator.procedure.mockImplementation((body: unknown) => body as never);
  validator.importBody.mockImplementation(() => [procedure()]);
  return { service, find, write, validator, cache };
}

async function statusOf(call: Promise<unknown>): Promise<number> {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  return err.status;
}

const caller = (...roles: Caller['roles']): Caller => ({ accountId: 'a', roles, agencies: [] });

describe('ProceduresService', () => {
  it('reads a procedure once from the database, then from the cache', async () => {
    const { service, find } = setup();
    const first = await service.get('T.000001');
    const second = await service.get('T.000001');
    expect(second).toEqual(first);
    expect(find).toHaveBeenCalledTimes(1);
    expect(first).toMatchObject({
      level: 3,
      onlineSubmission: true,
      onlinePayment: false,
      updatedAt: '2026-01-02T03:04:05.000Z',
      forms: [
        {
          id: 'to-khai-khai-sinh',
          downloadUrl: '/api/v1/procedures/T.000001/forms/to-khai-khai-sinh',
        },
      ],
    });
  });

  it('offers no form download for a level-1 procedure', async () => {
    const { service, find } = setup();
    find.mockResolvedValueOnce({ ...row, level: 1 });
    const view = await service.get('T.000001');
    expect(view.forms).toEqual([]);
    expect(view.cases[0].components[0].formId).toBeNull();
  });

  it('answers 404 for an unknown or malformed code and caches nothing', async () => {
    const { service, cache } = setup();
    for (const code of ['T.404', '', undefined, 42, 'x'.repeat(65)])
      expect(await statusOf(service.get(code))).toBe(404);
    expect(cache.entries.size).toBe(0);
  });

  it('refuses writes to non-administrators before looking at the input', async () => {
    const { service, validator, write } = setup();
    expect(
      await statusOf(service.import(caller('citizen', 'officer'), { procedures: [] }, null)),
    ).toBe(403);
    expect(await statusOf(service.upsert(caller('citizen'), procedure(), null))).toBe(403);
    expect(await statusOf(service.import(null, { procedures: [] }, null))).toBe(401);
    expect(validator.importBody).not.toHaveBeenCalled();
    expect(validator.procedure).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
  });

  it('imports what the validator accepted, with pointers into the import body', async () => {
    const { service, write } = setup();
    expect(await service.import(caller('admin'), { procedures: [procedure()] }, 'corr-1')).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
    });
    const [, correlationId, pointer] = write.mock.calls[0] as unknown as [
      unknown,
      string,
      (i: number) => string,
    ];
    expect(correlationId).toBe('corr-1');
    expect(pointer(3)).toBe('/procedures/3');
  });

  it('imports item by item: an invalid procedure is reported with its reasons, the others go in', async () => {
    const { service, write, validator } = setup();
    validator.procedure.mockImplementation((body: unknown) => {
      const seed = body as { code: string };
      if (seed.code === 'T.000003')
        throw new DomainError(CatalogueErrors.procedureInvalid, {
          params: { count: 1 },
          errors: [{ field: '/fieldCode', message: 'Không có lĩnh vực mã x' }],
        });
      return body as never;
    });
    write
      .mockResolvedValueOnce({ created: 1, updated: 0, unchanged: 0, changed: ['T.000001'] })
      .mockResolvedValueOnce({ created: 0, updated: 0, unchanged: 1, changed: [] });
    const report = await service.importEach(
      caller('admin'),
      {
        procedures: [
          procedure({ code: 'T.000001' }),
          procedure({ code: 'T.000002' }),
          procedure({ code: 'T.000003', name: 'Sai' }),
        ] as unknown as Record<string, unknown>[],
        rejected: [{ code: '', name: null, outcome: 'rejected', reasons: [] }],
      },
      null,
    );
    expect(report).toMatchObject({ created: 1, updated: 0, unchanged: 1, rejected: 2 });
    expect(report.items.map((i) => [i.code, i.outcome])).toEqual([
      ['', 'rejected'],
      ['T.000001', 'created'],
      ['T.000002', 'unchanged'],
      ['T.000003', 'rejected'],
    ]);
    expect(report.items[3].reasons).toEqual([
      { field: '/fieldCode', message: 'Không có lĩnh vực mã x' },
    ]);
    expect(write).toHaveBeenCalledTimes(2);
    expect(await statusOf(service.importEach(caller('officer'), { procedures: [] }, null))).toBe(
      403,
    );
  });
});
