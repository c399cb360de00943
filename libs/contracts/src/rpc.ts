/**
 * RPC over RabbitMQ (Nest RMQ transport): one durable queue per service and typed pattern
 * constants. Every request travels as an RpcRequest: the caller first, then the input.
 */
export const RpcQueues = {
  identity: 'identity.rpc',
  catalogue: 'catalogue.rpc',
  notification: 'notification.rpc',
  dossier: 'dossier.rpc',
  storage: 'storage.rpc',
  payment: 'payment.rpc',
  nationalSync: 'national-sync.rpc',
} as const;

export type Role = 'citizen' | 'officer' | 'admin';

/** Who is calling, as the gateway authenticated them. */
export interface Caller {
  accountId: string;
  roles: Role[];
  /** Agency codes an officer belongs to. */
  agencies: string[];
  /** Session (refresh-token family) id from the access token's `sid`, when the call carries one. */
  sessionId?: string;
}

export interface RpcRequest<T = unknown> {
  caller: Caller | null;
  correlationId: string | null;
  /** Client IP, for throttling and audit. */
  ip?: string;
  data: T;
}

export const IdentityRpc = {
  register: 'identity.register',
  activate: 'identity.activate',
  login: 'identity.login',
  refresh: 'identity.refresh',
  logout: 'identity.logout',
  captcha: 'identity.captcha',
  forgotPassword: 'identity.forgot_password',
  resetPassword: 'identity.reset_password',
  getProfile: 'identity.profile.get',
  updateProfile: 'identity.profile.update',
  changePassword: 'identity.password.change',
  /** `{captchaId, captchaAnswer}` → `{ok: true}`, or 400 `captcha.invalid`; single use. */
  consumeCaptcha: 'identity.captcha.consume',
  /** Email, name, locale and phone of an account, for service callers only (`caller` null). */
  contact: 'identity.accounts.contact',
  /** `{agencyCode}` → `{accountIds}`: the agency's active officers, for service callers only. */
  agencyOfficers: 'identity.agencies.officers',
  /** A verified VNeID identity (VneidIdentityDto) → VneidSignInView: links or creates the account. */
  vneidSignIn: 'identity.vneid.sign_in',
  /** `{code}` (OidcExchangeDto) → TokenPair; the code is single use. */
  oidcExchange: 'identity.oidc.exchange',
  /**
   * VneidLinkDto → VneidLinkedView: links a VNeID identity to the account that started the link
   * while signed in (its ownership proven by its session); gateway only, no caller.
   */
  vneidLink: 'identity.vneid.link',
  /** ResendActivationDto → RegistrationAcceptedView: the same answer for any address. */
  resendActivation: 'identity.activation.resend',
  ping: 'identity.ping',
} as const;

export const CatalogueRpc = {
  searchProcedures: 'catalogue.procedures.search',
  getProcedure: 'catalogue.procedures.get',
  upsertProcedure: 'catalogue.procedures.upsert',
  importProcedures: 'catalogue.procedures.import',
  /** Each procedure checked and written on its own: `ImportEachInput` → ProcedureImportReport. */
  importEach: 'catalogue.procedures.import_each',
  listAgencies: 'catalogue.agencies.list',
  listFields: 'catalogue.fields.list',
  listHolidays: 'catalogue.holidays.list',
  ping: 'catalogue.ping',
} as const;

export const NotificationRpc = {
  /** The caller's bell: `{unread?, page, pageSize, locale?}` → `{items, unreadCount, total, …}`. */
  list: 'notification.list',
  /** `{id}`; someone else's notification is 404. */
  markRead: 'notification.mark_read',
  markAllRead: 'notification.mark_all_read',
  /** `{afterId}` → the caller's notifications created after that one (SSE reconnect). */
  listAfter: 'notification.list_after',
  getPreferences: 'notification.preferences.get',
  setPreferences: 'notification.preferences.set',
  ping: 'notification.ping',
} as const;

export const DossierRpc = {
  create: 'dossier.create',
  list: 'dossier.list',
  get: 'dossier.get',
  update: 'dossier.update',
  /** Checks the citizen may attach to this component now; answers the bytes left in the dossier quota. */
  prepareAttachment: 'dossier.attachments.prepare',
  addAttachment: 'dossier.attachments.add',
  attachFromDocument: 'dossier.attachments.from_document',
  removeAttachment: 'dossier.attachments.remove',
  submit: 'dossier.submit',
  supplement: 'dossier.supplement',
  withdraw: 'dossier.withdraw',
  /** `{dossierId, score, criteria?, comment?}`: the applicant's satisfaction rating, once. */
  rate: 'dossier.rate',
  /** May the caller read this file of this dossier (attachment or result)? Answers the file id. */
  authorizeFile: 'dossier.files.authorize',
  /**
   * `{dossierId}` → FileAuthorizationView: the signed receipt (giấy tiếp nhận và hẹn trả kết
   * quả) of a received dossier, issued the first time it is asked for.
   */
  receipt: 'dossier.receipt',
  officerList: 'dossier.officer.list',
  officerGet: 'dossier.officer.get',
  officerAction: 'dossier.officer.action',
  /** `{dossierId, reason, newDueAt}` → OfficerDossierView: the signed apology letter, a new due date. */
  officerApologize: 'dossier.officer.apologize',
  officerPrepareResult: 'dossier.officer.results.prepare',
  officerAddResult: 'dossier.officer.results.add',
  officerStats: 'dossier.officer.stats',
  /** Ratings of the officer's agencies: OfficerRatingsQuery → AgencyRatingsPage. */
  officerRatings: 'dossier.officer.ratings',
  publicLookup: 'dossier.public.lookup',
  /** PublicScoresQuery → ScoresView: the agencies' service scores of one month. */
  publicScores: 'dossier.public.scores',
  /** OfficerScoresQuery → OfficerScoresView: the caller's agencies' scores with their counts. */
  officerScores: 'dossier.officer.scores',
  /** Phản ánh, kiến nghị: SubmitFeedbackDto (caller or captcha) → FeedbackReceipt. */
  feedbackSubmit: 'dossier.feedback.submit',
  /** FeedbackLookupQuery → FeedbackLookupView; unknown code and wrong key are the same 404. */
  feedbackLookup: 'dossier.feedback.lookup',
  /** OfficerFeedbackQuery → Page<OfficerFeedbackView>, the caller's agencies only. */
  feedbackOfficerList: 'dossier.feedback.officer.list',
  /** AnswerFeedbackInput → OfficerFeedbackView; another agency's is 404. */
  feedbackAnswer: 'dossier.feedback.answer',
  /** PublicFeedbackQuery → Page<PublicFeedbackView>: published answers only. */
  feedbackPublicList: 'dossier.feedback.public.list',
  /** FeedbackAttachmentRefInput (code + key) → FeedbackUploadQuotaView, before the bytes move. */
  feedbackPrepareAttachment: 'dossier.feedback.attachments.prepare',
  /** AddFeedbackAttachmentInput → FeedbackAttachmentView: the stored file joins the PAKN. */
  feedbackAddAttachment: 'dossier.feedback.attachments.add',
  /** FeedbackFileInput → FileAuthorizationView: an officer of the PAKN's agency may read it. */
  feedbackAuthorizeFile: 'dossier.feedback.attachments.authorize',
  ping: 'dossier.ping',
} as const;

export const StorageRpc = {
  getFile: 'storage.files.get',
  deleteFile: 'storage.files.delete',
  /** Server-side copy of a clean file to a new owner/purpose (wallet document → dossier). */
  copyFile: 'storage.files.copy',
  /** Marks files as referenced by a dossier, so the orphan cleanup leaves them alone. Input `{fileIds}`. */
  claimFiles: 'storage.files.claim',
  createDocument: 'storage.documents.create',
  listDocuments: 'storage.documents.list',
  getDocument: 'storage.documents.get',
  deleteDocument: 'storage.documents.delete',
  /**
   * Services only: `{ownerId, fileId, dossierCode}` → PersonalDocumentView. A delivered
   * e-result copied into the citizen's wallet (`source: result`); the same on a retry.
   */
  addResultDocument: 'storage.documents.from_result',
  /**
   * Services only: `{fileId, dossierCode, agency}` → IssuedDocumentView. The officer's result
   * signed by the agency (a PDF), or kept as is with a signed cover sheet (anything else).
   */
  issueResult: 'storage.issued.result',
  /**
   * Services only: IssueDocumentInput → IssuedDocumentView. A PDF the caller drew (receipt,
   * payment receipt, apology letter) stamped with its QR code and signed by the agency; the
   * same `sourceKey` answers the first issue.
   */
  issueDocument: 'storage.issued.document',
  /** `{verificationCode}` → VerificationView (no caller needed); unknown code → 404. */
  verify: 'storage.issued.verify',
  ping: 'storage.ping',
} as const;

export const PaymentRpc = {
  /** The caller's own payments ("Giao dịch"), `{status?, page?, pageSize?}` → Page<PaymentView>. */
  list: 'payment.list',
  /** `{paymentId}`; someone else's is 404. */
  get: 'payment.get',
  listMethods: 'payment.methods.list',
  /** `{paymentId, method, commitment: true}` → `{paymentUrl, txnRef, expiresAt}`. */
  checkout: 'payment.checkout',
  /** Provider → us, relayed by the gateway: `{rawQuery}` → `{RspCode, Message}`, never an error. */
  ipn: 'payment.vnpay.ipn',
  /** The browser's return from the provider: `{rawQuery}` → PaymentReturnView; changes nothing. */
  returnView: 'payment.vnpay.return',
  /** `{paymentId}`: may the caller download its receipt? Answers the receipt number. */
  authorizeReceipt: 'payment.receipt.authorize',
  ping: 'payment.ping',
} as const;

/** Sync with the national portal's hub (admin only). */
export const NationalSyncRpc = {
  /** → NationalSyncSummary `{pending, failed, lastSyncedAt, oldestPendingAt}`. */
  summary: 'national-sync.summary',
  /** `{page?, pageSize?}` → Page of calls parked after the retry budget, oldest first. */
  listFailed: 'national-sync.failed.list',
  /** `{id}` → the parked call back in the queue, its attempts reset; 404 unless parked. */
  retryFailed: 'national-sync.failed.retry',
  /** `{codes?}` → ProcedureImportReport: the hub's procedures (LayThuTuc) into the catalogue. */
  importCatalogue: 'national-sync.catalogue.import',
  ping: 'national-sync.ping',
} as const;
