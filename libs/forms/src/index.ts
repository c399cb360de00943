/** Online-form rules shared by the catalogue, the dossier service and the portal (no server dependency). */
export { fieldErrorOf, fieldErrorsIn, tooLongMessage, type FormLanguage } from './form-messages';
export {
  FIELD_PATTERNS,
  NOT_AFTER_TODAY,
  addFormKeywords,
  hasDateShape,
  isCalendarDate,
  notAfterToday,
  patternRule,
  todayInVietnam,
  type PatternRule,
} from './form-rules';
