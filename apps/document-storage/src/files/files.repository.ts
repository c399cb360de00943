import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { FilePurpose, FileStatus } from '@dvc/contracts';
import type { FileRow, SettledFileRow } from './files.dto';

/** What the checks of an upload found out, recorded on its row. */
export interface FileOutcome {
  contentType: string;
  size: number;
  sha256: string;
  status: Extract<FileStatus, 'clean' | 'infected'>;
  rejectionReason?: 'infected' | 'unscannable';
  signature?: string | null;
}

export interface NewFile extends FileOutcome {
  id: string;
  ownerId: string;
  purpose: FilePurpose;
  fileName: string;
  copiedFrom?: string | null;
}

export interface NewPendingFile {
  id: string;
  ownerId: string;
  purpose: FilePurpose;
  fileName: string;
  uploadExpiresAt: Date;
}

const COLUMNS = `id, owner_id, purpose, file_name, content_type, size, sha256, status,
  rejection_reason, signature, copied_from, created_at, claimed_at, deleted_at, upload_expires_at`;

/** The `files` table: metadata of every stored (or refused) upload. */
@Injectable()
export class FilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    file: NewFile,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SettledFileRow> {
    const rows: SettledFileRow[] = await manager.query(
      `INSERT INTO files (id, owner_id, purpose, file_name, content_type, size, sha256, status,
                          rejection_reason, signature, copied_from)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       RETURNING ${COLUMNS}`,
      [
        file.id,
        file.ownerId,
        file.purpose,
        file.fileName,
        file.contentType,
        file.size,
        file.sha256,
        file.status,
        file.rejectionReason ?? null,
        file.signature ?? null,
        file.copiedFrom ?? null,
      ],
    );
    return rows[0];
  }

  /** The row of a presigned upload: `pending`, nothing known of the bytes yet. */
  async insertPending(file: NewPendingFile): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO files (id, owner_id, purpose, file_name, content_type, status, upload_expires_at)
       VALUES ($1, $2, $3, $4, 'application/octet-stream', 'pending', $5)`,
      [file.id, file.ownerId, file.purpose, file.fileName, file.uploadExpiresAt],
    );
  }

  /** Records the outcome of a pending upload's checks; null when it was not pending any more. */
  async settlePending(
    id: string,
    outcome: FileOutcome,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SettledFileRow | null> {
    const [rows]: [SettledFileRow[], number] = await manager.query(
      `UPDATE files SET content_type = $2, size = $3, sha256 = $4, status = $5,
                        rejection_reason = $6, signature = $7
        WHERE id = $1 AND status = 'pending' RETURNING ${COLUMNS}`,
      [
        id,
        outcome.contentType,
        outcome.size,
        outcome.sha256,
        outcome.status,
        outcome.rejectionReason ?? null,
        outcome.signature ?? null,
      ],
    );
    return rows[0] ?? null;
  }

  /**
   * Forgets presigned uploads never finalized whose URL expired before `before` (they never
   * were files; the quarantine sweep removes whatever bytes were PUT). Answers how many.
   */
  async deleteExpiredPending(before: Date, limit: number): Promise<number> {
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `DELETE FROM files WHERE id IN (
         SELECT id FROM files WHERE status = 'pending' AND upload_expires_at < $1
          ORDER BY upload_expires_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [before, limit],
    );
    return rows.length;
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FileRow | null> {
    const rows: FileRow[] = await manager.query(`SELECT ${COLUMNS} FROM files WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Marks a clean file deleted; answers the row, or null when it was not clean any more. */
  async markDeleted(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SettledFileRow | null> {
    const [rows]: [SettledFileRow[], number] = await manager.query(
      `UPDATE files SET status = 'deleted', deleted_at = now()
        WHERE id = $1 AND status = 'clean' RETURNING ${COLUMNS}`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markPurged(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`UPDATE files SET purged_at = now() WHERE id = ANY($1)`, [ids]);
  }

  /** Sets claimed_at on the clean ones among `ids` (of `ownerId` unless null); answers those ids. */
  async claim(ids: string[], ownerId: string | null): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE files SET claimed_at = COALESCE(claimed_at, now())
        WHERE id = ANY($1) AND status = 'clean' AND ($2::uuid IS NULL OR owner_id = $2)
        RETURNING id`,
      [ids, ownerId],
    );
    return rows.map((r) => r.id);
  }

  /** Does a live wallet document point at this file? */
  async usedByDocument(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM documents WHERE file_id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return rows.length > 0;
  }

  /**
   * Clean files nobody took up, created before `before`: attachments no dossier claimed,
   * wallet files no document points at (an upload whose document was never created).
   * Marks them deleted and answers their ids.
   */
  async deleteUnclaimed(before: Date, limit: number): Promise<string[]> {
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE files SET status = 'deleted', deleted_at = now()
        WHERE id IN (
          SELECT f.id FROM files f
           WHERE f.status = 'clean' AND f.claimed_at IS NULL AND f.created_at < $1
             AND (f.purpose = 'attachment'
                  OR (f.purpose = 'wallet'
                      AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.file_id = f.id)))
           ORDER BY f.created_at
           LIMIT $2
           FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [before, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Deleted files whose object removal has not been confirmed (e.g. the store was down). */
  async unpurged(deletedBefore: Date, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM files WHERE status = 'deleted' AND purged_at IS NULL AND deleted_at < $1
        ORDER BY deleted_at LIMIT $2`,
      [deletedBefore, limit],
    );
    return rows.map((r) => r.id);
  }
}
