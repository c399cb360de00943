import { Injectable } from '@nestjs/common';
import { HolidayView, RequestErrors, DomainError, ListHolidaysInput } from '@dvc/contracts';
import type { HolidaySeed } from '../seed/seed.types';
import { mapHolidayView } from './holidays.dto';
import { HolidaysRepository } from './holidays.repository';

/** Ngày nghỉ lễ and ngày làm bù: the table the working-hours clock of dossiers skips. */
@Injectable()
export class HolidaysService {
  constructor(private readonly holidays: HolidaysRepository) {}

  async list(input: ListHolidaysInput | null | undefined): Promise<HolidayView[]> {
    // Query strings may arrive unconverted: "2026" is as good as 2026.
    const year = input?.year === undefined || input.year === null ? null : Number(input.year);
    if (year !== null && !(Number.isInteger(year) && year >= 1900 && year <= 2999)) {
      throw new DomainError(RequestErrors.invalidParameters, {
        errors: [{ field: 'year', message: 'Năm phải là số nguyên từ 1900 đến 2999' }],
      });
    }
    return (await this.holidays.list(year)).map(mapHolidayView);
  }

  /** Seeds the table; returns how many days were added or changed. */
  upsertAll(holidays: HolidaySeed[]): Promise<number> {
    return this.holidays.upsertAll(holidays);
  }
}
