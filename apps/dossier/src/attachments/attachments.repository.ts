import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Attachment, NewAttachment } from './attachments.dto';
import { updatedRows } from '@dvc/database';

interface Row {
  id: string;
  dossier_id: string;
  component_id: string;
  file_id: string;
  file_name: string;
  content_type: string;
  size: string;
  sha256: string;
  source: Attachment['source'];
  supplement: boolean;
  created_at: Date;
}

const COLUMNS =
  'id, dossier_id, component_id, file_id, file_name, content_type, size, sha256, source, supplement, created_at';

const toAttachment = (r: Row): Attachment => ({
  id: r.id,
  dossierId: r.dossier_id,
  componentId: r.component_id,
  fileId: r.file_id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: Number(r.size),
  sha256: r.sha256,
  source: r.source,
  supplement: r.supplement,
  createdAt: r.created_at,
});

const UNIQUE_VIOLATION = '23505';

/** The file already fills a slot (of this dossier or another). */
export class FileAlreadyAttachedError extends Error {}

/** attachments: files in component slots; removed ones stay with removed_at. */
@Injectable()
export class AttachmentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async active(
    dossierId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Attachment[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM attachments WHERE dossier_id = $1 AND removed_at IS NULL ORDER BY created_at, id`,
      [dossierId],
    );
    return rows.map(toAttachment);
  }

  async activeByFile(
    fileId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Attachment | null> {
    const [row]: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM attachments WHERE file_id = $1 AND removed_at IS NULL`,
      [fileId],
    );
    return row ? toAttachment(row) : null;
  }

  /** Bytes attached to the dossier now (its quota use). */
  async totalSize(
    dossierId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const [row]: { total: string }[] = await manager.query(
      `SELECT COALESCE(sum(size), 0) AS total FROM attachments WHERE dossier_id = $1 AND removed_at IS NULL`,
      [dossierId],
    );
    return Number(row.total);
  }

  async insert(manager: EntityManager, a: NewAttachment): Promise<Attachment> {
    try {
      const [row]: Row[] = await manager.query(
        `INSERT INTO attachments (id, dossier_id, component_id, file_id, file_name, content_type, size, sha256, source, supplement)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
        [
          a.id,
          a.dossierId,
          a.componentId,
          a.fileId,
          a.fileName,
          a.contentType,
          a.size,
          a.sha256,
          a.source,
          a.supplement,
        ],
      );
      return toAttachment(row);
    } catch (err) {
      if ((err as { code?: string }).code === UNIQUE_VIOLATION)
        throw new FileAlreadyAttachedError(a.fileId);
      throw err;
    }
  }

  /** Marks an active attachment of the dossier removed; returns it, or null when there is none. */
  async remove(
    manager: EntityManager,
    dossierId: string,
    attachmentId: string,
    at: Date,
  ): Promise<Attachment | null> {
    const rows = updatedRows<Row>(
      await manager.query(
        `UPDATE attachments SET removed_at = $3
          WHERE id = $1 AND dossier_id = $2 AND removed_at IS NULL RETURNING ${COLUMNS}`,
        [attachmentId, dossierId, at],
      ),
    );
    return rows[0] ? toAttachment(rows[0]) : null;
  }
}
