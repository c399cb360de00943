import { Injectable } from '@nestjs/common';
import { Kysely, Selectable, sql } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type { FeedbackContactDto, FeedbackStatus } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB, Feedback as FeedbackTable, FeedbackAttachments } from '../database/db.generated';
import type {
  Feedback,
  FeedbackAttachment,
  NewFeedback,
  OfficerFeedbackFilter,
  PublicFeedbackFilter,
} from './feedback.dto';

const COLUMNS = [
  'id',
  'code',
  'lookup_key_hash',
  'asker_id',
  'contact',
  'title',
  'content',
  'agency_code',
  'dossier_code',
  'status',
  'submitted_at',
  'due_at',
  'answer',
  'answered_at',
  'answered_by',
  'published',
] as const;

type FeedbackRow = Pick<Selectable<FeedbackTable>, (typeof COLUMNS)[number]>;

const toFeedback = (r: FeedbackRow): Feedback => ({
  id: r.id,
  code: r.code,
  lookupKeyHash: r.lookup_key_hash,
  askerId: r.asker_id,
  contact: r.contact as FeedbackContactDto | null,
  title: r.title,
  content: r.content,
  agencyCode: r.agency_code,
  dossierCode: r.dossier_code,
  status: r.status as FeedbackStatus,
  submittedAt: r.submitted_at,
  dueAt: r.due_at,
  answer: r.answer,
  answeredAt: r.answered_at,
  answeredBy: r.answered_by,
  published: r.published,
});

const toAttachment = (r: Selectable<FeedbackAttachments>): FeedbackAttachment => ({
  id: r.id,
  feedbackId: r.feedback_id,
  fileId: r.file_id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: r.size,
  sha256: r.sha256,
  attachedAt: r.attached_at,
});

/** feedback: phản ánh, kiến nghị and their answers; feedback_attachments: their files. */
@Injectable()
export class FeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get db(): Kysely<DB> {
    return kyselyOf<DB>(this.dataSource.manager);
  }

  /** Stores the question under the next code `PAKN-<yyMMdd>-<NNNN>` (Vietnam date). */
  async insert(manager: EntityManager, f: NewFeedback, searchFolded: string): Promise<Feedback> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('feedback')
      .values({
        id: f.id,
        code: sql<string>`'PAKN-' || to_char(${f.submittedAt}::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD')
          || '-' || lpad(nextval('feedback_number')::text, 4, '0')`,
        lookup_key_hash: f.lookupKeyHash,
        asker_id: f.askerId,
        contact: f.contact ? JSON.stringify(f.contact) : null,
        title: f.title,
        content: f.content,
        agency_code: f.agencyCode,
        dossier_code: f.dossierCode,
        submitted_at: f.submittedAt,
        due_at: f.dueAt,
        search_folded: searchFolded,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toFeedback(row);
  }

  async findByCode(code: string): Promise<Feedback | null> {
    const row = await this.db
      .selectFrom('feedback')
      .select(COLUMNS)
      .where('code', '=', code)
      .executeTakeFirst();
    return row ? toFeedback(row) : null;
  }

  async find(id: string): Promise<Feedback | null> {
    const row = await this.db
      .selectFrom('feedback')
      .select(COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toFeedback(row) : null;
  }

  async lock(manager: EntityManager, id: string): Promise<Feedback | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('feedback')
      .select(COLUMNS)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row ? toFeedback(row) : null;
  }

  async saveAnswer(
    manager: EntityManager,
    id: string,
    answer: { text: string; by: string; at: Date; published: boolean; searchFolded: string },
  ): Promise<Feedback> {
    const row = await kyselyOf<DB>(manager)
      .updateTable('feedback')
      .set({
        status: 'answered',
        answer: answer.text,
        answered_by: answer.by,
        answered_at: answer.at,
        published: answer.published,
        search_folded: answer.searchFolded,
      })
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toFeedback(row);
  }

  /** Hàng đợi PAKN: the agencies' questions, pending first, soonest due first. */
  async listForOfficer(f: OfficerFeedbackFilter): Promise<{ rows: Feedback[]; total: number }> {
    const filtered = this.db
      .selectFrom('feedback')
      .$if(f.agencies !== null, (q) =>
        q.where('agency_code', '=', sql<string>`ANY(${f.agencies}::text[])`),
      )
      .$if(f.status !== null, (q) => q.where('status', '=', f.status!))
      .$if(f.overdue, (q) => q.where('status', '=', 'pending').where('due_at', '<', f.now));
    const [rows, { total }] = await Promise.all([
      filtered
        .select(COLUMNS)
        .orderBy('status', 'desc')
        .orderBy('due_at')
        .orderBy('id')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
      filtered.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map(toFeedback), total };
  }

  /** Published questions with their answers, newest answer first. */
  async listPublished(f: PublicFeedbackFilter): Promise<{ rows: Feedback[]; total: number }> {
    // Every word must appear, in any order (as the catalogue search).
    const words = f.q?.split(/\s+/).filter(Boolean) ?? [];
    const filtered = this.db
      .selectFrom('feedback')
      .where('published', '=', true)
      .$if(words.length > 0, (q) =>
        q.where(
          sql<boolean>`search_folded LIKE ALL(${words.map((w) => `%${escapeLike(w)}%`)}::text[])`,
        ),
      )
      .$if(f.agency !== null, (q) => q.where('agency_code', '=', f.agency));
    const [rows, { total }] = await Promise.all([
      filtered
        .select(COLUMNS)
        .orderBy('answered_at', 'desc')
        .orderBy('id')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute(),
      filtered.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map(toFeedback), total };
  }

  /** The files of these questions, in the order they were attached. */
  async attachmentsOf(
    feedbackIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FeedbackAttachment[]> {
    if (feedbackIds.length === 0) return [];
    const rows = await kyselyOf<DB>(manager)
      .selectFrom('feedback_attachments')
      .selectAll()
      .where('feedback_id', 'in', feedbackIds)
      .orderBy('attached_at')
      .orderBy('id')
      .execute();
    return rows.map(toAttachment);
  }

  async attachmentByFile(
    manager: EntityManager,
    fileId: string,
  ): Promise<FeedbackAttachment | null> {
    const row = await kyselyOf<DB>(manager)
      .selectFrom('feedback_attachments')
      .selectAll()
      .where('file_id', '=', fileId)
      .executeTakeFirst();
    return row ? toAttachment(row) : null;
  }

  async insertAttachment(manager: EntityManager, a: FeedbackAttachment): Promise<void> {
    await kyselyOf<DB>(manager)
      .insertInto('feedback_attachments')
      .values({
        id: a.id,
        feedback_id: a.feedbackId,
        file_id: a.fileId,
        file_name: a.fileName,
        content_type: a.contentType,
        size: a.size,
        sha256: a.sha256,
        attached_at: a.attachedAt,
      })
      .execute();
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
