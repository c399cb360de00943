import type {
  CatalogueRpc,
  DossierRpc,
  IdentityRpc,
  NationalSyncRpc,
  NotificationRpc,
  PaymentRpc,
  StorageRpc,
} from './rpc';
import type {
  FailedHubCallView,
  HubCallRef,
  HubCatalogueImportInput,
  ImportEachInput,
  ListFailedHubCallsQuery,
  NationalSyncSummary,
  ProcedureImportReport,
  RetriedHubCallView,
} from './national-sync.dto';
import type {
  ActivationView,
  CaptchaView,
  ChangePasswordDto,
  ForgotPasswordDto,
  LoggedOutView,
  LoginDto,
  PasswordChangedView,
  ProfileView,
  RefreshDto,
  RegisterDto,
  RegistrationAcceptedView,
  ResendActivationDto,
  ResetPasswordDto,
  ResetRequestedView,
  TokenDto,
  TokenPair,
  UpdateProfileDto,
} from './identity.dto';
import type {
  AgencyView,
  FieldView,
  GetProcedureInput,
  HolidayView,
  ImportProceduresInput,
  ImportResult,
  ListHolidaysInput,
  ProcedureDocument,
  ProcedureSummary,
  ProcedureView,
  SearchProceduresQuery,
} from './catalogue.dto';
import type { Page } from './page';
import type {
  OidcExchangeDto,
  VneidIdentityDto,
  VneidLinkDto,
  VneidLinkedView,
  VneidSignInView,
} from './vneid.dto';
import type {
  AccountContactInput,
  AccountContactView,
  AgencyOfficersInput,
  AgencyOfficersView,
  ListNotificationsQuery,
  MarkAllReadView,
  NotificationListView,
  NotificationPreferencesView,
  NotificationRefInput,
  NotificationView,
  NotificationsAfterInput,
  NotificationsAfterView,
  UpdateNotificationPreferencesDto,
} from './notification.dto';
import type {
  ApologizeInput,
  AddAttachmentInput,
  AgencyStatsQuery,
  AgencyStatsView,
  AttachFromDocumentInput,
  AttachmentView,
  CitizenActionInput,
  ComponentRefInput,
  CreateDossierDto,
  DossierFileInput,
  DossierRefInput,
  DossierSummary,
  DossierView,
  FileAuthorizationView,
  ListDossiersQuery,
  OfficerActionInput,
  OfficerDossierView,
  OfficerQueueQuery,
  OfficerQueuePage,
  PublicLookupQuery,
  PublicLookupView,
  RemoveAttachmentInput,
  RemovedView,
  ResultFileView,
  SubmitDossierInput,
  SubmitResult,
  UpdateDossierInput,
  UploadQuotaView,
} from './dossier.dto';
import type {
  ClaimFilesInput,
  ClaimFilesResult,
  CopyFileInput,
  CreateDocumentInput,
  DeletedDocument,
  DocumentIdInput,
  FileIdInput,
  FinalizeUploadInput,
  IssueResultInput,
  IssueDocumentInput,
  IssuedDocumentView,
  PersonalDocumentView,
  PresignUploadInput,
  ResultDocumentInput,
  StoredFileView,
  VerificationView,
  VerifyCodeInput,
} from './storage.dto';
import type { PresignedUploadRpc, PresignedUploadView } from './ministry.dto';
import type {
  CheckoutInput,
  CheckoutView,
  IpnAnswer,
  ListPaymentsQuery,
  PaymentMethodView,
  PaymentRefInput,
  PaymentReturnView,
  PaymentView,
  ProviderCallbackInput,
  ReceiptAuthorizationView,
} from './payment.dto';
import type {
  AgencyRatingsPage,
  OfficerRatingsQuery,
  RateDossierInput,
  RatingView,
} from './rating.dto';
import type {
  AddFeedbackAttachmentInput,
  AnswerFeedbackInput,
  FeedbackAttachmentRefInput,
  FeedbackAttachmentView,
  FeedbackFileInput,
  FeedbackUploadQuotaView,
  ConsumeCaptchaInput,
  FeedbackLookupQuery,
  FeedbackLookupView,
  FeedbackReceipt,
  OfficerFeedbackQuery,
  OfficerFeedbackView,
  PublicFeedbackQuery,
  PublicFeedbackView,
  SubmitFeedbackDto,
} from './feedback.dto';
import type {
  OfficerScoresQuery,
  OfficerScoresView,
  PublicScoresQuery,
  ScoresView,
} from './scores.dto';

/** What one RPC pattern takes (the `data` of its RpcRequest) and answers. */
export interface RpcShape<TInput, TResult> {
  input: TInput;
  result: TResult;
}

/** The input of a pattern that needs nothing but the caller. */
export type NoInput = Record<string, never>;

/** The answer of every `*.ping` (the gateway's readiness check). */
export interface PingView {
  ok: true;
}

/**
 * Maps every RPC pattern to its input and result, as EventPayloads does for events: senders
 * (`RpcClient.send`, the gateway's `sendRpc`) and handlers (`@RpcHandler`) both take their
 * types from here, so changing a shape fails the build on both sides.
 */
export interface RpcContract {
  [IdentityRpc.register]: RpcShape<RegisterDto, RegistrationAcceptedView>;
  [IdentityRpc.activate]: RpcShape<TokenDto, ActivationView>;
  [IdentityRpc.login]: RpcShape<LoginDto, TokenPair>;
  [IdentityRpc.refresh]: RpcShape<RefreshDto, TokenPair>;
  [IdentityRpc.vneidSignIn]: RpcShape<VneidIdentityDto, VneidSignInView>;
  [IdentityRpc.oidcExchange]: RpcShape<OidcExchangeDto, TokenPair>;
  [IdentityRpc.vneidLink]: RpcShape<VneidLinkDto, VneidLinkedView>;
  [IdentityRpc.resendActivation]: RpcShape<ResendActivationDto, RegistrationAcceptedView>;
  /** The refresh token is optional when the caller's session (sid) comes with the request. */
  [IdentityRpc.logout]: RpcShape<Partial<RefreshDto>, LoggedOutView>;
  [IdentityRpc.captcha]: RpcShape<NoInput, CaptchaView>;
  [IdentityRpc.forgotPassword]: RpcShape<ForgotPasswordDto, ResetRequestedView>;
  [IdentityRpc.resetPassword]: RpcShape<ResetPasswordDto, PasswordChangedView>;
  [IdentityRpc.getProfile]: RpcShape<NoInput, ProfileView>;
  [IdentityRpc.updateProfile]: RpcShape<UpdateProfileDto, ProfileView>;
  [IdentityRpc.changePassword]: RpcShape<ChangePasswordDto, PasswordChangedView>;
  /** Single use, right or wrong; a wrong or expired answer is 400 `captcha.invalid`. */
  [IdentityRpc.consumeCaptcha]: RpcShape<ConsumeCaptchaInput, { ok: true }>;
  [IdentityRpc.contact]: RpcShape<AccountContactInput, AccountContactView>;
  [IdentityRpc.agencyOfficers]: RpcShape<AgencyOfficersInput, AgencyOfficersView>;
  [IdentityRpc.ping]: RpcShape<NoInput, PingView>;

  [CatalogueRpc.searchProcedures]: RpcShape<SearchProceduresQuery, Page<ProcedureSummary>>;
  [CatalogueRpc.getProcedure]: RpcShape<GetProcedureInput, ProcedureView>;
  [CatalogueRpc.upsertProcedure]: RpcShape<ProcedureDocument, ProcedureView>;
  [CatalogueRpc.importProcedures]: RpcShape<ImportProceduresInput, ImportResult>;
  [CatalogueRpc.importEach]: RpcShape<ImportEachInput, ProcedureImportReport>;
  [CatalogueRpc.listAgencies]: RpcShape<NoInput, AgencyView[]>;
  [CatalogueRpc.listFields]: RpcShape<NoInput, FieldView[]>;
  [CatalogueRpc.listHolidays]: RpcShape<ListHolidaysInput, HolidayView[]>;
  [CatalogueRpc.ping]: RpcShape<NoInput, PingView>;

  [NotificationRpc.list]: RpcShape<ListNotificationsQuery, NotificationListView>;
  [NotificationRpc.markRead]: RpcShape<NotificationRefInput, NotificationView>;
  [NotificationRpc.markAllRead]: RpcShape<NoInput, MarkAllReadView>;
  [NotificationRpc.listAfter]: RpcShape<NotificationsAfterInput, NotificationsAfterView>;
  [NotificationRpc.getPreferences]: RpcShape<NoInput, NotificationPreferencesView>;
  [NotificationRpc.setPreferences]: RpcShape<
    UpdateNotificationPreferencesDto,
    NotificationPreferencesView
  >;
  [NotificationRpc.ping]: RpcShape<NoInput, PingView>;

  [DossierRpc.create]: RpcShape<CreateDossierDto, DossierView>;
  [DossierRpc.list]: RpcShape<ListDossiersQuery, Page<DossierSummary>>;
  [DossierRpc.get]: RpcShape<DossierRefInput, DossierView>;
  [DossierRpc.update]: RpcShape<UpdateDossierInput, DossierView>;
  [DossierRpc.prepareAttachment]: RpcShape<ComponentRefInput, UploadQuotaView>;
  [DossierRpc.addAttachment]: RpcShape<AddAttachmentInput, AttachmentView>;
  [DossierRpc.attachFromDocument]: RpcShape<AttachFromDocumentInput, AttachmentView>;
  [DossierRpc.removeAttachment]: RpcShape<RemoveAttachmentInput, RemovedView>;
  [DossierRpc.submit]: RpcShape<SubmitDossierInput, SubmitResult>;
  [DossierRpc.supplement]: RpcShape<CitizenActionInput, DossierView>;
  [DossierRpc.withdraw]: RpcShape<CitizenActionInput, DossierView>;
  [DossierRpc.rate]: RpcShape<RateDossierInput, RatingView>;
  [DossierRpc.authorizeFile]: RpcShape<DossierFileInput, FileAuthorizationView>;
  [DossierRpc.receipt]: RpcShape<DossierRefInput, FileAuthorizationView>;
  [DossierRpc.officerList]: RpcShape<OfficerQueueQuery, OfficerQueuePage>;
  [DossierRpc.officerGet]: RpcShape<DossierRefInput, OfficerDossierView>;
  [DossierRpc.officerAction]: RpcShape<OfficerActionInput, OfficerDossierView>;
  [DossierRpc.officerApologize]: RpcShape<ApologizeInput, OfficerDossierView>;
  [DossierRpc.officerPrepareResult]: RpcShape<DossierRefInput, UploadQuotaView>;
  [DossierRpc.officerAddResult]: RpcShape<DossierFileInput, ResultFileView>;
  [DossierRpc.officerStats]: RpcShape<AgencyStatsQuery, AgencyStatsView>;
  [DossierRpc.officerRatings]: RpcShape<OfficerRatingsQuery, AgencyRatingsPage>;
  [DossierRpc.publicLookup]: RpcShape<PublicLookupQuery, PublicLookupView>;
  [DossierRpc.publicScores]: RpcShape<PublicScoresQuery, ScoresView>;
  [DossierRpc.officerScores]: RpcShape<OfficerScoresQuery, OfficerScoresView>;
  [DossierRpc.feedbackSubmit]: RpcShape<SubmitFeedbackDto, FeedbackReceipt>;
  [DossierRpc.feedbackLookup]: RpcShape<FeedbackLookupQuery, FeedbackLookupView>;
  [DossierRpc.feedbackOfficerList]: RpcShape<OfficerFeedbackQuery, Page<OfficerFeedbackView>>;
  [DossierRpc.feedbackAnswer]: RpcShape<AnswerFeedbackInput, OfficerFeedbackView>;
  [DossierRpc.feedbackPublicList]: RpcShape<PublicFeedbackQuery, Page<PublicFeedbackView>>;
  [DossierRpc.feedbackPrepareAttachment]: RpcShape<
    FeedbackAttachmentRefInput,
    FeedbackUploadQuotaView
  >;
  [DossierRpc.feedbackAddAttachment]: RpcShape<AddFeedbackAttachmentInput, FeedbackAttachmentView>;
  [DossierRpc.feedbackAuthorizeFile]: RpcShape<FeedbackFileInput, FileAuthorizationView>;
  [DossierRpc.ping]: RpcShape<NoInput, PingView>;

  [StorageRpc.getFile]: RpcShape<FileIdInput, StoredFileView>;
  [StorageRpc.deleteFile]: RpcShape<FileIdInput, StoredFileView>;
  [StorageRpc.copyFile]: RpcShape<CopyFileInput, StoredFileView>;
  [StorageRpc.claimFiles]: RpcShape<ClaimFilesInput, ClaimFilesResult>;
  [StorageRpc.createDocument]: RpcShape<CreateDocumentInput, PersonalDocumentView>;
  [StorageRpc.listDocuments]: RpcShape<NoInput, PersonalDocumentView[]>;
  [StorageRpc.getDocument]: RpcShape<DocumentIdInput, PersonalDocumentView>;
  [StorageRpc.deleteDocument]: RpcShape<DocumentIdInput, DeletedDocument>;
  /** Services only: a delivered e-result copied into the citizen's wallet. */
  [StorageRpc.addResultDocument]: RpcShape<ResultDocumentInput, PersonalDocumentView>;
  /** Services only: the agency signs a result. */
  [StorageRpc.issueResult]: RpcShape<IssueResultInput, IssuedDocumentView>;
  [StorageRpc.issueDocument]: RpcShape<IssueDocumentInput, IssuedDocumentView>;
  /** Public: no caller, no personal data in the answer. */
  [StorageRpc.verify]: RpcShape<VerifyCodeInput, VerificationView>;
  [StorageRpc.ping]: RpcShape<NoInput, PingView>;
  [PresignedUploadRpc.presignUpload]: RpcShape<PresignUploadInput, PresignedUploadView>;
  [PresignedUploadRpc.finalize]: RpcShape<FinalizeUploadInput, StoredFileView>;

  [PaymentRpc.list]: RpcShape<ListPaymentsQuery, Page<PaymentView>>;
  [PaymentRpc.get]: RpcShape<PaymentRefInput, PaymentView>;
  [PaymentRpc.listMethods]: RpcShape<NoInput, PaymentMethodView[]>;
  [PaymentRpc.checkout]: RpcShape<CheckoutInput, CheckoutView>;
  /** Never an error: the provider expects `{RspCode, Message}` whatever it sent. */
  [PaymentRpc.ipn]: RpcShape<ProviderCallbackInput, IpnAnswer>;
  [PaymentRpc.returnView]: RpcShape<ProviderCallbackInput, PaymentReturnView>;
  [PaymentRpc.authorizeReceipt]: RpcShape<PaymentRefInput, ReceiptAuthorizationView>;
  [PaymentRpc.ping]: RpcShape<NoInput, PingView>;

  [NationalSyncRpc.summary]: RpcShape<NoInput, NationalSyncSummary>;
  [NationalSyncRpc.listFailed]: RpcShape<ListFailedHubCallsQuery, Page<FailedHubCallView>>;
  [NationalSyncRpc.retryFailed]: RpcShape<HubCallRef, RetriedHubCallView>;
  [NationalSyncRpc.importCatalogue]: RpcShape<HubCatalogueImportInput, ProcedureImportReport>;
  [NationalSyncRpc.ping]: RpcShape<NoInput, PingView>;
}

export type RpcPattern = keyof RpcContract;
export type RpcInputOf<P extends RpcPattern> = RpcContract[P]['input'];
export type RpcResultOf<P extends RpcPattern> = RpcContract[P]['result'];

type PatternsOf<T> = T[keyof T];
type DeclaredPattern =
  | PatternsOf<typeof IdentityRpc>
  | PatternsOf<typeof CatalogueRpc>
  | PatternsOf<typeof NotificationRpc>
  | PatternsOf<typeof DossierRpc>
  | PatternsOf<typeof StorageRpc>
  | PatternsOf<typeof PresignedUploadRpc>
  | PatternsOf<typeof PaymentRpc>
  | PatternsOf<typeof NationalSyncRpc>;

/** Every pattern constant has its entry above (a new one without it fails the build). */
export const _everyPatternHasAContract: [DeclaredPattern] extends [RpcPattern] ? true : never =
  true;
