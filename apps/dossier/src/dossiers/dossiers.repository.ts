import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  ApplicantView,
  DeliveryAddressView,
  DeliveryMethod,
  SupplementRequestView,
} from '@dvc/contracts';
import {
  Dossier,
  DossierChanges,
  HistoryEntry,
  ProcedureSnapshot,
  foldVietnamese,
} from './dossiers.dto';
import { FINISHED_STATUSES, statusCode, statusName } from './status-machine';
import { updatedRows } from '@dvc/database';

interface DossierRow {
  id: string;
  code: string | null;
  lookup_key_hash: Buffer | null;
  applicant_id: string;
  applicant: ApplicantView | null;
  procedure: ProcedureSnapshot;
  case_id: string;
  agency_code: string;
  status: number;
  paused_from: number | null;
  form_data: Record<string, unknown>;
  delivery_method: DeliveryMethod;
  delivery_address: DeliveryAddressView | null;
  delivery_tracking: string | null;
  receipt_number: string | null;
  submitted_at: Date | null;
  received_at: Date | null;
  due_at: Date | null;
  paused_at: Date | null;
  paused_working_minutes_remaining: number | null;
  payment_amount: string | null;
  supplement_request: SupplementRequestView | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const COLUMNS = `id, code, lookup_key_hash, applicant_id, applicant, procedure, case_id, agency_code,
  status, paused_from, form_data, delivery_method, delivery_address, delivery_tracking, receipt_number,
  submitted_at, received_at, due_at, paused_at, paused_working_minutes_remaining, payment_amount,
  supplement_request, created_at, updated_at, version`;

function toDossier(r: DossierRow): Dossier {
  return {
    id: r.id,
    code: r.code,
    lookupKeyHash: r.lookup_key_hash,
    applicantId: r.applicant_id,
    applicant: r.applicant,
    procedure: r.procedure,
    caseId: r.case_id,
    agencyCode: r.agency_code,
    status: statusName(r.status),
    pausedFrom: r.paused_from === null ? null : statusName(r.paused_from),
    formData: r.form_data,
    deliveryMethod: r.delivery_method,
    deliveryAddress: r.delivery_address,
    deliveryTracking: r.delivery_tracking,
    receiptNumber: r.receipt_number,
    submittedAt: r.submitted_at,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    pausedAt: r.paused_at,
    pausedWorkingMinutesRemaining: r.paused_working_minutes_remaining,
    paymentAmount: r.payment_amount === null ? null : Number(r.payment_amount),
    supplementRequest: r.supplement_request,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

type Serializer = (value: never) => unknown;
const json: Serializer = (v) => (v === null ? null : JSON.stringify(v));
const asIs: Serializer = (v) => v;
const status: Serializer = (v) => (v === null ? null : statusCode(v));

/** Column, SQL cast and parameter conversion of every field an action may change. */
const CHANGE_COLUMNS: { [K in keyof Required<DossierChanges>]: [string, string, Serializer] } = {
  code: ['code', 'text', asIs],
  lookupKeyHash: ['lookup_key_hash', 'bytea', asIs],
  applicant: ['applicant', 'jsonb', json],
  applicantNameFolded: ['applicant_name_folded', 'text', asIs],
  status: ['status', 'smallint', status],
  pausedFrom: ['paused_from', 'smallint', status],
  formData: ['form_data', 'jsonb', json],
  deliveryMethod: ['delivery_method', 'text', asIs],
  deliveryAddress: ['delivery_address', 'jsonb', json],
  deliveryTracking: ['delivery_tracking', 'text', asIs],
  receiptNumber: ['receipt_number', 'text', asIs],
  submittedAt: ['submitted_at', 'timestamptz', asIs],
  receivedAt: ['received_at', 'timestamptz', asIs],
  dueAt: ['due_at', 'timestamptz', asIs],
  pausedAt: ['paused_at', 'timestamptz', asIs],
  pausedWorkingMinutesRemaining: ['paused_working_minutes_remaining', 'integer', asIs],
  paymentAmount: ['payment_amount', 'bigint', asIs],
  supplementRequest: ['supplement_request', 'jsonb', json],
};

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

/** dossiers and status_history: the only place that touches them. */
@Injectable()
export class DossiersRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, d: NewDossier): Promise<Dossier> {
    const [row]: DossierRow[] = await manager.query(
      `INSERT INTO dossiers (id, applicant_id, procedure, procedure_code, case_id, agency_code, status,
         delivery_method, created_at, updated_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, $6, 0, $7, $8, $8) RETURNING ${COLUMNS}`,
      [
        d.id,
        d.applicantId,
        JSON.stringify(d.procedure),
        d.procedure.code,
        d.procedure.case.id,
        d.procedure.agency.code,
        d.deliveryMethod,
        d.createdAt,
      ],
    );
    return toDossier(row);
  }

  async find(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Dossier | null> {
    const [row]: DossierRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM dossiers WHERE id = $1`,
      [id],
    );
    return row ? toDossier(row) : null;
  }

  /** Reads and row-locks the dossier until the transaction ends: one action at a time. */
  async lock(manager: EntityManager, id: string): Promise<Dossier | null> {
    const [row]: DossierRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM dossiers WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ? toDossier(row) : null;
  }

  /** lock() by dossier code (mã hồ sơ), as agency systems name dossiers. */
  async lockByCode(manager: EntityManager, code: string): Promise<Dossier | null> {
    const [row]: DossierRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM dossiers WHERE code = $1 FOR UPDATE`,
      [code],
    );
    return row ? toDossier(row) : null;
  }

  async findByCode(
    code: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Dossier | null> {
    const [row]: DossierRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM dossiers WHERE code = $1`,
      [code],
    );
    return row ? toDossier(row) : null;
  }

  /** Applies the changes if the row is still at the version read; bumps the version. */
  async update(
    manager: EntityManager,
    d: Dossier,
    changes: DossierChanges,
    at: Date,
  ): Promise<Dossier> {
    const sets: string[] = [];
    const params: unknown[] = [d.id, d.version, at];
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const [column, cast, serialize] = CHANGE_COLUMNS[field as keyof DossierChanges];
      params.push(serialize(value as never));
      sets.push(`${column} = $${params.length}::${cast}`);
    }
    const rows = updatedRows<DossierRow>(
      await manager.query(
        `UPDATE dossiers SET ${[...sets, 'updated_at = $3', 'version = version + 1'].join(', ')}
          WHERE id = $1 AND version = $2 RETURNING ${COLUMNS}`,
        params,
      ),
    );
    if (rows.length === 0) throw new StaleDossierError(`dossier ${d.id} changed concurrently`);
    return toDossier(rows[0]);
  }

  async listByApplicant(
    applicantId: string,
    status: number | null,
    page: PageRequest,
  ): Promise<{ rows: Dossier[]; total: number }> {
    const where = `applicant_id = $1 AND ($2::smallint IS NULL OR status = $2::smallint)`;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM dossiers WHERE ${where}
          ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`,
        [applicantId, status, page.pageSize, (page.page - 1) * page.pageSize],
      ) as Promise<DossierRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM dossiers WHERE ${where}`, [
        applicantId,
        status,
      ]) as Promise<{ total: number }[]>,
    ]);
    return { rows: rows.map(toDossier), total };
  }

  /** Hàng đợi xử lý: submitted dossiers of the officer's agencies, soonest due first. */
  async officerQueue(f: OfficerQueueFilter): Promise<{ rows: Dossier[]; total: number }> {
    const params: unknown[] = [f.agencies, f.status];
    const conditions = [
      'agency_code = ANY($1::text[])',
      'status <> 0',
      '($2::smallint IS NULL OR status = $2::smallint)',
    ];
    if (f.overdue !== null) {
      params.push(f.now, FINISHED_CODES);
      const n = params.length;
      // isOverdue() of processing-clock.ts, in SQL
      const overdue = `due_at IS NOT NULL AND due_at < $${n - 1} AND NOT (status = ANY($${n}::smallint[]))`;
      conditions.push(f.overdue ? `(${overdue})` : `NOT (${overdue})`);
    }
    if (f.q) {
      params.push(`%${escapeLike(f.q)}%`, `%${escapeLike(foldVietnamese(f.q))}%`, f.q);
      const n = params.length;
      conditions.push(
        `(code ILIKE $${n - 2} OR applicant_name_folded LIKE $${n - 1} OR applicant->>'idNumber' = $${n})`,
      );
    }
    const where = conditions.join(' AND ');
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM dossiers WHERE ${where}
          ORDER BY due_at ASC NULLS LAST, submitted_at ASC, id
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, f.pageSize, (f.page - 1) * f.pageSize],
      ) as Promise<DossierRow[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM dossiers WHERE ${where}`,
        params,
      ) as Promise<{ total: number }[]>,
    ]);
    return { rows: rows.map(toDossier), total };
  }

  async appendHistory(manager: EntityManager, h: HistoryEntry): Promise<void> {
    await manager.query(
      `INSERT INTO status_history (dossier_id, from_status, to_status, action, by_account_id, by_role, note, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        h.dossierId,
        h.from === null ? null : statusCode(h.from),
        statusCode(h.to),
        h.action,
        h.byAccountId,
        h.byRole,
        h.note,
        h.at,
      ],
    );
  }

  async history(dossierId: string): Promise<HistoryEntry[]> {
    const rows: {
      from_status: number | null;
      to_status: number;
      action: HistoryEntry['action'];
      by_account_id: string | null;
      by_role: HistoryEntry['byRole'];
      note: string | null;
      at: Date;
    }[] = await this.dataSource.query(
      `SELECT from_status, to_status, action, by_account_id, by_role, note, at
         FROM status_history WHERE dossier_id = $1 ORDER BY id`,
      [dossierId],
    );
    return rows.map((r) => ({
      dossierId,
      from: r.from_status === null ? null : statusName(r.from_status),
      to: statusName(r.to_status),
      action: r.action,
      byAccountId: r.by_account_id,
      byRole: r.by_role,
      note: r.note,
      at: r.at,
    }));
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
