import type { DeliveryMethod } from './dossier-status';

/**
 * What a procedure's service level (mức độ 1–4) lets the portal offer, in one place: the
 * catalogue, the dossier service and the web portal all ask here (browser-safe, no imports).
 */
export type ServiceLevel = 1 | 2 | 3 | 4;

export const SERVICE_LEVELS: readonly ServiceLevel[] = [1, 2, 3, 4];

export function isServiceLevel(value: unknown): value is ServiceLevel {
  return SERVICE_LEVELS.includes(value as ServiceLevel);
}

export interface LevelOffer {
  /** Level 2 and up: form templates to download, print and bring. */
  formDownloads: boolean;
  /** Level 3 and up: fill in, attach and submit online; fees paid at the desk below level 4. */
  onlineSubmission: boolean;
  /** Level 4: fees paid online. */
  onlinePayment: boolean;
  /** Level 4: the result delivered online (e-result) or by post; below, collected at the desk. */
  eResult: boolean;
}

export function levelOffer(level: number): LevelOffer {
  return {
    formDownloads: level >= 2,
    onlineSubmission: level >= 3,
    onlinePayment: level === 4,
    eResult: level === 4,
  };
}

/** How the result may reach the applicant at this level; the first is a new draft's default. */
export function deliveryMethodsAt(level: number): readonly DeliveryMethod[] {
  return levelOffer(level).eResult ? ['online', 'post', 'desk'] : ['desk'];
}
