import { Injectable } from '@nestjs/common';
import { sql, type Selectable, type SelectQueryBuilder, type Updateable } from 'kysely';
import { DataSource, EntityManager } from 'typeorm';
import type {
  ApplicantView,
  DeliveryAddressView,
  DeliveryMethod,
  SupplementRequestView,
} from '@dvc/contracts';
import { kyselyOf } from '@dvc/database';
import type { DB, Dossiers } from '../database/db.generated';
import {
  Dossier,
  DossierChanges,
  HistoryEntry,
  ProcedureSnapshot,
  foldVietnamese,
} from './dossiers.dto';
import { FINISHED_STATUSES, statusCode, statusName } from './status-machine';

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
  status: number | null;
  /** Code fragment, applicant name fragment (folded) or exact ID number. */
  q: string | null;
  overdue: boolean | null;
  now: Date;
}

/** Thrown when a row changed under an update that expected its version (never with FOR UPDATE). */
export class StaleDossierError extends Error {}

const FINISHED_CODES = FINISHED_STATUSES.map(statusCode);

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

  /** Hàng đợi xử lý: submitted dossiers of the officer's agencies, soonest due first. */
  async officerQueue(f: OfficerQueueFilter): Promise<{ rows: Dossier[]; total: number }> {
    const q = f.q;
    const where = (query: DossierQuery) =>
      query
        .where('agency_code', '=', sql<string>`ANY(${f.agencies}::text[])`)
        .where('status', '<>', 0)
        .$if(f.status !== null, (w) => w.where('status', '=', f.status!))
        .$if(f.overdue !== null, (w) =>
          w.where((eb) => {
            // isOverdue() of processing-clock.ts, in SQL
            const overdue = eb.and([
              eb('due_at', 'is not', null),
              eb('due_at', '<', f.now),
              eb.not(eb('status', '=', sql<number>`ANY(${FINISHED_CODES}::smallint[])`)),
            ]);
            return f.overdue ? overdue : eb.not(overdue);
          }),
        )
        .$if(!!q, (w) =>
          w.where((eb) =>
            eb.or([
              eb('code', 'ilike', `%${escapeLike(q!)}%`),
              eb('applicant_name_folded', 'like', `%${escapeLike(foldVietnamese(q!))}%`),
              eb(sql<string>`applicant->>'idNumber'`, '=', q!),
            ]),
          ),
        );
    return this.page(where, f, (query) =>
      query
        .orderBy(sql`due_at ASC NULLS LAST`)
        .orderBy('submitted_at', 'asc')
        .orderBy('id'),
    );
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

  private select(manager: EntityManager) {
    return kyselyOf<DB>(manager).selectFrom('dossiers').select(COLUMNS);
  }

  /** One page of the dossiers `where` selects, and how many it selects in all. */
  private async page(
    where: (q: DossierQuery) => DossierQuery,
    page: PageRequest,
    order: (q: DossierQuery) => DossierQuery,
  ): Promise<{ rows: Dossier[]; total: number }> {
    const db = kyselyOf<DB>(this.dataSource.manager);
    const [rows, { total }] = await Promise.all([
      order(where(db.selectFrom('dossiers')))
        .select(COLUMNS)
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize)
        .execute(),
      where(db.selectFrom('dossiers'))
        .select((eb) => eb.fn.countAll<string>().as('total'))
        .executeTakeFirstOrThrow(),
    ]);
    return { rows: rows.map(toDossier), total: Number(total) };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
