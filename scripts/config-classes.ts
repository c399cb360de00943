import { CatalogueConfig } from '../apps/catalogue/src/catalogue.config';
import { StorageConfig } from '../apps/document-storage/src/storage.config';
import { DossierConfig } from '../apps/dossier/src/dossier.config';
import { GatewayConfig } from '../apps/gateway/src/gateway.config';
import { IdentityConfig } from '../apps/identity/src/identity.config';
import { NotificationConfig } from '../apps/notification/src/notification.config';
import { PaymentConfig } from '../apps/payment/src/payment.config';

/** The validated config class of every app (one schema per app, docs/design.md §10). */
export const configClasses = [
  GatewayConfig,
  IdentityConfig,
  CatalogueConfig,
  NotificationConfig,
  DossierConfig,
  StorageConfig,
  PaymentConfig,
];
