import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { PersonalDocumentType } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import type { DocumentRow } from './documents.dto';

export interface NewDocument {
  ownerId: string;
  type: PersonalDocumentType;
  title: string;
  number: string | null;
  issuedAt: string | null;
  fileId: string;
}

/** The `documents` table: the personal document wallet (giấy tờ cá nhân). */
@Injectable()
export class DocumentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the document; null when the file already backs another live document. */
  async insert(doc: NewDocument): Promise<string | null> {
    const row = await this.db
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
