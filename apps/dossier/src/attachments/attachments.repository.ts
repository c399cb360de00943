import { Injectable } from '@nestjs/common';
import { sql, type Selectable } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import { kyselyOf } from '@dvc/database';
import type { Attachments, DB } from '../database/db.generated';
import { Attachment, NewAttachment } from './attachments.dto';

/** Every column but removed_at (only active attachments are read). */
const COLUMNS = [
  'id',
  'dossier_id',
  'component_id',
  'file_id',
  'file_name',
  'content_type',
  'size',
  'sha256',
  'source',
  'supplement',
  'created_at',
] as const satisfies readonly (keyof Attachments)[];

type Row = Pick<Selectable<Attachments>, (typeof COLUMNS)[number]>;

const toAttachment = (r: Row): Attachment => ({
  id: r.id,
  dossierId: r.dossier_id,
  componentId: r.component_id,
  fileId: r.file_id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: Number(r.size),
  sha256: r.sha256,
  source: r.source as Attachment['source'],
  supplement: r.supplement,
  createdAt: r.created_at,
});

/** A row of activeAttachmentsOfDossier: the same columns, the timestamp as JSON text. */
type JsonRow = Omit<Row, 'created_at'> & { created_at: string };

/**
 * The active attachments of the `dossiers` row being selected, as one JSON array in the order
 * of active(): lets a single statement read (or lock) a dossier with its slots.
 */
export const activeAttachmentsOfDossier = sql<JsonRow[]>`coalesce((
  SELECT json_agg(a ORDER BY a.created_at, a.id)
    FROM (SELECT ${sql.join(COLUMNS.map((c) => sql.ref(c)))} FROM attachments
           WHERE dossier_id = dossiers.id AND removed_at IS NULL) a), '[]'::json)`;

export const attachmentsFromJson = (rows: JsonRow[]): Attachment[] =>
  rows.map((r) => toAttachment({ ...r, created_at: new Date(r.created_at) }));

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
    const rows = await kyselyOf<DB>(manager)
      .selectFrom('attachments')
      .select(COLUMNS)
      .where('dossier_id', '=', dossierId)
      .where('removed_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toAttachment);
  }

  async activeByFile(
    fileId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Attachment | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('attachments')
      .select(COLUMNS)
      .where('file_id', '=', fileId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return row ? toAttachment(row) : null;
  }

  /** Bytes attached to the dossier now (its quota use). */
  async totalSize(
    dossierId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const { total } = await kyselyOf<DB>(manager)
      .selectFrom('attachments')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('size'), eb.lit(0)).as('total'))
      .where('dossier_id', '=', dossierId)
      .where('removed_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(total);
  }

  async insert(manager: EntityManager, a: NewAttachment): Promise<Attachment> {
    try {
      const row = await kyselyOf<DB>(manager)
        .insertInto('attachments')
        .values({
          id: a.id,
          dossier_id: a.dossierId,
          component_id: a.componentId,
          file_id: a.fileId,
          file_name: a.fileName,
          content_type: a.contentType,
          size: a.size,
          sha256: a.sha256,
          source: a.source,
          supplement: a.supplement,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
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
    const row = await kyselyOf<DB>(manager)
      .updateTable('attachments')
      .set({ removed_at: at })
      .where('id', '=', attachmentId)
      .where('dossier_id', '=', dossierId)
      .where('removed_at', 'is', null)
      .returning(COLUMNS)
      .executeTakeFirst();
    return row ? toAttachment(row) : null;
  }
}
