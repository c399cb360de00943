import { Logger } from '@nestjs/common';
import type { AgencyView, HolidayView, ProcedureView } from '@dvc/contracts';
import { DossierConfig } from '../dossier.config';
import { ProcedureDirectory } from '../neighbours/procedure-directory';
import { CalendarSource } from './calendar-source';

/** The catalogue as far as the calendar needs it: a holiday table that can change or fail. */
class FakeCatalogue extends ProcedureDirectory {
  holidayTable: HolidayView[] = [{ date: '2026-02-17', name: 'Tết', kind: 'holiday' }];
  failing = false;
  reads = 0;

  procedure(): Promise<ProcedureView | null> {
    return Promise.resolve(null);
  }

  agencies(): Promise<AgencyView[]> {
    return Promise.resolve([]);
  }

  holidays(): Promise<HolidayView[]> {
    this.reads++;
    return this.failing
      ? Promise.reject(new Error('catalogue down'))
      : Promise.resolve(this.holidayTable);
  }
}

describe('CalendarSource (holiday table from the catalogue, cached)', () => {
  const config = Object.assign(new DossierConfig(), {
    HOLIDAY_CACHE_SECONDS: 60,
    WORKING_HOURS: '08:00-12:00',
  });
  let catalogue: FakeCatalogue;
  let source: CalendarSource;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-02-01T00:00:00Z') });
    catalogue = new FakeCatalogue();
    source = new CalendarSource(catalogue, config);
  });

  afterEach(() => jest.useRealTimers());

  it('reads the table once per cache period, with the configured working hours', async () => {
    const [a, b] = await Promise.all([source.current(), source.current()]);
    expect(a).toBe(b);
    expect(catalogue.reads).toBe(1);
    expect(a.minutesPerDay).toBe(240);
    expect(a.isWorkingDay('2026-02-17')).toBe(false);
  });

  it('reads it again once stale, so an edited holiday counts', async () => {
    await source.current();
    catalogue.holidayTable = [];
    jest.advanceTimersByTime(61_000);
    expect((await source.current()).isWorkingDay('2026-02-17')).toBe(true);
    expect(catalogue.reads).toBe(2);
  });

  it('keeps the last table while the catalogue is down, and fails without any', async () => {
    catalogue.failing = true;
    await expect(source.current()).rejects.toThrow('catalogue down');
    catalogue.failing = false;
    const first = await source.current();
    catalogue.failing = true;
    jest.advanceTimersByTime(61_000);
    expect(await source.current()).toBe(first);
  });
});
