import type { ErrorCatalogue } from './error-entry';

/** The procedure catalogue: procedures, their forms, admin edits. */
export const CatalogueErrors = {
  procedureNotFound: {
    code: 'procedure.not_found',
    status: 404,
    vi: 'Không tìm thấy thủ tục mã {code}.',
    en: 'No procedure with code {code}.',
  },
  procedureFormNotFound: {
    code: 'procedure.form_not_found',
    status: 404,
    vi: 'Thủ tục {procedureCode} không có mẫu đơn {formId}.',
    en: 'Procedure {procedureCode} has no form {formId}.',
  },
  formNotFound: {
    code: 'form.not_found',
    status: 404,
    vi: 'Không tìm thấy mẫu đơn của thủ tục này.',
    en: 'This procedure has no such form.',
  },
  procedureInvalid: {
    code: 'procedure.invalid',
    status: 422,
    vi: 'Dữ liệu thủ tục không hợp lệ ({count} lỗi).',
    en: 'The procedure data is not valid ({count} errors).',
  },
  procedureCodeMismatch: {
    code: 'procedure.code_mismatch',
    status: 400,
    vi: 'Mã thủ tục trong đường dẫn và trong nội dung khác nhau.',
    en: 'The procedure code in the path and in the body differ.',
  },
} as const satisfies ErrorCatalogue;
