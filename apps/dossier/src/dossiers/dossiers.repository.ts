import { Injectable } from '@nestjs/common';
import {
  sql,
  type RawBuilder,
  type Selectable,
  type SelectQueryBuilder,
  type Updateable,
} from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import { DossierStatus } from '@dvc/contracts';
import type {
  ApplicantView,
  DeadlineMark,
  DeliveryAddressView,
  DeliveryMethod,
  SupplementRequestView,
} from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { Attachment } from '../attachments/attachments.dto';
import {
  activeAttachmentsOfDossier,
  attachmentsFromJson,
} from '../attachments/attachments.repository';
import type { DB, Dossiers } from '../database/db.generated';
import {
  Dossier,
  DossierChanges,
  HistoryEntry,
  ProcedureSnapshot,
  foldVietnamese,
} from './dossiers.dto';
import { CLOCKED_STATUSES, FINISHED_STATUSES, statusCode, statusName } from './status-machine';

/** Every column but applicant_name_folded and procedure_code (search columns). */
const COLUMNS = [
  'id',
  'code',
  'lookup_key_hash',
  'lookup_key',
  'applicant_id',
  'applicant',
  'procedure',
  'case_id',
  'agency_code',
  'status',
  'paused_from',
  'form_data',
  'delivery_method',
  'delivery_address',
  'delivery_tracking',
  'receipt_number',
  'submitted_at',
  'received_at',
  'due_at',
  'warn_at',
  'original_due_at',
  'receipt_file_id',
  'receipt_file_name',
  'receipt_verification_code',
  'receipt_issued_at',
  'paused_at',
  'paused_working_minutes_remaining',
  'payment_amount',
  'supplement_request',
  'created_at',
  'updated_at',
  'version',
] as const satisfies readonly (keyof Dossiers)[];

type DossierRow = Pick<Selectable<Dossiers>, (typeof COLUMNS)[number]>;

/** The jsonb columns hold what the service wrote (checked before it was written). */
function toDossier(r: DossierRow): Dossier {
  return {
    id: r.id,
    code: r.code,
    lookupKeyHash: r.lookup_key_hash,
    lookupKey: r.lookup_key,
    applicantId: r.applicant_id,
    applicant: r.applicant as ApplicantView | null,
    procedure: r.procedure as unknown as ProcedureSnapshot,
    caseId: r.case_id,
    agencyCode: r.agency_code,
    status: statusName(r.status),
    pausedFrom: r.paused_from === null ? null : statusName(r.paused_from),
    formData: r.form_data as Record<string, unknown>,
    deliveryMethod: r.delivery_method as DeliveryMethod,
    deliveryAddress: r.delivery_address as DeliveryAddressView | null,
    deliveryTracking: r.delivery_tracking,
    receiptNumber: r.receipt_number,
    submittedAt: r.submitted_at,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    warnAt: r.warn_at,
    originalDueAt: r.original_due_at,
    receipt:
      r.receipt_file_id && r.receipt_file_name && r.receipt_verification_code && r.receipt_issued_at
        ? {
            fileId: r.receipt_file_id,
            fileName: r.receipt_file_name,
            verificationCode: r.receipt_verification_code,
            issuedAt: r.receipt_issued_at,
          }
        : null,
    pausedAt: r.paused_at,
    pausedWorkingMinutesRemaining: r.paused_working_minutes_remaining,
    paymentAmount: r.payment_amount === null ? null : Number(r.payment_amount),
    supplementRequest: r.supplement_request as SupplementRequestView | null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** A jsonb value as a parameter; undefined (not changed) stays undefined. */
function json(value: object | null | undefined): string | null | undefined {
  return value === undefined || value === null ? value : JSON.stringify(value);
}

/** The columns of the fields an action changes; undefined fields are left out of the SET. */
function changedColumns(c: DossierChanges): Updateable<Dossiers> {
  return {
    code: c.code,
    lookup_key_hash: c.lookupKeyHash,
    lookup_key: c.lookupKey,
    applicant: json(c.applicant),
    applicant_name_folded: c.applicantNameFolded,
    status: c.status === undefined ? undefined : statusCode(c.status),
    paused_from:
      c.pausedFrom === undefined || c.pausedFrom === null ? c.pausedFrom : statusCode(c.pausedFrom),
    form_data: json(c.formData),
    delivery_method: c.deliveryMethod,
    delivery_address: json(c.deliveryAddress),
    delivery_tracking: c.deliveryTracking,
    receipt_number: c.receiptNumber,
    submitted_at: c.submittedAt,
    received_at: c.receivedAt,
    due_at: c.dueAt,
    warn_at: c.warnAt,
    original_due_at: c.originalDueAt,
    receipt_file_id: c.receipt === undefined ? undefined : (c.receipt?.fileId ?? null),
    receipt_file_name: c.receipt === undefined ? undefined : (c.receipt?.fileName ?? null),
    receipt_verification_code:
      c.receipt === undefined ? undefined : (c.receipt?.verificationCode ?? null),
    receipt_issued_at: c.receipt === undefined ? undefined : (c.receipt?.issuedAt ?? null),
    paused_at: c.pausedAt,
    paused_working_minutes_remaining: c.pausedWorkingMinutesRemaining,
    payment_amount: c.paymentAmount,
    supplement_request: json(c.supplementRequest),
  };
}

export interface NewDossier {
  id: string;
  applicantId: string;
  procedure: ProcedureSnapshot;
  deliveryMethod: DeliveryMethod;
  createdAt: Date;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface OfficerQueueFilter extends PageRequest {
  agencies: string[];
  /** Status codes of the tab (or the one status) asked for; null: all. */
  statuses: number[] | null;
  /** The `done` tab: latest change first instead of the deadline order. */
  latestFirst: boolean;
  /** Code fragment, applicant name fragment (folded) or exact ID number. */
  q: string | null;
  overdue: boolean | null;
  now: Date;
}

export interface DossierWithAttachments {
  dossier: Dossier;
  attachments: Attachment[];
}

/** Thrown when a row changed under an update that expected its version (never with FOR UPDATE). */
export class StaleDossierError extends Error {}

const FINISHED_CODES = FINISHED_STATUSES.map(statusCode);
const CLOCKED_CODES = CLOCKED_STATUSES.map(statusCode);
/** Every status but a draft and the finished ones: an agency still owes a step. */
const UNFINISHED_CODES = Object.values(DossierStatus).filter(
  (c) => c !== DossierStatus.DRAFT && !FINISHED_CODES.includes(c),
);

type DossierQuery = SelectQueryBuilder<DB, 'dossiers', object>;

/** dossiers and status_history: the only place that touches them. */
@Injectable()
export class DossiersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, d: NewDossier): Promise<Dossier> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('dossiers')
      .values({
        id: d.id,
        applicant_id: d.applicantId,
        procedure: JSON.stringify(d.procedure),
        procedure_code: d.procedure.code,
        case_id: d.procedure.case.id,
        agency_code: d.procedure.agency.code,
        status: 0,
        delivery_method: d.deliveryMethod,
        created_at: d.createdAt,
        updated_at: d.createdAt,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    return toDossier(row);
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Dossier | null> {
    const row = await this.select(manager).where('id', '=', id).executeTakeFirst();
    return row ? toDossier(row) : null;
  }

  /** Reads and row-locks the dossier until the transaction ends: one action at a time. */
  async lock(manager: EntityManager, id: string): Promise<Dossier | null> {
    const row = await this.select(manager).where('id', '=', id).forUpdate().executeTakeFirst();
    return row ? toDossier(row) : null;
  }

  /**
   * find() with the dossier's active attachments, in one statement: what submitting and
   * attaching check (components present, quota, retries) without a second round trip.
   */
  findWithAttachments(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DossierWithAttachments | null> {
    return this.withAttachments(manager, id, false);
  }

  /** lock() with the dossier's active attachments, in one statement. */
  lockWithAttachments(manager: EntityManager, id: string): Promise<DossierWithAttachments | null> {
    return this.withAttachments(manager, id, true);
  }

  /** lock() by dossier code (mã hồ sơ), as agency systems name dossiers. */
  async lockByCode(manager: EntityManager, code: string): Promise<Dossier | null> {
    const row = await this.select(manager).where('code', '=', code).forUpdate().executeTakeFirst();
    return row ? toDossier(row) : null;
  }

  async findByCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Dossier | null> {
    const row = await this.select(manager).where('code', '=', code).executeTakeFirst();
    return row ? toDossier(row) : null;
  }

  /** Applies the changes if the row is still at the version read; bumps the version. */
  async update(
    manager: EntityManager,
    d: Dossier,
    changes: DossierChanges,
    at: Date,
  ): Promise<Dossier> {
    const row = await kyselyOf<DB>(manager)
      .updateTable('dossiers')
      .set((eb) => ({
        ...changedColumns(changes),
        updated_at: at,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', d.id)
      .where('version', '=', d.version)
      .returning(COLUMNS)
      .executeTakeFirst();
    if (!row) throw new StaleDossierError(`dossier ${d.id} changed concurrently`);
    return toDossier(row);
  }

  async listByApplicant(
    applicantId: string,
    status: number | null,
    page: PageRequest,
  ): Promise<{ rows: Dossier[]; total: number }> {
    const where = (q: DossierQuery) =>
      q
        .where('applicant_id', '=', applicantId)
        .$if(status !== null, (w) => w.where('status', '=', status!));
    return this.page(where, page, (q) => q.orderBy('created_at', 'desc').orderBy('id'));
  }

  /**
   * Hàng đợi xử lý: one page of the dossiers of the officer's agencies in the statuses asked
   * for, in the queue's order (queueOrder). How many there are the caller tells from the
   * status counts (officerQueueStatusCounts or the status tallies).
   */
  async officerQueue(f: OfficerQueueFilter): Promise<Dossier[]> {
    const where = (query: DossierQuery) =>
      officerSearch(f)(query).$if(f.statuses !== null, (w) =>
        w.where('status', '=', sql<number>`ANY(${f.statuses}::smallint[])`),
      );
    const { rows } = await this.page(where, f, (query) => ordered(query, f), false);
    return rows;
  }

  /**
   * Dossiers per status under the queue's overdue filter (any tab): what the tabs count then.
   * Unfiltered, the status tallies answer instead (D290); searched, officerQueueSearch.
   */
  async officerQueueStatusCounts(
    f: Pick<OfficerQueueFilter, 'agencies' | 'q' | 'overdue' | 'now'>,
  ): Promise<StatusCount[]> {
    const rows = await officerSearch(f)(
      kyselyOf<DB>(this.dataSource.manager).selectFrom('dossiers'),
    )
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('status')
      .execute();
    return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
  }

  /**
   * The queue under a search: the officer's agencies' dossiers the search matches are found
   * once (one pass over the trigram indexes, the costly part) and give both the count of each
   * status and the page's ids, rather than one pass for the page, the total and the counts
   * each (D292).
   */
  async officerQueueSearch(
    f: OfficerQueueFilter,
  ): Promise<{ rows: Dossier[]; byStatus: StatusCount[] }> {
    const db = kyselyOf<DB>(this.dataSource.manager);
    const found = await db
      .with('m', (w) =>
        officerSearch(f)(w.selectFrom('dossiers')).select([
          'id',
          'status',
          'due_at',
          'warn_at',
          'submitted_at',
          'updated_at',
        ]),
      )
      .with('c', (w) =>
        w
          .selectFrom('m')
          .select(['status', sql<number>`count(*)::int`.as('n')])
          .groupBy('status'),
      )
      .with('p', (w) =>
        ordered(
          w
            .selectFrom('m')
            .select('id')
            .$if(f.statuses !== null, (q) =>
              q.where('status', '=', sql<number>`ANY(${f.statuses}::smallint[])`),
            ),
          f,
        )
          .limit(f.pageSize)
          .offset((f.page - 1) * f.pageSize),
      )
      .selectNoFrom([
        sql<StatusCount[]>`(SELECT coalesce(json_agg(c), '[]') FROM c)`.as('counts'),
        sql<string[]>`(SELECT coalesce(array_agg(id), '{}') FROM p)`.as('ids'),
      ])
      .executeTakeFirstOrThrow();
    const rows =
      found.ids.length === 0
        ? []
        : await ordered(
            db
              .selectFrom('dossiers')
              .where('id', '=', sql<string>`ANY(${found.ids}::uuid[])`)
              .select(COLUMNS),
            f,
          ).execute();
    return { rows: rows.map(toDossier), byStatus: found.counts };
  }

  /**
   * Dossiers whose clock runs and that reached their 80 % instant (overdue ones included),
   * for the deadline job, soonest due first; already-warned ones are skipped in SQL.
   */
  async deadlineCandidates(now: Date, limit: number): Promise<Dossier[]> {
    const rows = await this.select(this.dataSource.manager)
      .where('status', '=', sql<number>`ANY(${CLOCKED_CODES}::smallint[])`)
      .where('due_at', 'is not', null)
      // A dossier received before warn_at existed has none: it is only warned when overdue.
      .where((eb) =>
        eb.or([
          eb('warn_at', '<=', now),
          eb.and([eb('warn_at', 'is', null), eb('due_at', '<', now)]),
        ]),
      )
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('deadline_warnings as w')
              .select('w.dossier_id')
              .whereRef('w.dossier_id', '=', 'dossiers.id')
              .whereRef('w.due_at', '=', 'dossiers.due_at')
              .where(
                sql<boolean>`w.kind = CASE WHEN dossiers.due_at < ${now} THEN 'overdue' ELSE 'due-soon' END`,
              ),
          ),
        ),
      )
      .orderBy('due_at')
      .limit(limit)
      .execute();
    return rows.map(toDossier);
  }

  /** Records a warning; false when it was already sent (for that kind and due date). */
  async recordWarning(
    manager: EntityManager,
    w: { dossierId: string; kind: DeadlineMark; dueAt: Date; sentAt: Date },
  ): Promise<boolean> {
    const row = await kyselyOf<DB>(manager)
      .insertInto('deadline_warnings')
      .values({ dossier_id: w.dossierId, kind: w.kind, due_at: w.dueAt, sent_at: w.sentAt })
      .onConflict((oc) => oc.doNothing())
      .returning('dossier_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async appendHistory(manager: EntityManager, h: HistoryEntry): Promise<void> {
    await kyselyOf<DB>(manager)
      .insertInto('status_history')
      .values({
        dossier_id: h.dossierId,
        from_status: h.from === null ? null : statusCode(h.from),
        to_status: statusCode(h.to),
        action: h.action,
        by_account_id: h.byAccountId,
        by_role: h.byRole,
        note: h.note,
        at: h.at,
      })
      .execute();
  }

  async history(dossierId: string): Promise<HistoryEntry[]> {
    const rows = await kyselyOf<DB>(this.dataSource.manager)
      .selectFrom('status_history')
      .select(['from_status', 'to_status', 'action', 'by_account_id', 'by_role', 'note', 'at'])
      .where('dossier_id', '=', dossierId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      dossierId,
      from: r.from_status === null ? null : statusName(r.from_status),
      to: statusName(r.to_status),
      action: r.action as HistoryEntry['action'],
      byAccountId: r.by_account_id,
      byRole: r.by_role as HistoryEntry['byRole'],
      note: r.note,
      at: r.at,
    }));
  }

  private async withAttachments(
    manager: EntityManager,
    id: string,
    lock: boolean,
  ): Promise<DossierWithAttachments | null> {
    const row = await this.select(manager)
      .select(activeAttachmentsOfDossier.as('attachments'))
      .where('id', '=', id)
      .$if(lock, (q) => q.forUpdate())
      .executeTakeFirst();
    if (!row) return null;
    const { attachments, ...dossier } = row;
    return { dossier: toDossier(dossier), attachments: attachmentsFromJson(attachments) };
  }

  private select(manager: EntityManager) {
    return kyselyOf<DB>(manager).selectFrom('dossiers').select(COLUMNS);
  }

  /** One page of the dossiers `where` selects, and how many it selects in all. */
  private async page(
    where: (q: DossierQuery) => DossierQuery,
    page: PageRequest,
    order: (q: DossierQuery) => DossierQuery,
    /** Off when the caller counts otherwise (total is then -1). */
    withTotal = true,
  ): Promise<{ rows: Dossier[]; total: number }> {
    const db = kyselyOf<DB>(this.dataSource.manager);
    // The page's ids first, from the index alone (every column the filters and the order
    // use is in dossiers_officer_queue / dossiers_applicant), then only those rows: with a
    // million dossiers, reading every candidate row to sort it is what costs (D261).
    const ids = order(where(db.selectFrom('dossiers')))
      .select('id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize);
    const [rows, total] = await Promise.all([
      order(db.selectFrom('dossiers').where('id', 'in', ids))
        .select(COLUMNS)
        .execute(),
      withTotal
        ? where(db.selectFrom('dossiers'))
            .select((eb) => eb.fn.countAll<string>().as('total'))
            .executeTakeFirstOrThrow()
            .then((r) => Number(r.total))
        : -1,
    ]);
    return { rows: rows.map(toDossier), total };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface StatusCount {
  status: number;
  n: number;
}

/**
 * The queue's order: overdue first, then those past 80 % of their time, then by due date;
 * the undated (not yet received, or paused) oldest submission first. `done` lists the latest
 * change first. Any query over dossiers' columns (a table or a CTE of them).
 */
function ordered<Q extends { orderBy(e: RawBuilder<unknown>): Q }>(
  query: Q,
  f: Pick<OfficerQueueFilter, 'latestFirst' | 'now'>,
): Q {
  if (f.latestFirst) return query.orderBy(sql`updated_at DESC`).orderBy(sql`id`);
  // deadlineMark() of processing-clock.ts, in SQL: 0 overdue, 1 due soon, 2 neither.
  const mark = sql`CASE
    WHEN due_at IS NULL OR status = ANY(${FINISHED_CODES}::smallint[]) THEN 2
    WHEN due_at < ${f.now} THEN 0
    WHEN warn_at <= ${f.now} THEN 1
    ELSE 2 END`;
  return query
    .orderBy(mark)
    .orderBy(sql`due_at ASC NULLS LAST`)
    .orderBy(sql`submitted_at ASC NULLS LAST`)
    .orderBy(sql`id`);
}

/** What a dossier code (mã hồ sơ) may contain: a term with anything else is not one. */
const CODE_FRAGMENT = /^[0-9a-z.-]+$/i;
/** An ID number (số định danh) is digits. */
const ID_NUMBER = /^[0-9]+$/;

/**
 * The officer's agencies (drafts left out), with the queue's overdue filter and search. A term
 * is looked for only where it can be: in codes when it could be part of one, as an ID number
 * when it is digits; always in the applicant's folded name (D292).
 */
function officerSearch(f: Pick<OfficerQueueFilter, 'agencies' | 'q' | 'overdue' | 'now'>) {
  const q = f.q;
  return (query: DossierQuery) =>
    query
      .where('agency_code', '=', sql<string>`ANY(${f.agencies}::text[])`)
      .where('status', '<>', 0)
      .$if(f.overdue !== null, (w) =>
        w.where((eb) => {
          // isOverdue() of processing-clock.ts, in SQL. The statuses still owed named, not
          // "not finished": then (agency, status, due_at) of the queue's index bound the scan.
          const overdue = eb.and([
            eb('due_at', 'is not', null),
            eb('due_at', '<', f.now),
            eb('status', '=', sql<number>`ANY(${UNFINISHED_CODES}::smallint[])`),
          ]);
          return f.overdue ? overdue : eb.not(overdue);
        }),
      )
      .$if(!!q, (w) =>
        w.where((eb) =>
          eb.or([
            eb('applicant_name_folded', 'like', `%${escapeLike(foldVietnamese(q!))}%`),
            ...(CODE_FRAGMENT.test(q!) ? [eb('code', 'ilike', `%${escapeLike(q!)}%`)] : []),
            ...(ID_NUMBER.test(q!) ? [eb(sql<string>`applicant->>'idNumber'`, '=', q!)] : []),
          ]),
        ),
      );
}
