import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  Caller,
  CreateDossierDto,
  DossierFileInput,
  DossierStatus,
  DossierSummary,
  DossierView,
  FieldError,
  FileAuthorizationView,
  ListDossiersQuery,
  Page,
  ProcedureView,
  SubmitDossierInput,
  SubmitResult,
  UpdateDossierInput,
  CitizenActionInput,
  DossierErrors,
  StorageErrors,
  CatalogueErrors,
  DomainError,
  deliveryMethodsAt,
  feeDueAtSubmission,
  levelOffer,
} from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import type { EntityManager } from 'typeorm';
import { AttachmentsRepository } from '../attachments/attachments.repository';
import type { Attachment } from '../attachments/attachments.dto';
import { DossierCodes } from '../codes/dossier-code';
import { hashLookupSecret, newLookupKey } from '../codes/lookup-key';
import { FormValidator } from '../forms/form-validator';
import { SubmitReplays, isKeyTaken } from '../idempotency/submit-replays';
import { ApplicantDirectory } from '../neighbours/applicant-directory';
import { FileStore } from '../neighbours/file-store';
import { ApologiesRepository } from '../letters/apologies.repository';
import { DossierLetters } from '../letters/dossier-letters';
import type { OnBehalfOf } from '../neighbours/neighbour-clients';
import { ProcedureDirectory } from '../neighbours/procedure-directory';
import { ResultsRepository } from '../results/results.repository';
import {
  agencyDossier,
  assertEditable,
  isOfficer,
  ownDossier,
  dossierNotFound,
  wrongStatus,
} from './dossier-access';
import { DossierViews } from './dossier-views';
import { Actor, DossierWorkflow } from './dossier-workflow';
import {
  Dossier,
  DossierChanges,
  HistoryEntry,
  foldVietnamese,
  mapDossierSummary,
  mapDossierView,
  onlineFormOf,
  procedureSnapshot,
} from './dossiers.dto';
import { DossiersRepository, DossierWithAttachments } from './dossiers.repository';
import { isResultReleased } from './result-release';
import { assertActionPossible } from './status-machine';

/** Online form data above this size is refused (a tờ khai is a few kilobytes). */
const MAX_FORM_BYTES = 256 * 1024;
const DEFAULT_PAGE_SIZE = 20;

const citizen = (caller: Caller): Actor => ({
  by: 'citizen',
  role: 'citizen',
  accountId: caller.accountId,
});

/** Hồ sơ of the citizen: drafts, the online form, submission, supplement and withdrawal. */
@Injectable()
export class DossiersService {
  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly attachments: AttachmentsRepository,
    private readonly results: ResultsRepository,
    private readonly views: DossierViews,
    private readonly workflow: DossierWorkflow,
    private readonly unitOfWork: UnitOfWork,
    private readonly forms: FormValidator,
    private readonly codes: DossierCodes,
    private readonly replays: SubmitReplays,
    private readonly procedures: ProcedureDirectory,
    private readonly applicants: ApplicantDirectory,
    private readonly files: FileStore,
    private readonly apologies: ApologiesRepository,
    private readonly letters: DossierLetters,
  ) {}

  /** A draft for a procedure offered online (level 3 or 4), with the procedure as it is today. */
  async create(caller: Caller, input: CreateDossierDto, on: OnBehalfOf): Promise<DossierView> {
    const procedure = await this.procedures.procedure(input.procedureCode, on);
    if (!procedure) {
      throw new DomainError(CatalogueErrors.procedureNotFound, {
        params: { code: input.procedureCode },
      });
    }
    if (!levelOffer(procedure.level).onlineSubmission) throw offlineOnly(procedure);
    const kase = input.caseId
      ? procedure.cases.find((c) => c.id === input.caseId)
      : procedure.cases[0];
    if (!kase) {
      throw new DomainError(DossierErrors.caseUnknown, {
        errors: [{ field: 'caseId', message: 'Trường hợp không thuộc thủ tục' }],
      });
    }
    const snapshot = procedureSnapshot(procedure, kase);
    const now = new Date();
    const { dossier, history } = await this.unitOfWork.run(
      on.correlationId,
      async ({ manager }) => {
        const created = await this.dossiers.insert(manager, {
          id: randomUUID(),
          applicantId: caller.accountId,
          procedure: snapshot,
          deliveryMethod: deliveryMethodsAt(snapshot.level)[0],
          createdAt: now,
        });
        const entry: HistoryEntry = {
          dossierId: created.id,
          from: null,
          to: 'DRAFT',
          action: 'create',
          byAccountId: caller.accountId,
          byRole: 'citizen',
          note: null,
          at: now,
        };
        await this.dossiers.appendHistory(manager, entry);
        return { dossier: created, history: entry };
      },
    );
    // A new draft has no file, no result, no rating and one line of history: nothing to read back.
    return mapDossierView(dossier, [], [], [history], null, [], now);
  }

  async list(caller: Caller, query: ListDossiersQuery): Promise<Page<DossierSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const status = query.status ? DossierStatus[query.status] : null;
    const { rows, total } = await this.dossiers.listByApplicant(caller.accountId, status, {
      page,
      pageSize,
    });
    const now = new Date();
    return { items: rows.map((d) => mapDossierSummary(d, now)), total, page, pageSize };
  }

  async get(caller: Caller, dossierId: string): Promise<DossierView> {
    return this.views.citizen(ownDossier(caller, await this.dossiers.find(dossierId)));
  }

  /** Saves the form (partial data welcome, wrong data refused) and, in a draft, delivery. */
  async update(caller: Caller, input: UpdateDossierInput, on: OnBehalfOf): Promise<DossierView> {
    const updated = await this.unitOfWork.run(on.correlationId, async ({ manager }) => {
      const d = ownDossier(caller, await this.dossiers.lock(manager, input.dossierId));
      assertEditable(d);
      const changes: DossierChanges = {};
      if (input.formData !== undefined) {
        checkFormSize(input.formData);
        const errors = this.forms.check(onlineFormOf(d), input.formData, 'draft');
        if (errors.length > 0) throw formInvalid(errors);
        changes.formData = input.formData;
      }
      if (input.deliveryMethod !== undefined || input.deliveryAddress !== undefined) {
        if (d.status !== 'DRAFT') {
          throw wrongStatus(DossierErrors.notEditable, d.status);
        }
        if (input.deliveryMethod !== undefined) {
          if (!deliveryMethodsAt(d.procedure.level).includes(input.deliveryMethod)) {
            throw new DomainError(DossierErrors.deliveryUnavailable, {
              errors: [
                { field: 'deliveryMethod', message: 'Chỉ nhận kết quả trực tiếp tại cơ quan' },
              ],
            });
          }
          changes.deliveryMethod = input.deliveryMethod;
        }
        if (input.deliveryAddress !== undefined)
          changes.deliveryAddress = { ...input.deliveryAddress };
      }
      if (Object.keys(changes).length === 0) return d;
      return this.dossiers.update(manager, d, changes, new Date());
    });
    return this.views.citizen(updated);
  }

  /**
   * Nộp hồ sơ: complete form and components, then in one transaction the code, the lookup
   * key, status SUBMITTED (or PAYMENT_REQUIRED when the fee is paid first), history and events.
   */
  async submit(caller: Caller, input: SubmitDossierInput, on: OnBehalfOf): Promise<SubmitResult> {
    const key = input.idempotencyKey;
    const requestHash = this.replays.requestHash(input.dossierId);
    // The key is looked up only when the checks refuse the request (a replay finds its dossier
    // submitted already; a key reused for another dossier is 409 whatever that one lacks), so a
    // first submission costs no lookup: recording the answer is the guard.
    const replayOr = async (err: unknown, manager?: EntityManager): Promise<SubmitResult> => {
      const replay = key
        ? await this.replays.find(caller.accountId, key, requestHash, manager)
        : null;
      if (replay) return replay;
      throw err;
    };
    const checked = (read: DossierWithAttachments | null): Dossier => {
      const d = ownDossier(caller, read?.dossier ?? null);
      assertActionPossible('submit', d.status, 'citizen');
      this.assertComplete(d, read!.attachments);
      return d;
    };
    const read = await this.dossiers.findWithAttachments(input.dossierId);
    try {
      checked(read);
    } catch (err) {
      return replayOr(err);
    }

    // Calls to neighbours happen before the transaction: no row stays locked while they answer.
    const profile = await this.applicants.profileOf(caller, on.correlationId);
    // Attaching claimed each file already; claiming again is harmless and covers a lost claim.
    await this.files.claim(
      read!.attachments.map((a) => a.fileId),
      on,
    );

    try {
      return await this.unitOfWork.run(on.correlationId, async (tx) => {
        const locked = await this.dossiers.lockWithAttachments(tx.manager, input.dossierId);
        let d: Dossier;
        try {
          d = checked(locked);
        } catch (err) {
          // A concurrent submit under this key may have committed while we waited for the lock.
          return replayOr(err, tx.manager);
        }
        const now = new Date();
        const code = await this.codes.next(tx.manager, d.agencyCode, now);
        const lookupKey = newLookupKey();
        const submitted = await this.workflow.apply(tx, d, {
          action: 'submit',
          actor: citizen(caller),
          now,
          changes: {
            code,
            lookupKeyHash: hashLookupSecret(lookupKey),
            lookupKey,
            applicant: {
              accountId: caller.accountId,
              fullName: profile.fullName,
              idNumber: profile.idNumber,
              email: profile.email,
              phone: profile.phone,
            },
            applicantNameFolded: foldVietnamese(profile.fullName),
            submittedAt: now,
            ...(feeDueAtSubmission(d.procedure) ? { paymentAmount: d.procedure.fee } : {}),
          },
          // A draft has no results; its attachments were read under this lock.
          files: { attachments: locked!.attachments, results: [] },
        });
        const result: SubmitResult = { id: d.id, code, lookupKey, status: submitted.status };
        if (key) await this.replays.record(tx.manager, caller.accountId, key, requestHash, result);
        return result;
      });
    } catch (err) {
      if (key && isKeyTaken(err)) {
        const replay = await this.replays.find(caller.accountId, key, requestHash);
        if (replay) return replay;
      }
      throw err;
    }
  }

  /** Bổ sung hồ sơ: the form must now be complete; the clock resumes where it stopped. */
  async supplement(
    caller: Caller,
    input: CitizenActionInput,
    on: OnBehalfOf,
  ): Promise<DossierView> {
    const updated = await this.unitOfWork.run(on.correlationId, async (tx) => {
      const d = ownDossier(caller, await this.dossiers.lock(tx.manager, input.dossierId));
      assertActionPossible('supplement', d.status, 'citizen');
      const errors = this.forms.check(onlineFormOf(d), d.formData, 'final');
      if (errors.length > 0) throw formInvalid(errors);
      return this.workflow.apply(tx, d, {
        action: 'supplement',
        actor: citizen(caller),
        now: new Date(),
        note: input.note ?? null,
        changes: { supplementRequest: null },
      });
    });
    return this.views.citizen(updated);
  }

  /** Rút hồ sơ: asks the agency to stop; the officer confirms with `stop`. */
  async withdraw(caller: Caller, input: CitizenActionInput, on: OnBehalfOf): Promise<DossierView> {
    const updated = await this.unitOfWork.run(on.correlationId, async (tx) => {
      const d = ownDossier(caller, await this.dossiers.lock(tx.manager, input.dossierId));
      return this.workflow.apply(tx, d, {
        action: 'withdraw',
        actor: citizen(caller),
        now: new Date(),
        note: input.note ?? null,
      });
    });
    return this.views.citizen(updated);
  }

  /**
   * May the caller stream this file? Their own dossier's attachment, or its result once released
   * to them; any attachment or result of a dossier of their agency.
   */
  /**
   * The signed receipt of a received dossier, to its applicant or the agency's officers:
   * drawn and signed the first time (storage issues one per dossier), kept from then on.
   */
  async receipt(caller: Caller, dossierId: string, on: OnBehalfOf): Promise<FileAuthorizationView> {
    const found = await this.dossiers.find(dossierId);
    if (!found) throw dossierNotFound();
    if (found.applicantId !== caller.accountId) {
      if (!isOfficer(caller)) throw dossierNotFound();
      agencyDossier(caller, found);
    }
    if (!found.receivedAt) throw new DomainError(StorageErrors.fileNotFound);
    if (found.receipt) return { fileId: found.receipt.fileId, kind: 'letter' };
    // Signed without holding the dossier; the row is locked only to keep the first copy.
    const receipt = await this.letters.issueReceipt(found, on.correlationId);
    await this.unitOfWork.run(on.correlationId, async ({ manager }) => {
      const d = await this.dossiers.lock(manager, dossierId);
      if (d && !d.receipt) await this.dossiers.update(manager, d, { receipt }, new Date());
    });
    return { fileId: receipt.fileId, kind: 'letter' };
  }

  async authorizeFile(caller: Caller, input: DossierFileInput): Promise<FileAuthorizationView> {
    const found = await this.dossiers.find(input.dossierId);
    if (!found) throw dossierNotFound();
    const asApplicant = found.applicantId === caller.accountId;
    if (!asApplicant) {
      if (!isOfficer(caller)) throw dossierNotFound();
      agencyDossier(caller, found);
    }
    const attachment = await this.attachments.activeByFile(input.fileId);
    if (attachment?.dossierId === found.id) return { fileId: input.fileId, kind: 'attachment' };
    const result = await this.results.byFile(input.fileId);
    if (result?.dossierId === found.id && (!asApplicant || isResultReleased(found.status))) {
      return { fileId: input.fileId, kind: 'result' };
    }
    // The signed receipt and apology letters are the applicant's from the moment they exist.
    if (found.receipt?.fileId === input.fileId) return { fileId: input.fileId, kind: 'letter' };
    const apology = await this.apologies.byFile(input.fileId);
    if (apology?.dossierId === found.id) return { fileId: input.fileId, kind: 'letter' };
    throw new DomainError(StorageErrors.fileNotFound);
  }

  /** Everything a submission still lacks, listed at once (422). */
  private assertComplete(d: Dossier, attachments: Attachment[]): void {
    const errors: FieldError[] = this.forms.check(onlineFormOf(d), d.formData, 'final');
    const missingComponents = d.procedure.components
      .filter((c) => c.required && !attachments.some((a) => a.componentId === c.id))
      .map((c) => c.id);
    for (const id of missingComponents) {
      const name = d.procedure.components.find((c) => c.id === id)!.name;
      errors.push({
        field: `components/${id}`,
        message: `Chưa đính kèm thành phần hồ sơ: ${name}`,
      });
    }
    if (d.deliveryMethod === 'post' && !d.deliveryAddress) {
      errors.push({
        field: 'deliveryAddress',
        message: 'Nhận kết quả qua bưu chính cần địa chỉ nhận',
      });
    }
    if (errors.length > 0) {
      throw new DomainError(DossierErrors.incomplete, { errors });
    }
  }
}

function offlineOnly(procedure: ProcedureView): DomainError {
  const forms = procedure.forms.map((f) => ({ name: f.name, downloadUrl: f.downloadUrl }));
  return new DomainError(DossierErrors.offlineOnly, {
    params: {
      procedure: procedure.name,
      level: procedure.level,
      agency: procedure.agency.name,
      forms: forms.map((f) => `${f.name} (${f.downloadUrl})`).join('; ') || '—',
    },
    extra: { level: procedure.level, forms },
  });
}

function formInvalid(errors: FieldError[]): DomainError {
  return new DomainError(DossierErrors.formInvalid, { errors });
}

function checkFormSize(formData: Record<string, unknown>): void {
  if (Buffer.byteLength(JSON.stringify(formData), 'utf8') > MAX_FORM_BYTES) {
    throw new DomainError(DossierErrors.formTooLarge, {
      errors: [{ field: 'formData', message: `Không được quá ${MAX_FORM_BYTES / 1024} KB` }],
    });
  }
}
