import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NewResultFile, ResultFile } from './results.dto';

interface Row {
  id: string;
  dossier_id: string;
  file_id: string;
  file_name: string;
  content_type: string;
  size: string;
  sha256: string;
  added_by: string | null;
  created_at: Date;
}

const COLUMNS =
  'id, dossier_id, file_id, file_name, content_type, size, sha256, added_by, created_at';

const toResult = (r: Row): ResultFile => ({
  id: r.id,
  dossierId: r.dossier_id,
  fileId: r.file_id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: Number(r.size),
  sha256: r.sha256,
  addedBy: r.added_by,
  createdAt: r.created_at,
});

/** results: the documents an officer returns as the outcome of a dossier. */
@Injectable()
export class ResultsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    dossierId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ResultFile[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM results WHERE dossier_id = $1 ORDER BY created_at, id`,
      [dossierId],
    );
    return rows.map(toResult);
  }

  async byFile(
    fileId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ResultFile | null> {
    const [row]: Row[] = await manager.query(`SELECT ${COLUMNS} FROM results WHERE file_id = $1`, [
      fileId,
    ]);
    return row ? toResult(row) : null;
  }

  async totalSize(
    dossierId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const [row]: { total: string }[] = await manager.query(
      `SELECT COALESCE(sum(size), 0) AS total FROM results WHERE dossier_id = $1`,
      [dossierId],
    );
    return Number(row.total);
  }

  async insert(manager: EntityManager, r: NewResultFile): Promise<ResultFile> {
    const [row]: Row[] = await manager.query(
      `INSERT INTO results (id, dossier_id, file_id, file_name, content_type, size, sha256, added_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [r.id, r.dossierId, r.fileId, r.fileName, r.contentType, r.size, r.sha256, r.addedBy],
    );
    return toResult(row);
  }
}
