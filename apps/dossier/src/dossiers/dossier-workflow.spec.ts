import type { EntityManager } from 'typeorm';
import type { Tx } from '@dvc/messaging';
import { newTestService } from '@dvc/testing';
import { dossierOf } from '../../test/dossier-row';
import { HOLIDAYS, procedure } from '../../test/fixtures';
import { CalendarSource } from '../calendar/calendar-source';
import { WorkingCalendar } from '../calendar/working-calendar';
import { StatusTallies } from '../stats/status-tallies';
import { DossierEvents } from './dossier-events';
import { Actor, DossierWorkflow } from './dossier-workflow';
import type { Dossier } from './dossiers.dto';
import { DossiersRepository } from './dossiers.repository';

const officer: Actor = { by: 'officer', role: 'officer', accountId: 'officer-1' };
const citizen: Actor = { by: 'citizen', role: 'citizen', accountId: 'citizen-1' };
const system: Actor = { by: 'system', role: 'system', accountId: null };
const tx = { manager: {} as EntityManager, publish: jest.fn() } as unknown as Tx;
/** A local (UTC+7) wall-clock time as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);
const calendar = new WorkingCalendar(HOLIDAYS);

/** The workflow on the 2026 calendar, writing rows back as they were changed. */
function newWorkflow() {
  const { sut, mocks } = newTestService(DossierWorkflow);
  mocks.get(CalendarSource).current.mockResolvedValue(calendar);
  mocks
    .get(DossiersRepository)
    .update.mockImplementation((_m, d, changes) => Promise.resolve({ ...d, ...changes }));
  mocks.get(DossiersRepository).appendHistory.mockResolvedValue(undefined);
  mocks.get(DossierEvents).publish.mockResolvedValue(undefined);
  mocks.get(StatusTallies).record.mockResolvedValue(undefined);
  return { sut, mocks };
}

describe('DossierWorkflow: the processing clock (thời hạn giải quyết)', () => {
  it('starts at receipt: one working day later, skipping the weekend and Tết', async () => {
    const { sut } = newWorkflow();
    const received = await sut.apply(tx, dossierOf({ status: 'SUBMITTED' }), {
      action: 'receive',
      actor: officer,
      now: vn('2026-02-13T16:00:00'), // Friday before Tết, an hour before closing
    });
    // 60 minutes on Friday, then Tết and the weekend, then 420 minutes from Monday 23rd.
    expect(received.dueAt).toEqual(vn('2026-02-23T16:00:00'));
    expect(received).toMatchObject({ status: 'RECEIVED', pausedAt: null });
  });

  it('sets no due date when the procedure states no processing time', async () => {
    const { sut } = newWorkflow();
    const timeless = procedure();
    timeless.cases[0].processingTimes = [];
    const received = await sut.apply(tx, dossierOf({ status: 'SUBMITTED' }, timeless), {
      action: 'receive',
      actor: officer,
      now: vn('2026-03-02T09:00:00'),
    });
    expect(received.dueAt).toBeNull();
  });

  it('stops during a supplement request, keeping the working time that was left', async () => {
    const { sut } = newWorkflow();
    const processing = dossierOf({ status: 'PROCESSING', dueAt: vn('2026-03-03T09:30:00') });
    const paused = await sut.apply(tx, processing, {
      action: 'request-supplement',
      actor: officer,
      now: vn('2026-03-02T16:00:00'), // Monday: 60 min today, 120 min on Tuesday morning
    });
    expect(paused).toMatchObject({
      status: 'SUPPLEMENT_REQUESTED',
      dueAt: null,
      pausedAt: vn('2026-03-02T16:00:00'),
      pausedWorkingMinutesRemaining: 180,
      pausedFrom: 'PROCESSING',
    });
  });

  it('resumes after the supplement with the time that was left, whenever it comes back', async () => {
    const { sut } = newWorkflow();
    const paused = dossierOf({
      status: 'SUPPLEMENT_REQUESTED',
      pausedFrom: 'PROCESSING',
      pausedAt: vn('2026-03-02T16:00:00'),
      pausedWorkingMinutesRemaining: 180,
    });
    const resumed = await sut.apply(tx, paused, {
      action: 'supplement',
      actor: citizen,
      now: vn('2026-03-06T16:00:00'), // Friday: 60 min, then Monday 07:30 + 120 min
    });
    expect(resumed).toMatchObject({
      status: 'PROCESSING',
      dueAt: vn('2026-03-09T09:30:00'),
      pausedAt: null,
      pausedWorkingMinutesRemaining: null,
      pausedFrom: null,
    });
  });

  it('resumes an already late dossier still late by as much', async () => {
    const { sut } = newWorkflow();
    const late = dossierOf({
      status: 'PAYMENT_REQUIRED',
      pausedFrom: 'PROCESSING',
      pausedAt: vn('2026-03-04T10:00:00'),
      pausedWorkingMinutesRemaining: -60,
    });
    const resumed = await sut.apply(tx, late, {
      action: 'payment-succeeded',
      actor: system,
      now: vn('2026-03-05T10:00:00'),
    });
    expect(resumed.dueAt).toEqual(vn('2026-03-05T09:00:00'));
  });

  it('has no clock while the fee is taken at submission: paying submits without a due date', async () => {
    const { sut } = newWorkflow();
    const feeFirst = procedure({ feeAtSubmission: true });
    feeFirst.cases[0].fees = [{ name: 'Lệ phí', amountVnd: 135_000, note: null }];
    const awaiting = dossierOf(
      { status: 'PAYMENT_REQUIRED', pausedFrom: 'DRAFT', pausedAt: vn('2026-03-02T09:00:00') },
      feeFirst,
    );
    const submitted = await sut.apply(tx, awaiting, {
      action: 'payment-succeeded',
      actor: system,
      now: vn('2026-03-02T09:05:00'),
    });
    expect(submitted).toMatchObject({ status: 'SUBMITTED', dueAt: null, pausedAt: null });
  });

  it('leaves the due date alone for actions that do not move the clock, without reading the calendar', async () => {
    const { sut, mocks } = newWorkflow();
    const dueAt = vn('2026-03-03T09:30:00');
    const started = await sut.apply(tx, dossierOf({ status: 'RECEIVED', dueAt }), {
      action: 'start',
      actor: officer,
      now: vn('2026-03-02T10:00:00'),
    });
    expect(started).toMatchObject({ status: 'PROCESSING', dueAt });
    expect(mocks.get(CalendarSource).current).not.toHaveBeenCalled();
  });

  it('records the history row and the events at the one instant of the action', async () => {
    const { sut, mocks } = newWorkflow();
    const now = vn('2026-03-02T10:00:00');
    const d: Dossier = dossierOf({ status: 'RECEIVED' });
    await sut.apply(tx, d, { action: 'start', actor: officer, now, note: 'Giao chuyên viên' });
    expect(mocks.get(DossiersRepository).appendHistory).toHaveBeenCalledWith(tx.manager, {
      dossierId: d.id,
      from: 'RECEIVED',
      to: 'PROCESSING',
      action: 'start',
      byAccountId: 'officer-1',
      byRole: 'officer',
      note: 'Giao chuyên viên',
      at: now,
    });
    expect(mocks.get(DossierEvents).publish).toHaveBeenCalledWith(
      tx,
      expect.objectContaining({ status: 'PROCESSING' }),
      expect.objectContaining({ from: 'RECEIVED', action: 'start', at: now }),
    );
    // The status tallies move in the same transaction, from the row before to the row after.
    expect(mocks.get(StatusTallies).record).toHaveBeenCalledWith(
      tx.manager,
      d,
      expect.objectContaining({ status: 'PROCESSING' }),
      now,
    );
  });

  it('refuses an action the transition table does not allow, writing nothing', async () => {
    const { sut, mocks } = newWorkflow();
    await expect(
      sut.apply(tx, dossierOf({ status: 'RECEIVED' }), {
        action: 'complete',
        actor: officer,
        now: new Date(),
      }),
    ).rejects.toMatchObject({ code: 'dossier.illegal_transition' });
    expect(mocks.get(DossiersRepository).update).not.toHaveBeenCalled();
  });
});
