import { Injectable, Logger } from '@nestjs/common';
import { FilesRepository } from '../files/files.repository';
import { FilesService } from '../files/files.service';
import { ObjectStore, QUARANTINE_PREFIX } from '../object-store/object-store';
import { StorageConfig } from '../storage.config';

export interface CleanupReport {
  /** Quarantined objects of uploads that never finished (the process died mid-upload). */
  quarantineRemoved: number;
  /** Attachments no dossier claimed and wallet files no document uses, past their age. */
  unclaimedDeleted: number;
  /** Objects of deleted files removed now (including retries of earlier failures). */
  objectsPurged: number;
  /** Presigned uploads never finalized, forgotten once their URL expired (their bytes are quarantined). */
  pendingExpired: number;
}

const BATCH = 500;
/** A deletion whose object removal failed is retried after this long. */
const PURGE_RETRY_MS = 5 * 60_000;

/** What the periodic cleanup job does; `now` is a parameter so tests can move time. */
@Injectable()
export class CleanupService {
  private readonly logger = new Logger(CleanupService.name);

  constructor(
    private readonly config: StorageConfig,
    private readonly store: ObjectStore,
    private readonly files: FilesRepository,
    private readonly filesService: FilesService,
  ) {}

  async run(now: Date = new Date()): Promise<CleanupReport> {
    const quarantineRemoved = await this.sweepQuarantine(now);
    // Same grace as the quarantine: whatever was PUT is swept with it.
    const pendingExpired = await this.files.deleteExpiredPending(
      new Date(now.getTime() - this.config.CLEANUP_QUARANTINE_MINUTES * 60_000),
      BATCH,
    );

    const unclaimedBefore = new Date(
      now.getTime() - this.config.CLEANUP_UNCLAIMED_HOURS * 3_600_000,
    );
    let unclaimedDeleted = 0;
    let objectsPurged = 0;
    for (;;) {
      const ids = await this.files.deleteUnclaimed(unclaimedBefore, BATCH);
      unclaimedDeleted += ids.length;
      await this.filesService.purge(ids);
      objectsPurged += ids.length;
      if (ids.length < BATCH) break;
    }
    const retry = await this.files.unpurged(new Date(now.getTime() - PURGE_RETRY_MS), BATCH);
    await this.filesService.purge(retry);
    objectsPurged += retry.length;

    const report = { quarantineRemoved, unclaimedDeleted, objectsPurged, pendingExpired };
    if (quarantineRemoved + unclaimedDeleted + objectsPurged + pendingExpired > 0) {
      this.logger.log(`cleanup: ${JSON.stringify(report)}`);
    }
    return report;
  }

  /** Live uploads keep their quarantined object for seconds; one older than the limit is an orphan. */
  private async sweepQuarantine(now: Date): Promise<number> {
    const before = now.getTime() - this.config.CLEANUP_QUARANTINE_MINUTES * 60_000;
    let removed = 0;
    for await (const object of this.store.list(QUARANTINE_PREFIX)) {
      if (object.lastModified.getTime() >= before) continue;
      await this.store.remove(object.key);
      removed += 1;
    }
    return removed;
  }
}
