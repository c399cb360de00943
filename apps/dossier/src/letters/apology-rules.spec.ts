import { DomainError } from '@dvc/contracts';
import { WorkingCalendar } from '../calendar/working-calendar';
import type { Dossier } from '../dossiers/dossiers.dto';
import { checkApology } from './apology-rules';

// Monday 7 December 2026; Wednesday 9 December is a holiday on this calendar.
const calendar = new WorkingCalendar([{ date: '2026-12-09', kind: 'holiday' }]);
const now = new Date('2026-12-07T09:00:00+07:00');
const dueYesterday = new Date('2026-12-04T16:00:00+07:00');
const dueTomorrow = new Date('2026-12-08T10:00:00+07:00');

function processing(dueAt: Date | null): Pick<Dossier, 'status' | 'dueAt'> {
  return { status: 'PROCESSING', dueAt };
}

/** The problem a refused apology answers: code, status and the fields it names. */
function refusal(attempt: () => unknown) {
  try {
    attempt();
  } catch (err) {
    if (err instanceof DomainError) {
      return { code: err.code, status: err.status, fields: err.errors?.map((e) => e.field) ?? [] };
    }
    throw err;
  }
  throw new Error('the apology was accepted');
}

describe('checkApology: when an agency may apologise and set a new date', () => {
  it('accepts an overdue dossier with a reason and a new date in working time', () => {
    const checked = checkApology(
      processing(dueYesterday),
      { reason: '  Chờ ý kiến của Sở Xây dựng  ', newDueAt: '2026-12-10T09:30:00+07:00' },
      calendar,
      now,
    );
    expect(checked).toEqual({
      reason: 'Chờ ý kiến của Sở Xây dựng',
      previousDueAt: dueYesterday,
      newDueAt: new Date('2026-12-10T09:30:00+07:00'),
    });
  });

  it('accepts a dossier not yet late whose due date will pass before the new date', () => {
    const checked = checkApology(
      processing(dueTomorrow),
      { reason: 'Cần xác minh thực địa', newDueAt: '2026-12-11T17:00:00+07:00' },
      calendar,
      now,
    );
    expect(checked.newDueAt).toEqual(new Date('2026-12-11T17:00:00+07:00'));
  });

  it.each(['SUBMITTED', 'RECEIVED', 'SUPPLEMENT_REQUESTED', 'RESULT_READY'] as const)(
    'refuses a dossier in %s with 409: only a dossier in processing is apologised for',
    (status) => {
      expect(
        refusal(() =>
          checkApology(
            { status, dueAt: dueYesterday },
            { reason: 'Chậm', newDueAt: '2026-12-10T09:30:00+07:00' },
            calendar,
            now,
          ),
        ),
      ).toEqual({ code: 'dossier.apology_not_processing', status: 409, fields: [] });
    },
  );

  it('refuses a new date that is not after the current due date (the dossier is not late by it)', () => {
    expect(
      refusal(() =>
        checkApology(
          processing(dueTomorrow),
          { reason: 'Chậm', newDueAt: '2026-12-08T09:00:00+07:00' },
          calendar,
          now,
        ),
      ),
    ).toEqual({ code: 'dossier.apology_date_invalid', status: 422, fields: ['newDueAt'] });
  });

  it('refuses a new date already past, even when after an old due date', () => {
    expect(
      refusal(() =>
        checkApology(
          processing(dueYesterday),
          { reason: 'Chậm', newDueAt: '2026-12-07T08:00:00+07:00' },
          calendar,
          now,
        ),
      ),
    ).toEqual({ code: 'dossier.apology_date_invalid', status: 422, fields: ['newDueAt'] });
  });

  it.each([
    ['on a holiday', '2026-12-09T09:00:00+07:00'],
    ['on a Saturday', '2026-12-12T09:00:00+07:00'],
    ['at lunch time', '2026-12-10T12:00:00+07:00'],
    ['after hours', '2026-12-10T18:30:00+07:00'],
  ])('refuses a new date %s: it must be in working time', (_when, newDueAt) => {
    expect(
      refusal(() =>
        checkApology(processing(dueYesterday), { reason: 'Chậm', newDueAt }, calendar, now),
      ),
    ).toEqual({ code: 'dossier.apology_date_invalid', status: 422, fields: ['newDueAt'] });
  });

  it('asks for the reason (422 naming it) and the new date', () => {
    expect(
      refusal(() =>
        checkApology(
          processing(dueYesterday),
          { reason: '   ', newDueAt: '2026-12-10T09:30:00+07:00' },
          calendar,
          now,
        ),
      ),
    ).toEqual({ code: 'dossier.note_required', status: 422, fields: ['reason'] });
    expect(
      refusal(() => checkApology(processing(dueYesterday), { reason: 'Chậm' }, calendar, now)),
    ).toEqual({ code: 'dossier.apology_date_invalid', status: 422, fields: ['newDueAt'] });
  });
});
