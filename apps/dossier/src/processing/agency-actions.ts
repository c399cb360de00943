import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  DomainError,
  OfficerAction,
  OfficerActionDto,
  StoredFileView,
  DossierErrors,
  StorageErrors,
  ErrorEntry,
  levelOffer,
  requestedFee,
} from '@dvc/contracts';
import type { Tx } from '@dvc/messaging';
import { DossierConfig } from '../dossier.config';
import { FileStore } from '../neighbours/file-store';
import { wrongStatus } from '../dossiers/dossier-access';
import { Actor, ActionRequest, DossierWorkflow } from '../dossiers/dossier-workflow';
import type { Dossier } from '../dossiers/dossiers.dto';
import { ResultFile } from '../results/results.dto';
import { ResultsRepository } from '../results/results.repository';
import { CalendarSource } from '../calendar/calendar-source';
import { DossierEvents } from '../dossiers/dossier-events';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { warnAtOf } from '../calendar/processing-clock';
import { ApologiesRepository } from '../letters/apologies.repository';
import { ApologyRequest, checkApology } from '../letters/apology-rules';
import { DossierLetters } from '../letters/dossier-letters';

/** An action of the agency on a dossier, whoever sends it: an officer or the agency's system. */
export interface AgencyActionInput extends OfficerActionDto {
  action: OfficerAction;
}

/**
 * The rules of the agency's side of a dossier (xử lý hồ sơ), one implementation for the
 * officer API and the ministry commands: what each action needs besides the status change
 * (a reason, an amount, a result…), and the results with their quota.
 */
@Injectable()
export class AgencyActions {
  readonly maxResultBytes: number;

  constructor(
    private readonly workflow: DossierWorkflow,
    private readonly results: ResultsRepository,
    private readonly files: FileStore,
    private readonly letters: DossierLetters,
    private readonly apologies: ApologiesRepository,
    private readonly dossiers: DossiersRepository,
    private readonly calendars: CalendarSource,
    private readonly events: DossierEvents,
    config: DossierConfig,
  ) {
    this.maxResultBytes = config.MAX_DOSSIER_BYTES;
  }

  /** Checks what the action needs, then applies it through the workflow (a 409/422 otherwise). */
  async perform(
    tx: Tx,
    d: Dossier,
    input: AgencyActionInput,
    actor: Actor,
    now: Date,
  ): Promise<Dossier> {
    const request = await this.requestFor(tx, d, input, now);
    const updated = await this.workflow.apply(tx, d, {
      ...request,
      action: input.action,
      actor,
      now,
      note: input.note ?? null,
    });
    if (input.action === 'return') await this.deliverToWallet(tx.manager, d);
    return updated;
  }

  /**
   * Xin lỗi và hẹn lại ngày trả kết quả: the signed letter, the new due date (the first due
   * date kept for the on-time figures), a history row and `dossier.apologized`, in `tx`. The
   * status does not change.
   */
  async apologize(
    tx: Tx,
    d: Dossier,
    request: ApologyRequest,
    actor: Actor,
    now: Date,
  ): Promise<Dossier> {
    const calendar = await this.calendars.current();
    const apology = checkApology(d, request, calendar, now);
    const id = randomUUID();
    const letter = await this.letters.issueApology(d, id, apology, now, null);
    await this.apologies.insert(tx.manager, {
      id,
      dossierId: d.id,
      ...apology,
      byAccountId: actor.accountId,
      byRole: actor.role,
      fileId: letter.fileId,
      fileName: letter.fileName,
      verificationCode: letter.verificationCode,
      issuedAt: now,
    });
    const updated = await this.dossiers.update(
      tx.manager,
      d,
      {
        dueAt: apology.newDueAt,
        // The new date brings its own "sắp đến hạn" instant (and a warning may go out again).
        warnAt: warnAtOf(
          calendar,
          apology.newDueAt,
          d.procedure.processingTime,
          d.receivedAt ?? now,
        ),
        originalDueAt: d.originalDueAt ?? apology.previousDueAt,
      },
      now,
    );
    await this.dossiers.appendHistory(tx.manager, {
      dossierId: d.id,
      from: d.status,
      to: d.status,
      action: 'apologize',
      byAccountId: actor.accountId,
      byRole: actor.role,
      note: apology.reason,
      at: now,
    });
    await this.events.publishApology(tx, updated, {
      ...apology,
      letter,
      byRole: actor.role,
      at: now,
    });
    return updated;
  }

  /** Delivered: each signed result also lands in the citizen's wallet, for the next dossier. */
  private async deliverToWallet(manager: EntityManager, d: Dossier): Promise<void> {
    for (const result of await this.results.list(d.id, manager)) {
      if (!result.signed) continue;
      await this.files.addResultToWallet(
        { ownerId: d.applicantId, fileId: result.signed.fileId, dossierCode: d.code! },
        null,
      );
    }
  }

  /** Bytes of results the dossier may still take; 413 when none. */
  async remainingResultBytes(d: Dossier, manager?: EntityManager): Promise<number> {
    const remaining = this.maxResultBytes - (await this.results.totalSize(d.id, manager));
    if (remaining <= 0) throw this.quotaExceeded();
    return remaining;
  }

  /**
   * Adds a clean result file to a PROCESSING dossier the caller locked in `manager`.
   * `addedBy` is the officer's account, null for the agency's system. A retry with the same
   * file answers the row already there.
   */
  async addResult(
    manager: EntityManager,
    d: Dossier,
    file: StoredFileView,
    addedBy: string | null,
  ): Promise<ResultFile> {
    assertProcessing(d);
    const existing = await this.results.byFile(file.id, manager);
    if (existing?.dossierId === d.id) return existing; // a retry
    if (existing) throw new DomainError(StorageErrors.fileNotFound);
    if ((await this.results.totalSize(d.id, manager)) + file.size > this.maxResultBytes)
      throw this.quotaExceeded();
    return this.results.insert(manager, {
      id: randomUUID(),
      dossierId: d.id,
      fileId: file.id,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.size,
      sha256: file.sha256,
      addedBy,
    });
  }

  /** What each action needs besides the status change; a missing piece is a 422 naming it. */
  private async requestFor(
    tx: Tx,
    d: Dossier,
    input: AgencyActionInput,
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
            DossierErrors.supplementReasonRequired,
            'Liệt kê đầy đủ giấy tờ cần bổ sung.',
          );
        }
        if (input.deadline && Date.parse(input.deadline) <= now.getTime()) {
          throw new DomainError(DossierErrors.deadlinePast, {
            errors: [{ field: 'deadline', message: 'Hạn bổ sung đã qua' }],
          });
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
        if (!levelOffer(d.procedure.level).onlinePayment) {
          throw wrongStatus(DossierErrors.onlinePaymentUnavailable, d.status);
        }
        const amount = requestedFee(input.amount, d.procedure.fee);
        if (!amount)
          throw required(
            'amount',
            DossierErrors.amountRequired,
            'Nhập số tiền phí, lệ phí cần nộp.',
          );
        return { changes: { paymentAmount: amount } };
      }
      case 'refuse':
        if (!note)
          throw required('note', DossierErrors.noteRequired, 'Nêu rõ lý do từ chối hồ sơ.');
        return {};
      case 'complete': {
        const results = await this.results.list(d.id, tx.manager);
        if (results.length === 0) {
          throw new DomainError(DossierErrors.resultMissing, {
            errors: [{ field: 'results', message: 'Chưa có tệp kết quả' }],
          });
        }
        await this.signResults(tx.manager, d, results);
        return {};
      }
      case 'return': {
        const tracking = input.deliveryTracking?.trim() || null;
        if (d.deliveryMethod === 'post' && !tracking) {
          throw required(
            'deliveryTracking',
            DossierErrors.trackingRequired,
            'Nhập mã vận đơn bưu chính.',
          );
        }
        return tracking ? { changes: { deliveryTracking: tracking } } : {};
      }
      case 'stop':
        // Dừng xử lý needs a reason; confirming the citizen's withdrawal does not.
        if (d.status !== 'WITHDRAWAL_REQUESTED' && !note) {
          throw required('note', DossierErrors.noteRequired, 'Nêu rõ lý do dừng xử lý hồ sơ.');
        }
        return {};
    }
  }

  /**
   * Each result issued signed by the agency (storage answers the first issue on a retry, so
   * a rolled-back completion costs nothing the next time).
   */
  private async signResults(manager: EntityManager, d: Dossier, results: ResultFile[]) {
    for (const result of results.filter((r) => r.signed === null)) {
      const issued = await this.files.issueResult(
        { fileId: result.fileId, dossierCode: d.code!, agency: d.procedure.agency },
        null,
      );
      await this.results.markSigned(manager, result.id, {
        fileId: issued.fileId,
        fileName: issued.fileName,
        verificationCode: issued.verificationCode,
      });
    }
  }

  private quotaExceeded(): DomainError {
    return new DomainError(DossierErrors.quotaExceeded, {
      params: { maxMb: Math.floor(this.maxResultBytes / 1048576) },
      extra: { maxBytes: this.maxResultBytes },
    });
  }
}

/** Results are added while processing, before `complete`. */
export function assertProcessing(d: Dossier): void {
  if (d.status !== 'PROCESSING') {
    throw wrongStatus(DossierErrors.notProcessing, d.status);
  }
}

/** A missing officer input: the entry says what is missing, the field message says it in context. */
function required(field: string, entry: ErrorEntry, message: string): DomainError {
  return new DomainError(entry, { errors: [{ field, message }] });
}
