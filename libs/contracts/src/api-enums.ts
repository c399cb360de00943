import { DossierStatus, OfficerActions, type DossierStatusName } from './dossier-status';
import { SERVICE_LEVELS } from './service-level';

/**
 * Enumerations shared by several views, as `@ApiProperty` options: each becomes one named
 * schema of the OpenAPI document (`enumName`), so the portal's generated types name it too.
 */
export const DOSSIER_STATUS_NAMES = Object.keys(DossierStatus) as DossierStatusName[];

export const ApiEnums = {
  dossierStatus: { enum: DOSSIER_STATUS_NAMES, enumName: 'DossierStatusName' },
  officerAction: { enum: [...OfficerActions], enumName: 'OfficerAction' },
  deliveryMethod: { enum: ['online', 'post', 'desk'], enumName: 'DeliveryMethod' },
  serviceLevel: { enum: [...SERVICE_LEVELS], enumName: 'ServiceLevel' },
};
