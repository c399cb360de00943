import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * The answers of the public API the portal reads, by name: generated from the gateway's OpenAPI
 * document (`npm run api:generate`), so a change of a view breaks the portal's build.
 */
export type ActivationView = Schemas['ActivationView'];
export type AgencyRatingView = Schemas['AgencyRatingView'];
export type AgencyRatingsPage = Schemas['AgencyRatingsPage'];
export type AgencyScoreView = Schemas['AgencyScoreView'];
export type AgencyView = Schemas['AgencyView'];
export type ApologyView = Schemas['ApologyView'];
export type AttachmentView = Schemas['AttachmentView'];
export type CaptchaView = Schemas['CaptchaView'];
export type CheckoutView = Schemas['CheckoutView'];
export type ComponentSlotView = Schemas['ComponentSlotView'];
export type DeadlineMark = Schemas['DeadlineMark'];
export type DeliveryAddressView = Schemas['DeliveryAddressView'];
export type DeliveryMethod = Schemas['DeliveryMethod'];
export type DossierStatusName = Schemas['DossierStatusName'];
export type DossierSummary = Schemas['DossierSummary'];
export type DossierSummaryPage = Schemas['DossierSummaryPage'];
export type DossierView = Schemas['DossierView'];
export type FailedHubCallPage = Schemas['FailedHubCallPage'];
export type FailedHubCallView = Schemas['FailedHubCallView'];
export type FeedbackAttachmentView = Schemas['FeedbackAttachmentView'];
export type FeedbackLookupView = Schemas['FeedbackLookupView'];
export type FeedbackReceipt = Schemas['FeedbackReceipt'];
export type FeedbackStatus = Schemas['FeedbackStatus'];
export type FieldView = Schemas['FieldView'];
export type HolidayView = Schemas['HolidayView'];
export type ImportResult = Schemas['ImportResult'];
export type MarkAllReadView = Schemas['MarkAllReadView'];
export type NationalSyncSummary = Schemas['NationalSyncSummary'];
export type NotificationListView = Schemas['NotificationListView'];
export type NotificationView = Schemas['NotificationView'];
export type OfficerAction = Schemas['OfficerAction'];
export type OfficerDossierSummary = Schemas['OfficerDossierSummary'];
export type OfficerDossierView = Schemas['OfficerDossierView'];
export type OfficerFeedbackPage = Schemas['OfficerFeedbackPage'];
export type OfficerFeedbackView = Schemas['OfficerFeedbackView'];
export type OfficerQueuePage = Schemas['OfficerQueuePage'];
export type PaymentMethodView = Schemas['PaymentMethodView'];
export type PaymentPage = Schemas['PaymentPage'];
export type PaymentReturnView = Schemas['PaymentReturnView'];
export type PaymentStatus = Schemas['PaymentStatus'];
export type PaymentView = Schemas['PaymentView'];
export type PersonalDocumentView = Schemas['PersonalDocumentView'];
export type ProcedureCaseView = Schemas['ProcedureCaseView'];
export type ProcedureComponentView = Schemas['ProcedureComponentView'];
export type ProcedureImportItem = Schemas['ProcedureImportItem'];
export type ProcedureImportReport = Schemas['ProcedureImportReport'];
export type ProcedureSummary = Schemas['ProcedureSummary'];
export type ProcedureSummaryPage = Schemas['ProcedureSummaryPage'];
export type ProcedureView = Schemas['ProcedureView'];
export type ProfileView = Schemas['ProfileView'];
export type PublicFeedbackPage = Schemas['PublicFeedbackPage'];
export type PublicFeedbackView = Schemas['PublicFeedbackView'];
export type PublicLookupView = Schemas['PublicLookupView'];
export type RatingView = Schemas['RatingView'];
export type ResultFileView = Schemas['ResultFileView'];
export type RetriedHubCallView = Schemas['RetriedHubCallView'];
export type ScoresView = Schemas['ScoresView'];
export type StatusHistoryView = Schemas['StatusHistoryView'];
export type SubmitResult = Schemas['SubmitResult'];
export type VerificationView = Schemas['VerificationView'];
