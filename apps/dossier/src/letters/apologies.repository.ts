import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { Selectable } from 'kysely';
import type { Apologies, DB } from '../database/db.generated';
import type { Apology } from './apologies.dto';

/** The `apologies` table: the only place that touches it. */
@Injectable()
export class ApologiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, a: Apology): Promise<void> {
    await kyselyOf<DB>(manager)
      .insertInto('apologies')
      .values({
        id: a.id,
        dossier_id: a.dossierId,
        reason: a.reason,
        previous_due_at: a.previousDueAt,
        new_due_at: a.newDueAt,
        by_account_id: a.byAccountId,
        by_role: a.byRole,
        file_id: a.fileId,
        file_name: a.fileName,
        verification_code: a.verificationCode,
        issued_at: a.issuedAt,
      })
      .execute();
  }

  /** A dossier's apologies, oldest first. */
  async list(dossierId: string, manager?: EntityManager): Promise<Apology[]> {
    const rows = await this.select(manager).where('dossier_id', '=', dossierId).execute();
    return rows.map(toApology);
  }

  /** The apology whose signed letter is `fileId`, if any. */
  async byFile(fileId: string): Promise<Apology | null> {
    const row = await this.select().where('file_id', '=', fileId).executeTakeFirst();
    return row ? toApology(row) : null;
  }

  private select(manager?: EntityManager) {
    return kyselyOf<DB>(manager ?? this.dataSource.manager)
      .selectFrom('apologies')
      .selectAll()
      .orderBy('issued_at')
      .orderBy('id');
  }
}

function toApology(r: Selectable<Apologies>): Apology {
  return {
    id: r.id,
    dossierId: r.dossier_id,
    reason: r.reason,
    previousDueAt: r.previous_due_at,
    newDueAt: r.new_due_at,
    byAccountId: r.by_account_id,
    byRole: r.by_role as Apology['byRole'],
    fileId: r.file_id,
    fileName: r.file_name,
    verificationCode: r.verification_code,
    issuedAt: r.issued_at,
  };
}
