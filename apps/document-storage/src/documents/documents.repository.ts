import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { PersonalDocumentType } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import type { DocumentRow } from './documents.dto';
import type { WalletUsage } from './wallet-quota';

export interface NewDocument {
  ownerId: string;
  type: PersonalDocumentType;
  title: string;
  number: string | null;
  issuedAt: string | null;
  fileId: string;
}

/** A delivered e-result kept in the citizen's wallet. */
export interface NewResultDocument {
  ownerId: string;
  title: string;
  fileId: string;
  dossierCode: string;
  issuedFileId: string;
}

/** The `documents` table: the personal document wallet (giấy tờ cá nhân). */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The owner's live documents and their bytes (delivered results aside), holding the owner's wallet lock until the
   * transaction ends (two uploads at once cannot both take the last room).
   */
  async lockUsage(manager: EntityManager, ownerId: string): Promise<WalletUsage> {
    const db = kyselyOf<DB>(manager);
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`wallet:${ownerId}`}, 0))`.execute(
      db,
    );
    const row = await db
      .selectFrom('documents as d')
      .innerJoin('files as f', 'f.id', 'd.file_id')
      .select([
        sql<number>`count(*)::int`.as('documents'),
        sql<string>`coalesce(sum(f.size), 0)::bigint`.as('bytes'),
      ])
      .where('d.owner_id', '=', ownerId)
      .where('d.deleted_at', 'is', null)
      // Results the portal delivered are not the citizen's uploads: they do not count (D135).
      .where('d.source', '<>', 'result')
      .executeTakeFirstOrThrow();
    return { documents: row.documents, bytes: Number(row.bytes) };
  }

  /** Inserts the document; null when the file already backs another live document. */
  async insert(manager: EntityManager, doc: NewDocument): Promise<string | null> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('documents')
      .values({
        owner_id: doc.ownerId,
        type: doc.type,
        title: doc.title,
        number: doc.number,
        issued_at: doc.issuedAt,
        file_id: doc.fileId,
      })
      .onConflict((oc) => oc.column('file_id').where('deleted_at', 'is', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  /** Null when this issued document is already in the owner's wallet. */
  async insertResult(doc: NewResultDocument, manager: EntityManager): Promise<string | null> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('documents')
      .values({
        owner_id: doc.ownerId,
        type: 'other',
        title: doc.title,
        file_id: doc.fileId,
        source: 'result',
        dossier_code: doc.dossierCode,
        issued_file_id: doc.issuedFileId,
      })
      .onConflict((oc) =>
        oc
          .columns(['owner_id', 'issued_file_id'])
          .where('issued_file_id', 'is not', null)
          .where('deleted_at', 'is', null)
          .doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async findByIssuedFile(ownerId: string, issuedFileId: string): Promise<DocumentRow | null> {
    const row = await this.live(ownerId)
      .where('d.issued_file_id', '=', issuedFileId)
      .executeTakeFirst();
    return (row as DocumentRow | undefined) ?? null;
  }

  async list(ownerId: string): Promise<DocumentRow[]> {
    const rows = await this.live(ownerId).orderBy('d.created_at', 'desc').orderBy('d.id').execute();
    return rows as DocumentRow[];
  }

  async find(ownerId: string, id: string): Promise<DocumentRow | null> {
    const row = await this.live(ownerId).where('d.id', '=', id).executeTakeFirst();
    return (row as DocumentRow | undefined) ?? null;
  }

  /** Marks the owner's live document deleted; answers its file id, or null when there is none. */
  async markDeleted(manager: EntityManager, ownerId: string, id: string): Promise<string | null> {
    const row = await kyselyOf<DB>(manager)
      .updateTable('documents')
      .set({ deleted_at: sql<Date>`now()` })
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .where('deleted_at', 'is', null)
      .returning('file_id')
      .executeTakeFirst();
    return row?.file_id ?? null;
  }

  private get db() {
    return kyselyOf<DB>(this.dataSource.manager);
  }

  /** The owner's live documents with their files; `date` read as text, so no time zone shifts it. */
  private live(ownerId: string) {
    return this.db
      .selectFrom('documents as d')
      .innerJoin('files as f', 'f.id', 'd.file_id')
      .select([
        'd.id',
        'd.type',
        'd.title',
        'd.number',
        sql<string | null>`d.issued_at::text`.as('issued_at'),
        'd.created_at',
        'd.source',
        'd.dossier_code',
        'f.id as file_id',
        'f.file_name',
        'f.content_type',
        'f.size',
        'f.sha256',
      ])
      .where('d.owner_id', '=', ownerId)
      .where('d.deleted_at', 'is', null);
  }
}
