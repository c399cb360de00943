import { Injectable } from '@nestjs/common';
import type { ImportResult } from '@dvc/contracts';
import { AgenciesService } from '../agencies/agencies.service';
import { FieldsService } from '../fields/fields.service';
import { HolidaysService } from '../holidays/holidays.service';
import { ProcedureSeedValidator } from '../procedures/procedure-seed.validator';
import { ProcedureWriter } from '../procedures/procedure-writer';
import type { CatalogueSeed } from './seed.types';

export interface SeedReport {
  /** Agencies and fields created or changed. */
  agencies: number;
  fields: number;
  procedures: ImportResult;
  /** Holidays added or changed. */
  holidays: number;
}

/**
 * Loads the catalogue's reference data. Idempotent: a second run changes nothing.
 * Procedures go through the same validation and write path as an admin import.
 */
@Injectable()
export class CatalogueSeeder {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly fields: FieldsService,
    private readonly holidays: HolidaysService,
    private readonly validator: ProcedureSeedValidator,
    private readonly writer: ProcedureWriter,
  ) {}

  async seed(seed: CatalogueSeed): Promise<SeedReport> {
    const agencies = await this.agencies.upsertAll(seed.agencies);
    const fields = await this.fields.upsertAll(seed.fields);
    await this.writer.referencesChanged(fields, agencies);
    const procedures =
      seed.procedures.length === 0
        ? { created: 0, updated: 0, unchanged: 0 }
        : await this.writer.write(
            this.validator.importBody({ procedures: seed.procedures }),
            null,
            (i) => `/procedures/${i}`,
          );
    const holidays = await this.holidays.upsertAll(seed.holidays);
    return {
      agencies: agencies.length,
      fields: fields.length,
      procedures: {
        created: procedures.created,
        updated: procedures.updated,
        unchanged: procedures.unchanged,
      },
      holidays,
    };
  }
}
