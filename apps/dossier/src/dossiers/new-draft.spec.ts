import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Caller } from '@dvc/contracts';
import { Tx, UnitOfWork } from '@dvc/messaging';
import { newTestService } from '@dvc/testing';
import { dossierOf } from '../../test/dossier-row';
import { procedure } from '../../test/fixtures';
import { ProcedureDirectory } from '../neighbours/procedure-directory';
import type { HistoryEntry } from './dossiers.dto';
import { DossiersRepository, NewDossier } from './dossiers.repository';
import { DossiersService } from './dossiers.service';

const caller: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };
const on = { caller, correlationId: null };

describe('DossiersService.create (the new draft)', () => {
  it('answers the draft from what it wrote, without reading files, results or history back', async () => {
    // DossierViews and the attachment and result repositories are fakes without behaviour:
    // any read back would throw.
    const { sut, mocks } = newTestService(DossiersService);
    const level4 = procedure();
    mocks.get(ProcedureDirectory).procedure.mockResolvedValue(level4);
    const tx = { manager: {} as EntityManager, publish: jest.fn() } as unknown as Tx;
    mocks.get(UnitOfWork).run.mockImplementation((_id, work) => work(tx));
    const written: HistoryEntry[] = [];
    mocks
      .get(DossiersRepository)
      .insert.mockImplementation((_m, d: NewDossier) =>
        Promise.resolve(
          dossierOf({ id: d.id, applicantId: d.applicantId, createdAt: d.createdAt }, level4),
        ),
      );
    mocks.get(DossiersRepository).appendHistory.mockImplementation((_m, h: HistoryEntry) => {
      written.push(h);
      return Promise.resolve();
    });

    const view = await sut.create(caller, { procedureCode: level4.code }, on);

    expect(view).toMatchObject({ status: 'DRAFT', statusCode: 0, results: [] });
    expect(view.components.length).toBeGreaterThan(0);
    expect(view.components.every((c) => c.attachments.length === 0)).toBe(true);
    expect(view.history).toEqual([
      { from: null, to: 'DRAFT', at: written[0].at.toISOString(), byRole: 'citizen', note: null },
    ]);
    expect(written).toHaveLength(1);
  });
});
