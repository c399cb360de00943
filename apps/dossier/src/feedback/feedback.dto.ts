import type {
  FeedbackAttachmentView,
  FeedbackContactDto,
  FeedbackLookupView,
  FeedbackStatus,
  OfficerFeedbackView,
  PublicFeedbackView,
} from '@dvc/contracts';

/** Phản ánh, kiến nghị as stored. */
export interface Feedback {
  id: string;
  code: string;
  lookupKeyHash: Buffer;
  askerId: string | null;
  contact: FeedbackContactDto | null;
  title: string;
  content: string;
  agencyCode: string | null;
  dossierCode: string | null;
  status: FeedbackStatus;
  submittedAt: Date;
  dueAt: Date;
  answer: string | null;
  answeredAt: Date | null;
  answeredBy: string | null;
  published: boolean;
}

/** A file attached to a PAKN (the body is in document-storage). */
export interface FeedbackAttachment {
  id: string;
  feedbackId: string;
  fileId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  attachedAt: Date;
}

export type NewFeedback = Omit<
  Feedback,
  'code' | 'status' | 'answer' | 'answeredAt' | 'answeredBy' | 'published'
>;

export interface OfficerFeedbackFilter {
  /** null: every agency (administrators). */
  agencies: string[] | null;
  status: FeedbackStatus | null;
  overdue: boolean;
  now: Date;
  page: number;
  pageSize: number;
}

export interface PublicFeedbackFilter {
  /** Folded (no accents, lower case) search words. */
  q: string | null;
  agency: string | null;
  page: number;
  pageSize: number;
}

/** Overdue: still unanswered after its due date. */
export const isFeedbackOverdue = (f: Feedback, now: Date): boolean =>
  f.status === 'pending' && f.dueAt.getTime() < now.getTime();

export function mapFeedbackAttachmentView(a: FeedbackAttachment): FeedbackAttachmentView {
  return {
    id: a.id,
    fileId: a.fileId,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    attachedAt: a.attachedAt.toISOString(),
  };
}

export function mapFeedbackLookupView(
  f: Feedback,
  attachments: FeedbackAttachment[],
): FeedbackLookupView {
  return {
    code: f.code,
    title: f.title,
    content: f.content,
    agencyCode: f.agencyCode,
    dossierCode: f.dossierCode,
    status: f.status,
    submittedAt: f.submittedAt.toISOString(),
    dueAt: f.dueAt.toISOString(),
    answer: f.answer,
    answeredAt: f.answeredAt?.toISOString() ?? null,
    published: f.published,
    attachments: attachments.filter((a) => a.feedbackId === f.id).map(mapFeedbackAttachmentView),
  };
}

export function mapOfficerFeedbackView(
  f: Feedback,
  attachments: FeedbackAttachment[],
  now: Date,
): OfficerFeedbackView {
  return {
    ...mapFeedbackLookupView(f, attachments),
    id: f.id,
    contact: f.contact,
    askerId: f.askerId,
    overdue: isFeedbackOverdue(f, now),
  };
}

/** The public sees the question and the answer, never who asked nor how to reach them. */
export function mapPublicFeedbackView(f: Feedback): PublicFeedbackView {
  return {
    code: f.code,
    title: f.title,
    content: f.content,
    agencyCode: f.agencyCode,
    submittedAt: f.submittedAt.toISOString(),
    answer: f.answer ?? '',
    answeredAt: f.answeredAt?.toISOString() ?? '',
  };
}
