import { Injectable, Logger } from '@nestjs/common';
import { Events } from '@dvc/contracts';
import { UnitOfWork } from '@dvc/messaging';
import { deadlineMark } from '../calendar/processing-clock';
import { dossierEventBase } from '../dossiers/dossier-events';
import { DossiersRepository } from '../dossiers/dossiers.repository';

/** Dossiers looked at per transaction batch; a run goes on until none is left. */
const BATCH = 100;

/**
 * Cảnh báo hạn xử lý (docs/design.md §14): tells the agency's officers, through
 * `dossier.deadline_warning`, that a dossier has used 80 % of its processing time, and again
 * when it is overdue. Each warning is a row keyed by dossier, kind and due date, written in
 * the transaction of its event: a second instance running at the same time, or the next run,
 * finds it and sends nothing; a new due date (a resumed clock, an apology) warns again.
 */
@Injectable()
export class DeadlineWarnings {
  private readonly logger = new Logger(DeadlineWarnings.name);

  constructor(
    private readonly dossiers: DossiersRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /** Sends the warnings due at `now`; returns how many this run sent. */
  async run(now: Date = new Date()): Promise<number> {
    let sent = 0;
    const seen = new Set<string>();
    for (;;) {
      const batch = (await this.dossiers.deadlineCandidates(now, BATCH)).filter(
        (d) => !seen.has(d.id),
      );
      if (batch.length === 0) break;
      for (const candidate of batch) {
        seen.add(candidate.id);
        if (await this.warn(candidate.id, now)) sent++;
      }
    }
    if (sent > 0) this.logger.log(`${sent} deadline warning(s) sent`);
    return sent;
  }

  /** One warning in its own transaction, decided on the locked row (it may have moved on). */
  private warn(dossierId: string, now: Date): Promise<boolean> {
    return this.unitOfWork.run(null, async (tx) => {
      const d = await this.dossiers.lock(tx.manager, dossierId);
      const kind = d ? deadlineMark(d.status, d.dueAt, d.warnAt, now) : null;
      if (!d || !kind || !d.dueAt || !d.code) return false;
      const fresh = await this.dossiers.recordWarning(tx.manager, {
        dossierId: d.id,
        kind,
        dueAt: d.dueAt,
        sentAt: now,
      });
      if (!fresh) return false;
      await tx.publish({
        type: Events.dossierDeadlineWarning,
        data: { ...dossierEventBase(d, now), kind, dueAt: d.dueAt.toISOString() },
      });
      return true;
    });
  }
}
