/** One server-sent event (WHATWG HTML §9.2 "event stream interpretation"). */
export interface ServerSentEvent {
  /** `message` unless the stream named it. */
  event: string;
  data: string;
  /** The last event id seen so far in the stream (sent back as Last-Event-ID on reconnect). */
  lastEventId: string;
}

/**
 * An incremental text/event-stream parser: feed it decoded text as it arrives, in chunks cut
 * anywhere (even between `\r` and `\n`), and it returns the events completed so far.
 * EventSource would do this itself, but it cannot send an Authorization header.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private eventType = '';
  private lastEventId = '';
  /** The reconnection delay the server asked for (`retry:`), in ms. */
  retryMs: number | null = null;
  private pendingCr = false;

  constructor(lastEventId = '') {
    this.lastEventId = lastEventId;
  }

  get lastId(): string {
    return this.lastEventId;
  }

  feed(chunk: string): ServerSentEvent[] {
    let text = chunk;
    // A CRLF split across two chunks: the LF belongs to the line the CR already ended.
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    const events: ServerSentEvent[] = [];
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      if (!match) break;
      // A lone CR at the very end may be the first half of CRLF: wait for the next chunk.
      if (match[0] === '\r' && match.index === this.buffer.length - 1) {
        this.pendingCr = true;
        const line = this.buffer.slice(0, match.index);
        this.buffer = '';
        const event = this.line(line);
        if (event) events.push(event);
        break;
      }
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): ServerSentEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null; // comment (keep-alive)
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^[0-9]+$/.test(value)) this.retryMs = Number(value);
        break;
      default:
      // unknown fields are ignored
    }
    return null;
  }

  private dispatch(): ServerSentEvent | null {
    const data = this.data;
    const eventType = this.eventType;
    this.data = [];
    this.eventType = '';
    if (data.length === 0) return null;
    return { event: eventType || 'message', data: data.join('\n'), lastEventId: this.lastEventId };
  }
}
