import { AuthErrors } from './auth.errors';
import { CatalogueErrors } from './catalogue.errors';
import { DossierErrors } from './dossier.errors';
import type { ErrorCatalogue, ErrorEntry } from './error-entry';
import { FeedbackErrors } from './feedback.errors';
import { IdentityErrors } from './identity.errors';
import { NationalSyncErrors } from './national-sync.errors';
import { NotificationErrors } from './notification.errors';
import { PaymentErrors } from './payment.errors';
import { RequestErrors } from './request.errors';
import { StorageErrors } from './storage.errors';
import { VneidErrors } from './vneid.errors';

/** Every domain's catalogue: the closed set of error codes the API answers with. */
export const ERROR_CATALOGUES = {
  request: RequestErrors,
  auth: AuthErrors,
  identity: IdentityErrors,
  catalogue: CatalogueErrors,
  dossier: DossierErrors,
  feedback: FeedbackErrors,
  storage: StorageErrors,
  payment: PaymentErrors,
  notification: NotificationErrors,
  vneid: VneidErrors,
  nationalSync: NationalSyncErrors,
} as const satisfies Record<string, ErrorCatalogue>;

export const ERROR_ENTRIES: readonly ErrorEntry[] = Object.values(ERROR_CATALOGUES).flatMap(
  (catalogue: ErrorCatalogue) => Object.values(catalogue),
);

const BY_CODE = new Map(ERROR_ENTRIES.map((entry) => [entry.code, entry]));

/** The entry of a code, e.g. of a problem that crossed a process boundary. */
export function errorEntry(code: string): ErrorEntry | undefined {
  return BY_CODE.get(code);
}
