import { Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { DB, Results } from '../database/db.generated';
import { NewResultFile, ResultFile, SignedResult } from './results.dto';

const toResult = (r: Selectable<Results>): ResultFile => ({
  id: r.id,
  dossierId: r.dossier_id,
  fileId: r.file_id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: Number(r.size),
  sha256: r.sha256,
  addedBy: r.added_by,
  createdAt: r.created_at,
  signed: r.signed_file_id
    ? {
        fileId: r.signed_file_id,
        fileName: r.signed_file_name!,
        verificationCode: r.verification_code!,
      }
    : null,
});

/** results: the documents an officer returns as the outcome of a dossier. */
@Injectable()
export class ResultsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    dossierId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ResultFile[]> {
    const rows = await kyselyOf<DB>(manager)
      .selectFrom('results')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toResult);
  }

  async byFile(
    fileId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ResultFile | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('results')
      .selectAll()
      .where((eb) => eb.or([eb('file_id', '=', fileId), eb('signed_file_id', '=', fileId)]))
      .limit(1)
      .executeTakeFirst();
    return row ? toResult(row) : null;
  }

  async markSigned(manager: EntityManager, resultId: string, signed: SignedResult): Promise<void> {
    await kyselyOf<DB>(manager)
      .updateTable('results')
      .set({
        signed_file_id: signed.fileId,
        signed_file_name: signed.fileName,
        verification_code: signed.verificationCode,
      })
      .where('id', '=', resultId)
      .execute();
  }

  async totalSize(
    dossierId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const { total } = await kyselyOf<DB>(manager)
      .selectFrom('results')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('size'), eb.lit(0)).as('total'))
      .where('dossier_id', '=', dossierId)
      .executeTakeFirstOrThrow();
    return Number(total);
  }

  async insert(manager: EntityManager, r: NewResultFile): Promise<ResultFile> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('results')
      .values({
        id: r.id,
        dossier_id: r.dossierId,
        file_id: r.fileId,
        file_name: r.fileName,
        content_type: r.contentType,
        size: r.size,
        sha256: r.sha256,
        added_by: r.addedBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toResult(row);
  }
}
