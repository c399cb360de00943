import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import { localDate } from '../calendar/working-calendar';

/**
 * Mã hồ sơ: `<agency code>-<yyMMdd>-<NNNN>`, the date in Asia/Ho_Chi_Minh and NNNN a per-agency,
 * per-day counter, e.g. `000.00.01.H26-261126-0007`. Past 9999 the number simply grows.
 */
export function formatDossierCode(agencyCode: string, day: string, sequence: number): string {
  const yyMMdd = day.slice(2, 4) + day.slice(5, 7) + day.slice(8, 10);
  return `${agencyCode}-${yyMMdd}-${String(sequence).padStart(4, '0')}`;
}

/** The shape of a dossier code, for input checks. */
export const DOSSIER_CODE_PATTERN = /^[A-Za-z0-9.]{1,40}-\d{6}-\d{4,}$/;

/**
 * The counter row of (agency, day), taken inside the submit transaction. The upsert locks
 * the row until commit, so concurrent submits of one agency queue here and get consecutive
 * numbers; a submit that rolls back rolls its increment back too, so there are no gaps.
 */
@Injectable()
export class DossierCodes {
  async next(manager: EntityManager, agencyCode: string, at: Date): Promise<string> {
    const day = localDate(at);
    const { last } = await kyselyOf<DB>(manager)
      .insertInto('code_counters')
      .values({ agency_code: agencyCode, day, last: 1 })
      .onConflict((oc) =>
        oc
          .columns(['agency_code', 'day'])
          .doUpdateSet((eb) => ({ last: eb('code_counters.last', '+', 1) })),
      )
      .returning('last')
      .executeTakeFirstOrThrow();
    return formatDossierCode(agencyCode, day, last);
  }
}
