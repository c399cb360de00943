import type { ApologyView } from '@dvc/contracts';
import type { ByRole } from '../dossiers/dossiers.dto';

/** Phiếu xin lỗi và hẹn lại ngày trả kết quả, as recorded with the dossier. */
export interface Apology {
  id: string;
  dossierId: string;
  reason: string;
  previousDueAt: Date;
  newDueAt: Date;
  byAccountId: string | null;
  byRole: ByRole;
  fileId: string;
  fileName: string;
  verificationCode: string;
  issuedAt: Date;
}

export function mapApologyView(dossierId: string, a: Apology): ApologyView {
  return {
    issuedAt: a.issuedAt.toISOString(),
    reason: a.reason,
    previousDueAt: a.previousDueAt.toISOString(),
    newDueAt: a.newDueAt.toISOString(),
    documentUrl: `/api/v1/dossiers/${dossierId}/files/${a.fileId}`,
    fileId: a.fileId,
    verificationCode: a.verificationCode,
  };
}
