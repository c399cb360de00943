import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { FeedbackContactDto, FeedbackStatus } from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB } from '../database/db.generated';
import type {
  Feedback,
  NewFeedback,
  OfficerFeedbackFilter,
  PublicFeedbackFilter,
} from './feedback.dto';

interface FeedbackRow {
  id: string;
  code: string;
  lookup_key_hash: Buffer;
  asker_id: string | null;
  contact: FeedbackContactDto | null;
  title: string;
  content: string;
  agency_code: string | null;
  dossier_code: string | null;
  status: FeedbackStatus;
  submitted_at: Date;
  due_at: Date;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  published: boolean;
}

const COLUMNS = `id, code, lookup_key_hash, asker_id, contact, title, content, agency_code,
  dossier_code, status, submitted_at, due_at, answer, answered_at, answered_by, published`;

const toFeedback = (r: FeedbackRow): Feedback => ({
  id: r.id,
  code: r.code,
  lookupKeyHash: r.lookup_key_hash,
  askerId: r.asker_id,
  contact: r.contact,
  title: r.title,
  content: r.content,
  agencyCode: r.agency_code,
  dossierCode: r.dossier_code,
  status: r.status,
  submittedAt: r.submitted_at,
  dueAt: r.due_at,
  answer: r.answer,
  answeredAt: r.answered_at,
  answeredBy: r.answered_by,
  published: r.published,
});

/** feedback: phản ánh, kiến nghị and their answers. */
@Injectable()
export class FeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the question under the next code `PAKN-<yyMMdd>-<NNNN>` (Vietnam date). */
  async insert(manager: EntityManager, f: NewFeedback, searchFolded: string): Promise<Feedback> {
    const [row]: FeedbackRow[] = await manager.query(
      `INSERT INTO feedback (id, code, lookup_key_hash, asker_id, contact, title, content,
         agency_code, dossier_code, submitted_at, due_at, search_folded)
       VALUES ($1, 'PAKN-' || to_char($9::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYMMDD')
                 || '-' || lpad(nextval('feedback_number')::text, 4, '0'),
               $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       RETURNING ${COLUMNS}`,
      [
        f.id,
        f.lookupKeyHash,
        f.askerId,
        f.contact ? JSON.stringify(f.contact) : null,
        f.title,
        f.content,
        f.agencyCode,
        f.dossierCode,
        f.submittedAt,
        f.dueAt,
        searchFolded,
      ],
    );
    return toFeedback(row);
  }

  async findByCode(code: string): Promise<Feedback | null> {
    const [row]: FeedbackRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM feedback WHERE code = $1`,
      [code],
    );
    return row ? toFeedback(row) : null;
  }

  async lock(manager: EntityManager, id: string): Promise<Feedback | null> {
    const [row]: FeedbackRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM feedback WHERE id = $1 FOR UPDATE`,
      [id],
    );
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
      .returning([
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
      ])
      .executeTakeFirstOrThrow();
    return toFeedback(row as FeedbackRow);
  }

  /** Hàng đợi PAKN: the agencies' questions, soonest due first. */
  async listForOfficer(f: OfficerFeedbackFilter): Promise<{ rows: Feedback[]; total: number }> {
    const where = `($1::text[] IS NULL OR agency_code = ANY($1::text[]))
      AND ($2::text IS NULL OR status = $2)
      AND (NOT $3::boolean OR (status = 'pending' AND due_at < $4))`;
    const params = [f.agencies, f.status, f.overdue, f.now];
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM feedback WHERE ${where}
          ORDER BY status DESC, due_at, id LIMIT $5 OFFSET $6`,
        [...params, f.pageSize, (f.page - 1) * f.pageSize],
      ) as Promise<FeedbackRow[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM feedback WHERE ${where}`,
        params,
      ) as Promise<{ total: number }[]>,
    ]);
    return { rows: rows.map(toFeedback), total };
  }

  /** Published questions with their answers, newest answer first. */
  async listPublished(f: PublicFeedbackFilter): Promise<{ rows: Feedback[]; total: number }> {
    const where = `published
      AND ($1::text[] IS NULL OR search_folded LIKE ALL($1::text[]))
      AND ($2::text IS NULL OR agency_code = $2)`;
    // Every word must appear, in any order (as the catalogue search).
    const words = f.q?.split(/\s+/).filter(Boolean) ?? [];
    const params = [words.length > 0 ? words.map((w) => `%${escapeLike(w)}%`) : null, f.agency];
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM feedback WHERE ${where}
          ORDER BY answered_at DESC, id LIMIT $3 OFFSET $4`,
        [...params, f.pageSize, (f.page - 1) * f.pageSize],
      ) as Promise<FeedbackRow[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM feedback WHERE ${where}`,
        params,
      ) as Promise<{ total: number }[]>,
    ]);
    return { rows: rows.map(toFeedback), total };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
