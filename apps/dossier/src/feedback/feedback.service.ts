import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  AddFeedbackAttachmentInput,
  AnswerFeedbackInput,
  Caller,
  DomainError,
  FeedbackErrors,
  Events,
  FeedbackAttachmentRefInput,
  FeedbackAttachmentView,
  FeedbackFileInput,
  FeedbackUploadQuotaView,
  FileAuthorizationView,
  StorageErrors,
  StoredFileView,
  FeedbackLookupQuery,
  FeedbackLookupView,
  FeedbackReceipt,
  OfficerFeedbackQuery,
  OfficerFeedbackView,
  Page,
  PublicFeedbackQuery,
  PublicFeedbackView,
  SubmitFeedbackDto,
} from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import { CalendarSource } from '../calendar/calendar-source';
import { hashLookupSecret, matchesLookupHash, newLookupKey } from '../codes/lookup-key';
import { DossierConfig } from '../dossier.config';
import { requireOfficer } from '../dossiers/dossier-access';
import { foldVietnamese } from '../dossiers/dossiers.dto';
import { DossiersRepository } from '../dossiers/dossiers.repository';
import { CaptchaChecker } from '../neighbours/captcha-checker';
import { FileStore } from '../neighbours/file-store';
import type { OnBehalfOf } from '../neighbours/neighbour-clients';
import { ProcedureDirectory } from '../neighbours/procedure-directory';
import {
  Feedback,
  mapFeedbackAttachmentView,
  mapFeedbackLookupView,
  mapOfficerFeedbackView,
  mapPublicFeedbackView,
} from './feedback.dto';
import { FeedbackRepository } from './feedback.repository';

const DEFAULT_PAGE_SIZE = 20;
/** Files one PAKN may carry; their total is capped like a dossier's (MAX_DOSSIER_BYTES). */
export const FEEDBACK_MAX_FILES = 5;

/**
 * Phản ánh, kiến nghị: anyone asks (signed in, or anonymously past the captcha), the agency's
 * officers answer within FEEDBACK_ANSWER_WORKING_DAYS on the working calendar and choose to
 * publish; the public reads published answers, never who asked.
 */
@Injectable()
export class FeedbackService {
  private readonly answerDays: number;
  private readonly maxBytes: number;

  constructor(
    private readonly feedback: FeedbackRepository,
    private readonly dossiers: DossiersRepository,
    private readonly procedures: ProcedureDirectory,
    private readonly captcha: CaptchaChecker,
    private readonly calendars: CalendarSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly files: FileStore,
    config: DossierConfig,
  ) {
    this.answerDays = config.FEEDBACK_ANSWER_WORKING_DAYS;
    this.maxBytes = config.MAX_DOSSIER_BYTES;
  }

  async submit(
    caller: Caller | null,
    input: SubmitFeedbackDto,
    on: OnBehalfOf,
  ): Promise<FeedbackReceipt> {
    if (!caller) {
      if (!input.captchaId || !input.captchaAnswer) throw captchaRequired();
      await this.captcha.consume(input.captchaId, input.captchaAnswer, on);
    }
    const agencyCode = await this.agencyOf(input);
    const submittedAt = new Date();
    const calendar = await this.calendars.current();
    const dueAt = calendar.addWorkingMinutes(
      submittedAt,
      calendar.processingMinutes({ value: this.answerDays, unit: 'working_day' }, submittedAt),
    );
    const lookupKey = newLookupKey();
    const saved = await this.unitOfWork.run(on.correlationId, ({ manager }) =>
      this.feedback.insert(
        manager,
        {
          id: randomUUID(),
          lookupKeyHash: hashLookupSecret(lookupKey),
          askerId: caller?.accountId ?? null,
          contact: input.contact && Object.keys(input.contact).length > 0 ? input.contact : null,
          title: input.title,
          content: input.content,
          agencyCode,
          dossierCode: input.dossierCode ?? null,
          submittedAt,
          dueAt,
        },
        foldVietnamese(`${input.title} ${input.content}`),
      ),
    );
    return { code: saved.code, lookupKey, dueAt: saved.dueAt.toISOString() };
  }

  /** Tra cứu PAKN: unknown code and wrong key answer the same 404. */
  async lookup(query: FeedbackLookupQuery): Promise<FeedbackLookupView> {
    const found = await this.byCodeAndKey(query);
    return mapFeedbackLookupView(found, await this.feedback.attachmentsOf([found.id]));
  }

  /**
   * Before a file moves: the PAKN (by code and key, like its lookup) must still be waiting
   * for its answer and have room; the file will be stored as the PAKN's, capped to what is left.
   */
  async prepareAttachment(input: FeedbackAttachmentRefInput): Promise<FeedbackUploadQuotaView> {
    const f = await this.byCodeAndKey(input);
    const room = this.roomLeft(f, await this.feedback.attachmentsOf([f.id]));
    return { feedbackId: f.id, maxBytes: this.maxBytes, ...room };
  }

  /**
   * Tệp đính kèm: the file the gateway streamed to document-storage (type sniffed, size capped,
   * scanned there as any dossier file) joins the PAKN, under its row lock so the limits hold.
   */
  async addAttachment(
    input: AddFeedbackAttachmentInput,
    on: OnBehalfOf,
  ): Promise<FeedbackAttachmentView> {
    const f = await this.byCodeAndKey(input);
    const file = ownedFile(f, await this.files.serviceFile(input.fileId, on.correlationId));
    const attached = await this.unitOfWork.run(on.correlationId, async ({ manager }) => {
      const locked = (await this.feedback.lock(manager, f.id))!;
      const existing = await this.feedback.attachmentByFile(manager, file.id);
      if (existing) return existing; // a retry
      const room = this.roomLeft(locked, await this.feedback.attachmentsOf([f.id], manager));
      if (file.size > room.remainingBytes) throw quotaExceeded(room.remainingBytes);
      const attachment = {
        id: randomUUID(),
        feedbackId: f.id,
        fileId: file.id,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.size,
        sha256: file.sha256,
        attachedAt: new Date(),
      };
      await this.feedback.insertAttachment(manager, attachment);
      return attachment;
    });
    await this.files.serviceClaim([file.id], on.correlationId);
    return mapFeedbackAttachmentView(attached);
  }

  /** An officer of the PAKN's agency (or an administrator) may read its files; others get 404. */
  async authorizeFile(caller: Caller, input: FeedbackFileInput): Promise<FileAuthorizationView> {
    const agencies = this.scopeOf(caller);
    const f = await this.feedback.find(input.feedbackId);
    if (!f || (agencies !== null && (!f.agencyCode || !agencies.includes(f.agencyCode)))) {
      throw feedbackNotFound();
    }
    const attachments = await this.feedback.attachmentsOf([f.id]);
    if (!attachments.some((a) => a.fileId === input.fileId)) {
      throw new DomainError(StorageErrors.fileNotFound);
    }
    return { fileId: input.fileId, kind: 'attachment' };
  }

  private async byCodeAndKey(query: FeedbackLookupQuery): Promise<Feedback> {
    const found = await this.feedback.findByCode(query.code.trim().toUpperCase());
    if (!matchesLookupHash(query.key, found?.lookupKeyHash ?? null) || !found) {
      throw feedbackNotFound();
    }
    return found;
  }

  private roomLeft(
    f: Feedback,
    attachments: { size: number }[],
  ): { remainingBytes: number; remainingFiles: number } {
    if (f.status !== 'pending') throw new DomainError(FeedbackErrors.attachmentsClosed);
    const remainingFiles = FEEDBACK_MAX_FILES - attachments.length;
    if (remainingFiles <= 0) throw new DomainError(FeedbackErrors.tooManyAttachments);
    const remainingBytes = this.maxBytes - attachments.reduce((n, a) => n + a.size, 0);
    if (remainingBytes <= 0) throw quotaExceeded(0);
    return { remainingBytes, remainingFiles };
  }

  async listForOfficer(
    caller: Caller,
    query: OfficerFeedbackQuery,
  ): Promise<Page<OfficerFeedbackView>> {
    const agencies = this.scopeOf(caller);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const now = new Date();
    const { rows, total } = await this.feedback.listForOfficer({
      agencies,
      status: query.status ?? null,
      overdue: query.overdue === true,
      now,
      page,
      pageSize,
    });
    const attachments = await this.feedback.attachmentsOf(rows.map((f) => f.id));
    return {
      items: rows.map((f) => mapOfficerFeedbackView(f, attachments, now)),
      total,
      page,
      pageSize,
    };
  }

  /** Trả lời: once, by an officer of the agency (another agency's question is 404). */
  async answer(
    caller: Caller,
    input: AnswerFeedbackInput,
    on: OnBehalfOf,
  ): Promise<OfficerFeedbackView> {
    const agencies = this.scopeOf(caller);
    const answered = await this.unitOfWork.run(on.correlationId, async ({ manager, publish }) => {
      const f = await this.feedback.lock(manager, input.feedbackId);
      if (!f || (agencies !== null && (!f.agencyCode || !agencies.includes(f.agencyCode)))) {
        throw feedbackNotFound();
      }
      if (f.status === 'answered') {
        throw new DomainError(FeedbackErrors.alreadyAnswered);
      }
      const at = new Date();
      const saved = await this.feedback.saveAnswer(manager, f.id, {
        text: input.answer,
        by: caller.accountId,
        at,
        published: input.publish,
        searchFolded: foldVietnamese(`${f.title} ${f.content} ${input.answer}`),
      });
      await publish({
        type: Events.feedbackAnswered,
        data: {
          feedbackId: saved.id,
          code: saved.code,
          title: saved.title,
          askerId: saved.askerId,
          agencyCode: saved.agencyCode,
          published: saved.published,
          at: at.toISOString(),
        },
      });
      return saved;
    });
    return mapOfficerFeedbackView(
      answered,
      await this.feedback.attachmentsOf([answered.id]),
      new Date(),
    );
  }

  async listPublished(query: PublicFeedbackQuery): Promise<Page<PublicFeedbackView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const q = query.q?.trim() ? foldVietnamese(query.q.trim()) : null;
    const { rows, total } = await this.feedback.listPublished({
      q,
      agency: query.agency ?? null,
      page,
      pageSize,
    });
    return { items: rows.map(mapPublicFeedbackView), total, page, pageSize };
  }

  /** The agency the question is for: the one named (it must exist), else the dossier's. */
  private async agencyOf(input: SubmitFeedbackDto): Promise<string | null> {
    if (input.agencyCode) {
      const agencies = await this.procedures.agencies();
      if (!agencies.some((a) => a.code === input.agencyCode)) {
        throw new DomainError(FeedbackErrors.agencyUnknown, {
          errors: [{ field: 'agencyCode', message: 'Cơ quan không tồn tại' }],
        });
      }
    }
    if (!input.dossierCode) return input.agencyCode ?? null;
    const dossier = await this.dossiers.findByCode(input.dossierCode.trim());
    if (!dossier) {
      throw new DomainError(FeedbackErrors.dossierUnknown, {
        errors: [{ field: 'dossierCode', message: 'Mã hồ sơ không tồn tại' }],
      });
    }
    return input.agencyCode ?? dossier.agencyCode;
  }

  /** Officers answer for their agencies; administrators see every question. */
  private scopeOf(caller: Caller): string[] | null {
    if (caller.roles.includes('admin')) return null;
    requireOfficer(caller);
    return caller.agencies;
  }
}

function feedbackNotFound(): DomainError {
  return new DomainError(FeedbackErrors.notFound);
}

/** Only a clean file stored as this PAKN's may join it. */
function ownedFile(f: Feedback, file: StoredFileView | null): StoredFileView {
  if (!file || file.ownerId !== f.id || file.purpose !== 'attachment' || file.status !== 'clean') {
    throw new DomainError(StorageErrors.fileNotFound);
  }
  return file;
}

function quotaExceeded(remainingBytes: number): DomainError {
  return new DomainError(FeedbackErrors.attachmentsQuotaExceeded, {
    errors: [{ field: 'file', message: `Còn lại ${Math.max(0, remainingBytes)} byte` }],
  });
}

function captchaRequired(): DomainError {
  return new DomainError(FeedbackErrors.captchaRequired, {
    errors: [{ field: 'captchaAnswer', message: 'Chưa nhập mã xác nhận' }],
  });
}
