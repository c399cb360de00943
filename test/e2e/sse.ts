import { performance } from 'node:perf_hooks';

/** One event as a client receives it, with the moment it arrived (performance.now()). */
export interface ReceivedEvent<T = unknown> {
  id: string | null;
  event: string;
  data: T;
  at: number;
}

export interface SseClient<T = unknown> {
  status: number;
  headers: Headers;
  /** The answer's body when it was not a stream (e.g. a 401 problem). */
  problem: Record<string, unknown> | null;
  events: ReceivedEvent<T>[];
  comments: string[];
  /** The server ended the stream. */
  ended: boolean;
  close(): void;
}

/**
 * Opens a server-sent event stream with fetch (headers allowed, unlike EventSource) and
 * parses it as it arrives, so a test can poll `events` with waitFor.
 */
export async function openSse<T = unknown>(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseClient<T>> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const client: SseClient<T> = {
    status: response.status,
    headers: response.headers,
    problem: null,
    events: [],
    comments: [],
    ended: false,
    close: () => controller.abort(),
  };
  if (!response.ok || !response.body) {
    client.problem = (await response.json()) as Record<string, unknown>;
    client.ended = true;
    return client;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done || chunk.value === undefined) break;
      buffer += chunk.value.replace(/\r\n?/g, '\n');
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        parseBlock(buffer.slice(0, end), client);
        buffer = buffer.slice(end + 2);
      }
    }
    client.ended = true;
  })();
  return client;
}

function parseBlock<T>(block: string, client: SseClient<T>): void {
  let id: string | null = null;
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) client.comments.push(line.slice(1).trim());
    const [, field, value] = /^([a-z]+): ?(.*)$/.exec(line) ?? [];
    if (field === 'id') id = value;
    else if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length > 0) {
    client.events.push({
      id,
      event,
      data: JSON.parse(data.join('\n')) as T,
      at: performance.now(),
    });
  }
}
