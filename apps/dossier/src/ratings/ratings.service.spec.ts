import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Caller, DossierStatusName, Events } from '@dvc/contracts';
import { Tx, UnitOfWork } from '@dvc/messaging';
import { newTestService, problemOf } from '@dvc/testing';
import { dossierOf } from '../../test/dossier-row';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import type { Rating } from './ratings.dto';
import { RatingsRepository } from './ratings.repository';
import { RatingsService } from './ratings.service';

const applicant: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };
const on = { caller: applicant, correlationId: null };

function newRatingsService() {
  const { sut, mocks } = newTestService(RatingsService);
  const tx = { manager: {} as EntityManager, publish: jest.fn() } as unknown as Tx;
  mocks.get(UnitOfWork).run.mockImplementation((_id, work) => work(tx));
  mocks
    .get(RatingsRepository)
    .insert.mockImplementation((_m: EntityManager, r: Rating) => Promise.resolve(r));
  return { sut, mocks, tx };
}

function finished(status: DossierStatusName = 'RETURNED') {
  return dossierOf({
    applicantId: applicant.accountId,
    status,
    code: '000.00.01.H26-261126-0007',
  });
}

describe('rating a dossier', () => {
  it.each<DossierStatusName>(['RESULT_READY', 'RETURNED'])(
    'takes the applicant’s rating once the dossier is %s, and announces it',
    async (status) => {
      const { sut, mocks, tx } = newRatingsService();
      const d = finished(status);
      mocks.get(DossiersRepository).lock.mockResolvedValue(d);
      const view = await sut.rate(
        applicant,
        { dossierId: d.id, score: 4, criteria: { courtesy: 5 }, comment: '  Nhanh gọn ' },
        on,
      );
      expect(view).toMatchObject({ score: 4, criteria: { courtesy: 5 }, comment: 'Nhanh gọn' });
      expect(tx.publish).toHaveBeenCalledWith({
        type: Events.dossierRated,
        data: expect.objectContaining({
          dossierId: d.id,
          code: d.code,
          agencyCode: d.agencyCode,
          score: 4,
        }),
      });
    },
  );

  it.each<DossierStatusName>(['SUBMITTED', 'RECEIVED', 'PROCESSING', 'REFUSED', 'STOPPED'])(
    'refuses with 409 while the dossier is %s, naming the status',
    async (status) => {
      const { sut, mocks, tx } = newRatingsService();
      const d = finished(status);
      mocks.get(DossiersRepository).lock.mockResolvedValue(d);
      const problem = await problemOf(sut.rate(applicant, { dossierId: d.id, score: 5 }, on));
      expect(problem).toMatchObject({
        status: 409,
        code: 'rating.not_rateable',
        currentStatus: status,
      });
      expect(tx.publish).not.toHaveBeenCalled();
    },
  );

  it('refuses a second rating with 409 and announces nothing', async () => {
    const { sut, mocks, tx } = newRatingsService();
    const d = finished();
    mocks.get(DossiersRepository).lock.mockResolvedValue(d);
    mocks.get(RatingsRepository).insert.mockResolvedValue(null);
    const problem = await problemOf(sut.rate(applicant, { dossierId: d.id, score: 5 }, on));
    expect(problem).toMatchObject({ status: 409, code: 'rating.already_rated' });
    expect(tx.publish).not.toHaveBeenCalled();
  });

  it('answers 404 for someone else’s dossier, as for one that does not exist', async () => {
    const { sut, mocks } = newRatingsService();
    const d = finished();
    mocks.get(DossiersRepository).lock.mockResolvedValue(d);
    const stranger: Caller = { accountId: randomUUID(), roles: ['citizen'], agencies: [] };
    const problem = await problemOf(sut.rate(stranger, { dossierId: d.id, score: 5 }, on));
    expect(problem).toMatchObject({ status: 404, code: 'dossier.not_found' });
  });
});

describe('an agency’s ratings', () => {
  const officer: Caller = {
    accountId: randomUUID(),
    roles: ['officer'],
    agencies: ['000.00.01.H26'],
  };

  it('lists nothing for an agency that is not the officer’s', async () => {
    const { sut, mocks } = newRatingsService();
    mocks
      .get(RatingsRepository)
      .listForAgencies.mockResolvedValue({ rows: [], total: 0, averageScore: null });
    await sut.forAgencies(officer, { agency: '000.00.02.H26' });
    expect(mocks.get(RatingsRepository).listForAgencies).toHaveBeenCalledWith(
      expect.objectContaining({ agencies: [] }),
    );
  });

  it('reads a month in Vietnam time', async () => {
    const { sut, mocks } = newRatingsService();
    mocks
      .get(RatingsRepository)
      .listForAgencies.mockResolvedValue({ rows: [], total: 0, averageScore: null });
    await sut.forAgencies(officer, { period: '2026-12' });
    expect(mocks.get(RatingsRepository).listForAgencies).toHaveBeenCalledWith(
      expect.objectContaining({
        agencies: ['000.00.01.H26'],
        from: new Date('2026-11-30T17:00:00Z'),
        to: new Date('2026-12-31T17:00:00Z'),
      }),
    );
  });

  it('is for officers only (403)', async () => {
    const { sut } = newRatingsService();
    const problem = await problemOf(sut.forAgencies(applicant, {}));
    expect(problem).toMatchObject({ status: 403 });
  });
});
