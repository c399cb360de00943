import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { FilePurpose, FileStatus } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import type { FileColumns, FileRow, SettledFileRow } from './files.dto';

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

const COLUMNS = [
  'id',
  'owner_id',
  'purpose',
  'file_name',
  'content_type',
  'size',
  'sha256',
  'status',
  'rejection_reason',
  'signature',
  'copied_from',
  'created_at',
  'claimed_at',
  'deleted_at',
  'upload_expires_at',
] as const satisfies readonly (keyof FileColumns)[];

const now = sql<Date>`now()`;

/** The `files` table: metadata of every stored (or refused) upload. */
@Injectable()
export class FilesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    file: NewFile,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SettledFileRow> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('files')
      .values({
        id: file.id,
        owner_id: file.ownerId,
        purpose: file.purpose,
        file_name: file.fileName,
        content_type: file.contentType,
        size: file.size,
        sha256: file.sha256,
        status: file.status,
        rejection_reason: file.rejectionReason ?? null,
        signature: file.signature ?? null,
        copied_from: file.copiedFrom ?? null,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return row as SettledFileRow;
  }

  /** The row of a presigned upload: `pending`, nothing known of the bytes yet. */
  async insertPending(file: NewPendingFile): Promise<void> {
    await this.db
      .insertInto('files')
      .values({
        id: file.id,
        owner_id: file.ownerId,
        purpose: file.purpose,
        file_name: file.fileName,
        content_type: 'application/octet-stream',
        status: 'pending',
        upload_expires_at: file.uploadExpiresAt,
      })
      .execute();
  }

  /** Records the outcome of a pending upload's checks; null when it was not pending any more. */
  async settlePending(
    id: string,
    outcome: FileOutcome,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SettledFileRow | null> {
    const row = await kyselyOf<DB>(manager)
      .updateTable('files')
      .set({
        content_type: outcome.contentType,
        size: outcome.size,
        sha256: outcome.sha256,
        status: outcome.status,
        rejection_reason: outcome.rejectionReason ?? null,
        signature: outcome.signature ?? null,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .returning(COLUMNS)
      .executeTakeFirst();
    return (row as SettledFileRow | undefined) ?? null;
  }

  /**
   * Forgets presigned uploads never finalized whose URL expired before `before` (they never
   * were files; the quarantine sweep removes whatever bytes were PUT). Answers how many.
   */
  async deleteExpiredPending(before: Date, limit: number): Promise<number> {
    const rows = await this.db
      .deleteFrom('files')
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('files')
          .select('id')
          .where('status', '=', 'pending')
          .where('upload_expires_at', '<', before)
          .orderBy('upload_expires_at')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning('id')
      .execute();
    return rows.length;
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FileRow | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('files')
      .select(COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return (row as FileRow | undefined) ?? null;
  }

  /** Marks a clean file deleted; answers the row, or null when it was not clean any more. */
  async markDeleted(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SettledFileRow | null> {
    const row = await kyselyOf<DB>(manager)
      .updateTable('files')
      .set({ status: 'deleted', deleted_at: now })
      .where('id', '=', id)
      .where('status', '=', 'clean')
      .returning(COLUMNS)
      .executeTakeFirst();
    return (row as SettledFileRow | undefined) ?? null;
  }

  async markPurged(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('files').set({ purged_at: now }).where('id', 'in', ids).execute();
  }

  /** Sets claimed_at on the clean ones among `ids` (of `ownerId` unless null); answers those ids. */
  async claim(ids: string[], ownerId: string | null): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .updateTable('files')
      .set((eb) => ({ claimed_at: eb.fn.coalesce('claimed_at', now) }))
      .where('id', 'in', ids)
      .where('status', '=', 'clean')
      .$if(ownerId !== null, (q) => q.where('owner_id', '=', ownerId!))
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Does a live wallet document point at this file? */
  async usedByDocument(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('documents')
      .select((eb) => eb.lit(1).as('one'))
      .where('file_id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * Clean files nobody took up, created before `before`: attachments no dossier claimed,
   * wallet files no document points at (an upload whose document was never created).
   * Marks them deleted and answers their ids.
   */
  async deleteUnclaimed(before: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .updateTable('files')
      .set({ status: 'deleted', deleted_at: now })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('files as f')
          .select('f.id')
          .where('f.status', '=', 'clean')
          .where('f.claimed_at', 'is', null)
          .where('f.created_at', '<', before)
          .where((w) =>
            w.or([
              w('f.purpose', '=', 'attachment'),
              w.and([
                w('f.purpose', '=', 'wallet'),
                w.not(
                  w.exists(
                    w
                      .selectFrom('documents as d')
                      .select(w.lit(1).as('one'))
                      .whereRef('d.file_id', '=', 'f.id'),
                  ),
                ),
              ]),
            ]),
          )
          .orderBy('f.created_at')
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Deleted files whose object removal has not been confirmed (e.g. the store was down). */
  async unpurged(deletedBefore: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('files')
      .select('id')
      .where('status', '=', 'deleted')
      .where('purged_at', 'is', null)
      .where('deleted_at', '<', deletedBefore)
      .orderBy('deleted_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  private get db() {
    return kyselyOf<DB>(this.dataSource.manager);
  }
}
