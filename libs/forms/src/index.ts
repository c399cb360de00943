/** Online-form rules shared by the dossier service and the portal (no server dependency). */
export { fieldErrorOf } from './form-messages';
