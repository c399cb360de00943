import { DomainError, DossierErrors, ErrorEntry } from '@dvc/contracts';
import { type WorkingCalendar, localDate } from '../calendar/working-calendar';
import { wrongStatus } from '../dossiers/dossier-access';
import type { Dossier } from '../dossiers/dossiers.dto';

/** What an officer (or the agency's system) asks: why it is late, and the new date. */
export interface ApologyRequest {
  reason?: string;
  newDueAt?: string;
}

/** An apology the rules accept. */
export interface CheckedApology {
  reason: string;
  previousDueAt: Date;
  newDueAt: Date;
}

/**
 * Xin lỗi và hẹn lại ngày trả kết quả (Circular 01/2018/TT-VPCP): only while the dossier is
 * being processed, when its due date has passed or will pass before the new date; the new date
 * lies after the current due date and now, in working time. A wrong status is 409; a missing or
 * wrong reason or date is 422 naming the field.
 */
export function checkApology(
  d: Pick<Dossier, 'status' | 'dueAt'>,
  request: ApologyRequest,
  calendar: WorkingCalendar,
  now: Date,
): CheckedApology {
  if (d.status !== 'PROCESSING' || d.dueAt === null) {
    throw wrongStatus(DossierErrors.apologyNotProcessing, d.status);
  }
  const reason = request.reason?.trim() ?? '';
  if (reason === '') {
    throw invalid(DossierErrors.noteRequired, 'reason', 'Nêu rõ lý do chậm trả kết quả.');
  }
  const newDueAt = request.newDueAt ? new Date(request.newDueAt) : null;
  if (!newDueAt || Number.isNaN(newDueAt.getTime())) {
    throw invalid(DossierErrors.apologyDateInvalid, 'newDueAt', 'Nhập ngày hẹn trả mới.');
  }
  // Late or about to be: the current due date comes before the new one (and, once passed,
  // the new date must still lie ahead).
  const dueAt = d.dueAt;
  if (newDueAt.getTime() <= dueAt.getTime() || newDueAt.getTime() <= now.getTime()) {
    throw invalid(
      DossierErrors.apologyDateInvalid,
      'newDueAt',
      `Ngày hẹn mới phải sau hạn hiện tại (${localDate(dueAt)}) và sau thời điểm này.`,
    );
  }
  if (!calendar.isWorkingTime(newDueAt)) {
    throw invalid(
      DossierErrors.apologyDateInvalid,
      'newDueAt',
      'Ngày hẹn mới phải trong giờ làm việc của một ngày làm việc.',
    );
  }
  return { reason, previousDueAt: dueAt, newDueAt };
}

function invalid(entry: ErrorEntry, field: string, message: string): DomainError {
  return new DomainError(entry, { errors: [{ field, message }] });
}
