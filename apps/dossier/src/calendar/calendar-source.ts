import { Injectable, Logger } from '@nestjs/common';
import { DossierConfig } from '../dossier.config';
import { ProcedureDirectory } from '../neighbours/procedure-directory';
import { WorkingCalendar, WorkingPeriod, parseWorkingHours } from './working-calendar';

/**
 * The working calendar built from the catalogue's holiday table, kept for
 * HOLIDAY_CACHE_SECONDS and then read again. When the catalogue cannot be reached the last
 * calendar stays in use; with none at all the action fails rather than guess a due date.
 */
@Injectable()
export class CalendarSource {
  private readonly logger = new Logger('CalendarSource');
  private readonly periods: WorkingPeriod[];
  private readonly ttlMs: number;
  private cached: { calendar: WorkingCalendar; loadedAt: number } | null = null;
  private loading: Promise<WorkingCalendar> | null = null;

  constructor(
    private readonly procedures: ProcedureDirectory,
    config: DossierConfig,
  ) {
    this.periods = parseWorkingHours(config.WORKING_HOURS);
    this.ttlMs = config.HOLIDAY_CACHE_SECONDS * 1000;
  }

  async current(): Promise<WorkingCalendar> {
    if (this.cached && Date.now() - this.cached.loadedAt < this.ttlMs) return this.cached.calendar;
    this.loading ??= this.load().finally(() => (this.loading = null));
    try {
      return await this.loading;
    } catch (err) {
      if (!this.cached) throw err;
      this.logger.warn(
        `holiday table not refreshed, using the last one: ${(err as Error).message}`,
      );
      return this.cached.calendar;
    }
  }

  private async load(): Promise<WorkingCalendar> {
    const calendar = new WorkingCalendar(await this.procedures.holidays(), this.periods);
    this.cached = { calendar, loadedAt: Date.now() };
    return calendar;
  }
}
