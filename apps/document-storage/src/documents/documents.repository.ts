import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PersonalDocumentType } from '@dvc/contracts';
import type { DocumentRow } from './documents.dto';

export interface NewDocument {
  ownerId: string;
  type: PersonalDocumentType;
  title: string;
  number: string | null;
  issuedAt: string | null;
  fileId: string;
}

const SELECT = `SELECT d.id, d.type, d.title, d.number, d.issued_at::text AS issued_at, d.created_at,
       f.id AS file_id, f.file_name, f.content_type, f.size, f.sha256
  FROM documents d JOIN files f ON f.id = d.file_id`;

/** The `documents` table: the personal document wallet (giấy tờ cá nhân). */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the document; null when the file already backs another live document. */
  async insert(doc: NewDocument): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO documents (owner_id, type, title, number, issued_at, file_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (file_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id`,
      [doc.ownerId, doc.type, doc.title, doc.number, doc.issuedAt, doc.fileId],
    );
    return rows[0]?.id ?? null;
  }

  list(ownerId: string): Promise<DocumentRow[]> {
    return this.dataSource.query(
      `${SELECT} WHERE d.owner_id = $1 AND d.deleted_at IS NULL ORDER BY d.created_at DESC, d.id`,
      [ownerId],
    );
  }

  async find(ownerId: string, id: string): Promise<DocumentRow | null> {
    const rows: DocumentRow[] = await this.dataSource.query(
      `${SELECT} WHERE d.id = $1 AND d.owner_id = $2 AND d.deleted_at IS NULL`,
      [id, ownerId],
    );
    return rows[0] ?? null;
  }

  /** Marks the owner's live document deleted; answers its file id, or null when there is none. */
  async markDeleted(manager: EntityManager, ownerId: string, id: string): Promise<string | null> {
    const [rows]: [{ file_id: string }[], number] = await manager.query(
      `UPDATE documents SET deleted_at = now()
        WHERE id = $1 AND owner_id = $2 AND deleted_at IS NULL RETURNING file_id`,
      [id, ownerId],
    );
    return rows[0]?.file_id ?? null;
  }
}
