import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  Caller,
  DomainError,
  DossierFileInput,
  DossierStatus,
  NotFoundError,
  OfficerActionInput,
  OfficerDossierSummary,
  OfficerDossierView,
  OfficerQueueQuery,
  Page,
  ResultFileView,
  StoredFileView,
  UnprocessableError,
  UploadQuotaView,
} from '@dvc/contracts';
import { Tx, UnitOfWork } from '@dvc/messaging';
import { DossierConfig } from '../dossier.config';
import { agencyDossier, requireOfficer, wrongStatus } from '../dossiers/dossier-access';
import { DossierViews } from '../dossiers/dossier-views';
import { ActionRequest, DossierWorkflow } from '../dossiers/dossier-workflow';
import { Dossier, mapOfficerDossierSummary } from '../dossiers/dossiers.dto';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { assertActionPossible } from '../dossiers/status-machine';
import { FileStore } from '../neighbours/file-store';
import type { OnBehalfOf } from '../neighbours/neighbour-clients';
import { mapResultFileView } from './results.dto';
import { ResultsRepository } from './results.repository';

const DEFAULT_PAGE_SIZE = 20;

/**
 * Xử lý hồ sơ: the queue of an officer's agencies and the actions on a dossier. Each action
 * checks what it needs (a reason, an amount, a result…) and goes through the workflow.
 */
@Injectable()
export class OfficerService {
  private readonly maxBytes: number;

  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly results: ResultsRepository,
    private readonly views: DossierViews,
    private readonly workflow: DossierWorkflow,
    private readonly unitOfWork: UnitOfWork,
    private readonly files: FileStore,
    config: DossierConfig,
  ) {
    this.maxBytes = config.MAX_DOSSIER_BYTES;
  }

  async list(caller: Caller, query: OfficerQueueQuery): Promise<Page<OfficerDossierSummary>> {
    requireOfficer(caller);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const now = new Date();
    const { rows, total } = await this.dossiers.officerQueue({
      agencies: caller.agencies,
      status: query.status ? DossierStatus[query.status] : null,
      q: query.q?.trim() || null,
      overdue: query.overdue ?? null,
      now,
      page,
      pageSize,
    });
    return { items: rows.map((d) => mapOfficerDossierSummary(d, now)), total, page, pageSize };
  }

  async get(caller: Caller, dossierId: string): Promise<OfficerDossierView> {
    requireOfficer(caller);
    return this.views.officer(agencyDossier(caller, await this.dossiers.find(dossierId)));
  }

  async act(
    caller: Caller,
    input: OfficerActionInput,
    on: OnBehalfOf,
  ): Promise<OfficerDossierView> {
    requireOfficer(caller);
    // A wrong status answers 409 before any complaint about the input.
    const current = agencyDossier(caller, await this.dossiers.find(input.dossierId));
    assertActionPossible(input.action, current.status, 'officer');
    const updated = await this.unitOfWork.run(on.correlationId, async (tx) => {
      const d = agencyDossier(caller, await this.dossiers.lock(tx.manager, input.dossierId));
      const now = new Date();
      const request = await this.requestFor(tx, d, input, now);
      return this.workflow.apply(tx, d, {
        ...request,
        action: input.action,
        actor: { by: 'officer', role: 'officer', accountId: caller.accountId },
        now,
        note: input.note ?? null,
      });
    });
    return this.views.officer(updated);
  }

  /** Before an upload of a result: may the officer add one now, and how many bytes are left? */
  async prepareResult(caller: Caller, dossierId: string): Promise<UploadQuotaView> {
    requireOfficer(caller);
    const d = agencyDossier(caller, await this.dossiers.find(dossierId));
    assertProcessing(d);
    const remaining = this.maxBytes - (await this.results.totalSize(d.id));
    if (remaining <= 0) throw this.quotaExceeded();
    return { remainingBytes: remaining, maxBytes: this.maxBytes };
  }

  /** Adds a result document the officer uploaded (purpose `result`, scanned clean). */
  async addResult(
    caller: Caller,
    input: DossierFileInput,
    on: OnBehalfOf,
  ): Promise<ResultFileView> {
    requireOfficer(caller);
    assertProcessing(agencyDossier(caller, await this.dossiers.find(input.dossierId)));
    const file = resultFile(caller, await this.files.file(input.fileId, on));
    const result = await this.unitOfWork.run(on.correlationId, async ({ manager }) => {
      const d = agencyDossier(caller, await this.dossiers.lock(manager, input.dossierId));
      assertProcessing(d);
      const existing = await this.results.byFile(file.id, manager);
      if (existing?.dossierId === d.id) return existing; // a retry
      if (existing) throw new NotFoundError('file.not_found', 'Không tìm thấy tệp đã tải lên.');
      if ((await this.results.totalSize(d.id, manager)) + file.size > this.maxBytes)
        throw this.quotaExceeded();
      return this.results.insert(manager, {
        id: randomUUID(),
        dossierId: d.id,
        fileId: file.id,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        addedBy: caller.accountId,
      });
    });
    await this.files.claim([file.id], on);
    return mapResultFileView(input.dossierId, result);
  }

  /** What each action needs besides the status change; a missing piece is a 422 naming it. */
  private async requestFor(
    tx: Tx,
    d: Dossier,
    input: OfficerActionInput,
    now: Date,
  ): Promise<Pick<ActionRequest, 'changes' | 'missing'>> {
    const note = input.note?.trim() || null;
    switch (input.action) {
      case 'receive':
        // Giấy tiếp nhận và hẹn trả kết quả: numbered after the dossier code.
        return { changes: { receivedAt: now, receiptNumber: `TN-${d.code}` } };
      case 'start':
        return {};
      case 'request-supplement': {
        const missing = (input.missing ?? []).map((m) => m.trim()).filter((m) => m !== '');
        if (missing.length === 0 && !note) {
          throw required(
            'missing',
            'dossier.supplement_reason_required',
            'Liệt kê đầy đủ giấy tờ cần bổ sung.',
          );
        }
        if (input.deadline && Date.parse(input.deadline) <= now.getTime()) {
          throw new UnprocessableError(
            'dossier.deadline_past',
            'Hạn bổ sung phải sau thời điểm hiện tại.',
            [{ field: 'deadline', message: 'Hạn bổ sung đã qua' }],
          );
        }
        return {
          changes: {
            supplementRequest: {
              note,
              missing,
              deadline: input.deadline ? new Date(input.deadline).toISOString() : null,
              requestedAt: now.toISOString(),
            },
          },
          missing,
        };
      }
      case 'request-payment': {
        if (d.procedure.level < 4) {
          throw wrongStatus(
            'dossier.online_payment_unavailable',
            'Thủ tục mức độ 3 nộp phí, lệ phí tại bộ phận một cửa, không thanh toán trực tuyến.',
            d.status,
          );
        }
        const amount =
          input.amount ?? (d.procedure.fee && d.procedure.fee > 0 ? d.procedure.fee : null);
        if (!amount)
          throw required('amount', 'dossier.amount_required', 'Nhập số tiền phí, lệ phí cần nộp.');
        return { changes: { paymentAmount: amount } };
      }
      case 'refuse':
        if (!note) throw required('note', 'dossier.note_required', 'Nêu rõ lý do từ chối hồ sơ.');
        return {};
      case 'complete':
        if ((await this.results.list(d.id, tx.manager)).length === 0) {
          throw new UnprocessableError(
            'dossier.result_missing',
            'Tải lên kết quả giải quyết trước khi hoàn thành.',
            [{ field: 'results', message: 'Chưa có tệp kết quả' }],
          );
        }
        return {};
      case 'return': {
        const tracking = input.deliveryTracking?.trim() || null;
        if (d.deliveryMethod === 'post' && !tracking) {
          throw required(
            'deliveryTracking',
            'dossier.tracking_required',
            'Nhập mã vận đơn bưu chính.',
          );
        }
        return tracking ? { changes: { deliveryTracking: tracking } } : {};
      }
      case 'stop':
        // Dừng xử lý needs a reason; confirming the citizen's withdrawal does not.
        if (d.status !== 'WITHDRAWAL_REQUESTED' && !note) {
          throw required('note', 'dossier.note_required', 'Nêu rõ lý do dừng xử lý hồ sơ.');
        }
        return {};
    }
  }

  private quotaExceeded(): DomainError {
    return new DomainError(413, 'dossier.quota_exceeded', 'Vượt dung lượng cho phép', {
      detail: `Tổng dung lượng tệp kết quả không được vượt quá ${Math.floor(this.maxBytes / 1048576)} MB.`,
      maxBytes: this.maxBytes,
    });
  }
}

/** Results are added while processing, before `complete`. */
function assertProcessing(d: Dossier): void {
  if (d.status !== 'PROCESSING') {
    throw wrongStatus(
      'dossier.not_processing',
      'Chỉ thêm kết quả khi hồ sơ đang được xử lý.',
      d.status,
    );
  }
}

function resultFile(caller: Caller, file: StoredFileView | null): StoredFileView {
  if (!file || file.ownerId !== caller.accountId || file.status === 'deleted') {
    throw new NotFoundError('file.not_found', 'Không tìm thấy tệp đã tải lên.');
  }
  if (file.purpose !== 'result' || file.status !== 'clean') {
    throw new UnprocessableError('dossier.file_rejected', 'Tệp không dùng được làm kết quả.', [
      { field: 'fileId', message: 'Tệp phải được tải lên làm kết quả và đã quét an toàn' },
    ]);
  }
  return file;
}

function required(field: string, code: string, message: string): UnprocessableError {
  return new UnprocessableError(code, message, [{ field, message }]);
}
