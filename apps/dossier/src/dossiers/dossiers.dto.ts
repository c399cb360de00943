import { caseFee, feeDueAtSubmission } from '@dvc/contracts';
import type {
  ApplicantView,
  CitizenNextAction,
  DeliveryAddressView,
  DeliveryMethod,
  DossierStatusName,
  DossierSummary,
  DossierView,
  FeeView,
  IssuedLetterView,
  OfficerDossierSummary,
  OfficerAction,
  OfficerDossierView,
  ProcedureCaseView,
  ProcedureView,
  PublicLookupView,
  ServiceLevel,
  StatusHistoryView,
  SupplementRequestView,
} from '@dvc/contracts';
import { deadlineMark, isOverdue } from '../calendar/processing-clock';
import type { ProcessingTime } from '../calendar/working-calendar';
import type { Attachment } from '../attachments/attachments.dto';
import { mapAttachmentView } from '../attachments/attachments.dto';
import type { ResultFile } from '../results/results.dto';
import { mapResultFileView } from '../results/results.dto';
import type { OnlineForm } from '../forms/form-validator';
import type { DossierAction, TransitionFacts } from './status-machine';
import { allowedActions, statusCode } from './status-machine';
import { Rating, mapRatingView } from '../ratings/ratings.dto';
import { Apology, mapApologyView } from '../letters/apologies.dto';

/** A component slot as the procedure defined it when the draft was created. */
export interface ComponentSnapshot {
  id: string;
  name: string;
  required: boolean;
  originals: number;
  copies: number;
}

/**
 * The procedure (one case of it) as it was when the draft was created: catalogue edits
 * made later do not change a dossier in flight.
 */
export interface ProcedureSnapshot {
  code: string;
  name: string;
  level: ServiceLevel;
  agency: { code: string; name: string };
  case: { id: string; name: string };
  components: ComponentSnapshot[];
  /** Processing time of the online channel (the desk's when online states none). */
  processingTime: ProcessingTime | null;
  fees: FeeView[];
  /** Sum of the fees in VND; null when one of them depends on the case (per page, …). */
  fee: number | null;
  feeAtSubmission: boolean;
  formSchema: Record<string, unknown> | null;
}

export function procedureSnapshot(
  procedure: ProcedureView,
  kase: ProcedureCaseView,
): ProcedureSnapshot {
  const time =
    kase.processingTimes.find((t) => t.channel === 'online') ??
    kase.processingTimes.find((t) => t.channel === 'desk') ??
    null;
  return {
    code: procedure.code,
    name: procedure.name,
    level: procedure.level,
    agency: { code: procedure.agency.code, name: procedure.agency.name },
    case: { id: kase.id, name: kase.name },
    components: kase.components.map((c) => ({
      id: c.id,
      name: c.name,
      required: c.required,
      originals: c.originals,
      copies: c.copies,
    })),
    processingTime: time ? { value: time.value, unit: time.unit } : null,
    fees: kase.fees,
    fee: caseFee(kase.fees),
    feeAtSubmission: procedure.feeAtSubmission,
    formSchema: kase.formSchema,
  };
}

/** What the transition table needs besides the status to pick a row. */
export function transitionFactsOf(d: Pick<Dossier, 'procedure' | 'pausedFrom'>): TransitionFacts {
  return { feeDueAtSubmission: feeDueAtSubmission(d.procedure), pausedFrom: d.pausedFrom };
}

/** The applicant's next actions; paying is how they move a dossier on from PAYMENT_REQUIRED. */
function citizenNextActions(d: Dossier): CitizenNextAction[] {
  const facts = transitionFactsOf(d);
  const actions = allowedActions(d.status, 'citizen', facts) as CitizenNextAction[];
  const payable = allowedActions(d.status, 'system', facts).includes('payment-succeeded');
  return payable ? [...actions, 'pay'] : actions;
}

export function onlineFormOf(d: Pick<Dossier, 'procedure'>): OnlineForm {
  return {
    procedureCode: d.procedure.code,
    caseId: d.procedure.case.id,
    schema: d.procedure.formSchema,
  };
}

export type ByRole = StatusHistoryView['byRole'];

/** A signed letter of the dossier as stored in document-storage. */
export interface IssuedLetter {
  fileId: string;
  fileName: string;
  verificationCode: string;
  issuedAt: Date;
}

export interface Dossier {
  id: string;
  code: string | null;
  lookupKeyHash: Buffer | null;
  /** Mã tra cứu, shown again to the applicant only; lookups compare with the hash. */
  lookupKey: string | null;
  applicantId: string;
  /** Taken from identity at submission; null while a draft. */
  applicant: ApplicantView | null;
  procedure: ProcedureSnapshot;
  caseId: string;
  agencyCode: string;
  status: DossierStatusName;
  /** Status a paused dossier came from (where a supplement or payment leads back). */
  pausedFrom: DossierStatusName | null;
  formData: Record<string, unknown>;
  deliveryMethod: DeliveryMethod;
  deliveryAddress: DeliveryAddressView | null;
  deliveryTracking: string | null;
  receiptNumber: string | null;
  submittedAt: Date | null;
  receivedAt: Date | null;
  dueAt: Date | null;
  /** Sắp đến hạn from here: 80 % of the processing time used (moves with dueAt). */
  warnAt: Date | null;
  /** The due date before the first apology (on-time figures count against it). */
  originalDueAt: Date | null;
  /** Giấy tiếp nhận hồ sơ và hẹn trả kết quả, signed on `receive`. */
  receipt: IssuedLetter | null;
  pausedAt: Date | null;
  pausedWorkingMinutesRemaining: number | null;
  paymentAmount: number | null;
  supplementRequest: SupplementRequestView | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/** Columns an action may change (status and clock included). */
export type DossierChanges = Partial<
  Omit<
    Dossier,
    | 'id'
    | 'applicantId'
    | 'procedure'
    | 'caseId'
    | 'agencyCode'
    | 'createdAt'
    | 'updatedAt'
    | 'version'
  >
> & { applicantNameFolded?: string };

export interface HistoryEntry {
  dossierId: string;
  from: DossierStatusName | null;
  to: DossierStatusName;
  action: DossierAction | 'create' | 'apologize';
  byAccountId: string | null;
  byRole: ByRole;
  note: string | null;
  at: Date;
}

/** Folds Vietnamese for search: no diacritics, đ → d, lower case ("Nguyễn" finds "nguyen"). */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function mapHistory(h: HistoryEntry): StatusHistoryView {
  const view: StatusHistoryView = {
    from: h.from,
    to: h.to,
    at: h.at.toISOString(),
    byRole: h.byRole,
    note: h.note,
  };
  return h.action === 'apologize' ? { ...view, action: 'apologize' } : view;
}

function mapReceipt(d: Dossier): IssuedLetterView | null {
  if (!d.receivedAt) return null;
  return {
    downloadUrl: `/api/v1/dossiers/${d.id}/receipt`,
    verificationCode: d.receipt?.verificationCode ?? null,
    issuedAt: d.receipt ? d.receipt.issuedAt.toISOString() : null,
  };
}

export function mapDossierView(
  d: Dossier,
  attachments: Attachment[],
  results: ResultFile[],
  history: HistoryEntry[],
  rating: Rating | null,
  apologies: Apology[],
  now: Date,
): DossierView {
  return {
    id: d.id,
    code: d.code,
    procedure: { code: d.procedure.code, name: d.procedure.name, level: d.procedure.level },
    caseId: d.caseId,
    agency: d.procedure.agency,
    status: d.status,
    statusCode: statusCode(d.status),
    formData: d.formData,
    deliveryMethod: d.deliveryMethod,
    deliveryAddress: d.deliveryAddress,
    deliveryTracking: d.deliveryTracking,
    components: d.procedure.components.map((c) => ({
      componentId: c.id,
      name: c.name,
      required: c.required,
      originals: c.originals,
      copies: c.copies,
      attachments: attachments.filter((a) => a.componentId === c.id).map(mapAttachmentView),
    })),
    results: results.map((r) => mapResultFileView(d.id, r)),
    supplementRequest: d.status === 'SUPPLEMENT_REQUESTED' ? d.supplementRequest : null,
    paymentAmount: d.status === 'PAYMENT_REQUIRED' ? d.paymentAmount : null,
    receiptNumber: d.receiptNumber,
    lookupKey: d.lookupKey,
    createdAt: d.createdAt.toISOString(),
    submittedAt: iso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    clockPausedAt: iso(d.pausedAt),
    overdue: isOverdue(d.status, d.dueAt, now),
    history: history.map(mapHistory),
    allowedActions: citizenNextActions(d),
    rating: rating ? mapRatingView(rating) : null,
    receipt: mapReceipt(d),
    originalDueAt: iso(d.originalDueAt),
    apologies: apologies.map((a) => mapApologyView(d.id, a)),
  };
}

export function mapOfficerDossierView(
  view: DossierView,
  d: Dossier,
  now: Date = new Date(),
): OfficerDossierView {
  // Officers never see drafts, so the applicant snapshot exists.
  return {
    ...view,
    // The applicant's own secret for the public lookup; the agency identifies by code.
    lookupKey: null,
    applicant: d.applicant!,
    deadline: deadlineMark(d.status, d.dueAt, d.warnAt, now),
    allowedActions: allowedActions(d.status, 'officer', transitionFactsOf(d)) as OfficerAction[],
  };
}

export function mapDossierSummary(d: Dossier, now: Date): DossierSummary {
  return {
    id: d.id,
    code: d.code,
    procedure: { code: d.procedure.code, name: d.procedure.name },
    agency: d.procedure.agency,
    status: d.status,
    statusCode: statusCode(d.status),
    createdAt: d.createdAt.toISOString(),
    submittedAt: iso(d.submittedAt),
    dueAt: iso(d.dueAt),
    overdue: isOverdue(d.status, d.dueAt, now),
  };
}

export function mapOfficerDossierSummary(d: Dossier, now: Date): OfficerDossierSummary {
  return {
    ...mapDossierSummary(d, now),
    applicant: { fullName: d.applicant?.fullName ?? '', idNumber: d.applicant?.idNumber ?? null },
    deadline: deadlineMark(d.status, d.dueAt, d.warnAt, now),
  };
}

/** No names, addresses, notes or files: only what the code and key holder may see. */
export function mapPublicLookupView(
  d: Dossier,
  history: HistoryEntry[],
  now: Date,
): PublicLookupView {
  return {
    code: d.code!,
    procedure: { code: d.procedure.code, name: d.procedure.name },
    agency: d.procedure.agency,
    status: d.status,
    statusCode: statusCode(d.status),
    submittedAt: iso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    overdue: isOverdue(d.status, d.dueAt, now),
    history: history
      .filter((h) => h.from !== null)
      .map((h) => ({ from: h.from, to: h.to, at: h.at.toISOString() })),
  };
}
