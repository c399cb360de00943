import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { HubCallError, HubClient } from '../hub/hub-client';
import { NationalSyncConfig } from '../national-sync.config';
import { retryDelayMs } from './backoff';
import { HubCallsRepository } from './hub-calls.repository';

/**
 * Sends the queued calls to the hub, strictly in order per dossier: only the first call not
 * yet accepted of each dossier is ever sent, so a later one waits for the earlier one (in its
 * backoff, or parked). Each attempt runs in one transaction that holds the call's row lock
 * (FOR UPDATE SKIP LOCKED), so instances share the work without sending a call twice at once.
 * Nothing here is on a citizen's or an officer's path: a hub that is down only grows the queue.
 */
@Injectable()
export class HubCallDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('HubCallDispatcher');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wokenWhileRunning = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly calls: HubCallsRepository,
    private readonly hub: HubClient,
    private readonly config: NationalSyncConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Look now rather than at the next poll (calls were queued or put back). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) this.wokenWhileRunning = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.drain()
        .catch((err: unknown) =>
          this.logger.warn(`national sync round failed: ${(err as Error).message}`),
        )
        .then((busy) => {
          this.running = null;
          const again = this.wokenWhileRunning || busy === true;
          this.wokenWhileRunning = false;
          this.schedule(again ? 0 : this.config.NATIONAL_SYNC_POLL_MS);
        });
    }, delayMs);
    this.timer.unref();
  }

  /** One round: the due head call of up to CONCURRENCY dossiers. True when it sent something. */
  private async drain(): Promise<boolean> {
    const ids = await this.calls.due(this.config.NATIONAL_SYNC_CONCURRENCY);
    const outcomes = await Promise.all(ids.map((id) => this.attempt(id)));
    return outcomes.some((sent) => sent);
  }

  /** One attempt of one call; true when the hub accepted it. */
  private attempt(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const call = await this.calls.claim(manager, id);
      if (!call) return false;
      try {
        await this.hub.send(call);
        await this.calls.markSent(manager, id);
        return true;
      } catch (err) {
        if (!(err instanceof HubCallError)) throw err;
        const attempts = call.attempts + 1;
        const parked = err.permanent || attempts >= this.config.NATIONAL_SYNC_MAX_ATTEMPTS;
        const retryIn = parked
          ? null
          : retryDelayMs(
              attempts,
              this.config.NATIONAL_SYNC_BACKOFF_MS,
              this.config.NATIONAL_SYNC_MAX_BACKOFF_MS,
            );
        await this.calls.markAttemptFailed(manager, id, err.message, retryIn);
        this.logger.warn(
          `${call.kind} ${call.id} of ${call.dossierCode}: attempt ${attempts} failed (${err.message})` +
            (parked ? ', parked for an administrator' : `, next in ${retryIn} ms`),
        );
        return false;
      }
    });
  }
}
