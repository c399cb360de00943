/**
 * Server-sent events on the wire (WHATWG HTML §9.2): a block of `field: value` lines ended
 * by a blank line. A field value cannot hold a line break, so data spreads over one `data:`
 * line per line, and an id or event name loses any it had.
 */
export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
}

const LINE_BREAK = /\r\n|\r|\n/;

const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');

export function formatSseEvent(e: SseEvent): string {
  const lines: string[] = [];
  if (e.id !== undefined) lines.push(`id: ${oneLine(e.id)}`);
  if (e.event !== undefined) lines.push(`event: ${oneLine(e.event)}`);
  for (const line of e.data.split(LINE_BREAK)) lines.push(`data: ${line}`);
  return `${lines.join('\n')}\n\n`;
}

/** A comment: ignored by clients, keeps proxies and load balancers from closing an idle stream. */
export function formatSseComment(text: string): string {
  return `: ${oneLine(text)}\n\n`;
}

/** How long an EventSource client waits before reconnecting. */
export function formatSseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.trunc(ms))}\n\n`;
}

/** Response headers of an event stream: never cached, never buffered by nginx (X-Accel-Buffering). */
export const SSE_HEADERS: Record<string, string> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
  'x-content-type-options': 'nosniff',
};
