import { API_BASE, authHeaders, refreshSession } from '../api/http';
import { session } from '../auth/session';
import { SseParser, type ServerSentEvent } from './sse';

export interface StreamOptions {
  /** Language of the notifications' titles and bodies. */
  locale: string;
  onEvent: (event: ServerSentEvent) => void;
  /** Connected (again): whatever happened while offline should be fetched now. */
  onOpen?: () => void;
  signal: AbortSignal;
}

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/**
 * The bell's live feed: `GET /notifications/stream` with fetch() and the Bearer token, read
 * through a ReadableStream. On a drop it reconnects with backoff, sending Last-Event-ID so the
 * server can replay what was missed. Runs until `signal` aborts.
 */
export async function followNotifications({
  locale,
  onEvent,
  onOpen,
  signal,
}: StreamOptions): Promise<void> {
  let lastEventId = '';
  let delay = FIRST_DELAY_MS;
  while (!signal.aborted) {
    const parser = new SseParser(lastEventId);
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream', ...authHeaders() };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      const response = await fetch(
        `${API_BASE}/notifications/stream?locale=${encodeURIComponent(locale)}`,
        {
          headers,
          signal,
          cache: 'no-store',
        },
      );
      if (response.status === 401) {
        if (!session.renewable || !(await refreshSession())) return; // signed out: stop
        continue;
      }
      if (response.ok && response.body) {
        delay = FIRST_DELAY_MS;
        onOpen?.();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const event of parser.feed(value)) {
            lastEventId = event.lastEventId;
            onEvent(event);
          }
        }
      }
    } catch {
      // aborted (we are done) or the connection dropped (reconnect below)
      if (signal.aborted) return;
    }
    lastEventId = parser.lastId;
    await sleep(parser.retryMs ?? delay, signal);
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
