import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { ServerResponse } from 'node:http';
import {
  BellMessage,
  Locale,
  NotificationRpc,
  NotificationView,
  NotificationErrors,
  DomainError,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import type { CallContext } from '../rpc/call-context';
import { sendRpc } from '../rpc/send-rpc';
import { RevokedSessions } from '../auth/revoked-sessions';
import { BellHub } from './bell-hub';
import { NOTIFICATION_RPC } from '../rpc/rpc.module';
import { SSE_HEADERS, formatSseComment, formatSseEvent, formatSseRetry } from './sse';

/** A comment this often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 15_000;
/** What an EventSource-like client waits before reconnecting. */
const RECONNECT_MS = 5_000;
/** Streams one account may hold open on one gateway instance (tabs, devices). */
export const MAX_STREAMS_PER_ACCOUNT = 10;
/** A client this far behind is cut off; it reconnects with Last-Event-ID and loses nothing. */
const MAX_UNSENT_BYTES = 1024 * 1024;
/** Node timers hold at most ~24.8 days. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface StreamOptions {
  locale: Locale;
  /** Id of the last notification the client got: what came after it is sent first. */
  lastEventId?: string;
  /** When the access token expires (ms since epoch): the stream ends then. */
  expiresAt: number | null;
}

/** One open stream: its raw response and what must stop with it. */
class BellStream {
  private readonly sent = new Set<string>();
  private readonly timers: NodeJS.Timeout[] = [];
  private closed = false;

  constructor(
    private readonly raw: ServerResponse,
    private readonly locale: Locale,
    private readonly onClose: () => void,
  ) {
    raw.on('close', () => this.close());
    // The client may have gone while the stream was being prepared.
    if (raw.destroyed) setImmediate(() => this.close());
  }

  every(ms: number, work: () => void): void {
    this.timers.push(setInterval(work, ms));
  }

  after(ms: number, work: () => void): void {
    this.timers.push(setTimeout(work, Math.min(Math.max(ms, 0), MAX_TIMER_MS)));
  }

  notify(notification: NotificationView): void {
    if (this.sent.has(notification.id)) return; // replayed and pushed at once: once is enough
    this.sent.add(notification.id);
    this.write(
      formatSseEvent({
        id: notification.id,
        event: 'notification',
        data: JSON.stringify(notification),
      }),
    );
  }

  push(message: BellMessage): void {
    this.notify({ ...message.notification, ...message.texts[this.locale] });
  }

  write(chunk: string): void {
    if (this.closed || this.raw.destroyed) return;
    this.raw.write(chunk);
    if (this.raw.writableLength > MAX_UNSENT_BYTES) this.raw.destroy();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    if (!this.raw.writableEnded) this.raw.end();
    this.onClose();
  }
}

/**
 * The live bell (`GET /notifications/stream`): a server-sent event stream per client,
 * fed by the instance's BellHub. On reconnect, the notifications created after the client's
 * Last-Event-ID are sent first (asked of the notification service), then live ones; a
 * notification in both is sent once. A stream ends with its session: at once when identity
 * announces the revocation (logout, password change or reset, refresh-token reuse), and at the
 * latest at the next heartbeat, which checks the revocation mark in case the announcement was
 * missed.
 */
@Injectable()
export class BellStreams implements BeforeApplicationShutdown {
  private readonly streams = new Set<BellStream>();
  private readonly perAccount = new Map<string, number>();
  private readonly perSession = new Map<string, Set<BellStream>>();

  constructor(
    private readonly hub: BellHub,
    @Inject(NOTIFICATION_RPC) private readonly notifications: RpcClient,
    private readonly revokedSessions: RevokedSessions,
  ) {
    hub.onSessionRevoked((sessionId) => this.endSession(sessionId));
  }

  /** Open streams on this instance. */
  get size(): number {
    return this.streams.size;
  }

  /**
   * Errors before the first byte (too many streams, Redis or the notification service down)
   * are problems as usual; after it, the stream just ends and the client reconnects.
   */
  async open(ctx: CallContext, reply: FastifyReply, options: StreamOptions): Promise<void> {
    const accountId = ctx.caller!.accountId;
    if ((this.perAccount.get(accountId) ?? 0) >= MAX_STREAMS_PER_ACCOUNT) {
      throw new DomainError(NotificationErrors.tooManyStreams, {
        extra: { retryAfter: RECONNECT_MS / 1000 },
      });
    }
    // Live messages wait here until the replay is out, so none is lost or overtakes it.
    const early: BellMessage[] = [];
    let stream: BellStream | null = null;
    const stopListening = await this.hub.listen(accountId, (message) =>
      stream ? stream.push(message) : early.push(message),
    );
    let missed: NotificationView[] = [];
    try {
      if (options.lastEventId) {
        const after = await sendRpc(this.notifications, NotificationRpc.listAfter, ctx, {
          afterId: options.lastEventId,
          locale: options.locale,
        });
        missed = after.items;
      }
    } catch (err) {
      stopListening();
      throw err;
    }

    reply.hijack();
    const raw = reply.raw;
    // Headers other hooks set (X-Request-Id, CORS) go out too: hijacking skips Fastify's send.
    raw.writeHead(200, { ...(reply.getHeaders() as Record<string, string>), ...SSE_HEADERS });
    this.perAccount.set(accountId, (this.perAccount.get(accountId) ?? 0) + 1);
    const sessionId = ctx.caller!.sessionId;
    const opened = new BellStream(raw, options.locale, () => {
      stopListening();
      this.streams.delete(opened);
      if (sessionId) this.forget(sessionId, opened);
      const left = (this.perAccount.get(accountId) ?? 1) - 1;
      if (left > 0) this.perAccount.set(accountId, left);
      else this.perAccount.delete(accountId);
    });
    this.streams.add(opened);
    if (sessionId)
      this.perSession.set(sessionId, (this.perSession.get(sessionId) ?? new Set()).add(opened));
    opened.write(formatSseRetry(RECONNECT_MS) + formatSseComment('connected'));
    for (const notification of missed) opened.notify(notification);
    for (const message of early) opened.push(message);
    stream = opened;
    opened.every(HEARTBEAT_MS, () => {
      opened.write(formatSseComment('heartbeat'));
      if (sessionId) void this.closeIfRevoked(sessionId, opened);
    });
    // The token that opened it is its licence: the client reconnects with a fresh one.
    if (options.expiresAt !== null)
      opened.after(options.expiresAt - Date.now(), () => opened.close());
  }

  /** Ends the streams a revoked session opened on this instance. */
  endSession(sessionId: string): void {
    for (const stream of [...(this.perSession.get(sessionId) ?? [])]) stream.close();
  }

  private async closeIfRevoked(sessionId: string, stream: BellStream): Promise<void> {
    // Redis unreachable: the stream goes on, as it would have without this check.
    if (await this.revokedSessions.isRevoked(sessionId).catch(() => false)) stream.close();
  }

  private forget(sessionId: string, stream: BellStream): void {
    const streams = this.perSession.get(sessionId);
    if (streams?.delete(stream) && streams.size === 0) this.perSession.delete(sessionId);
  }

  /** Ends every stream before the server closes (it would wait for them otherwise). */
  beforeApplicationShutdown(): void {
    for (const stream of [...this.streams]) stream.close();
  }
}
