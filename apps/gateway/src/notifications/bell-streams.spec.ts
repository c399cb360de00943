import { EventEmitter } from 'node:events';
import type { FastifyReply } from 'fastify';
import type { BellMessage, NotificationView, RpcRequest } from '@dvc/contracts';
import type { RpcClient } from '@dvc/messaging';
import type { RevokedSessions } from '../auth/revoked-sessions';
import type { BellHub, BellListener } from './bell-hub';
import { BellStreams, HEARTBEAT_MS, MAX_STREAMS_PER_ACCOUNT } from './bell-streams';

const ACCOUNT = '6f1c1c8e-52a4-4a57-a0a8-2c7b3c1f1a01';

/** The raw response of one stream, as far as the stream uses it. */
class FakeResponse extends EventEmitter {
  status = 0;
  headers: Record<string, string> = {};
  body = '';
  destroyed = false;
  writableEnded = false;
  writableLength = 0;

  writeHead(status: number, headers: Record<string, string>): void {
    this.status = status;
    this.headers = headers;
  }

  write(chunk: string): boolean {
    this.body += chunk;
    return true;
  }

  end(): void {
    this.writableEnded = true;
    this.emit('close');
  }

  /** What the client would see as events: [id, data] per `event: notification`. */
  events(): { id: string; data: NotificationView }[] {
    return [...this.body.matchAll(/id: (.+)\nevent: notification\ndata: (.+)\n\n/g)].map((m) => ({
      id: m[1],
      data: JSON.parse(m[2]) as NotificationView,
    }));
  }
}

function fakeReply(): { reply: FastifyReply; raw: FakeResponse; hijacked: () => boolean } {
  const raw = new FakeResponse();
  let hijacked = false;
  const reply = {
    raw,
    hijack: () => {
      hijacked = true;
    },
    getHeaders: () => ({ 'x-request-id': 'req-1' }),
  } as unknown as FastifyReply;
  return { reply, raw, hijacked: () => hijacked };
}

class FakeHub {
  readonly listeners = new Set<BellListener>();
  readonly revocationListeners: ((sessionId: string) => void)[] = [];
  stopped = 0;

  onSessionRevoked(listener: (sessionId: string) => void): void {
    this.revocationListeners.push(listener);
  }

  revoke(sessionId: string): void {
    for (const listener of this.revocationListeners) listener(sessionId);
  }

  async listen(_accountId: string, listener: BellListener): Promise<() => void> {
    this.listeners.add(listener);
    return () => {
      this.stopped++;
      this.listeners.delete(listener);
    };
  }

  ring(message: BellMessage): void {
    for (const listener of this.listeners) listener(message);
  }
}

function view(id: string, title = `Thông báo ${id}`): NotificationView {
  return {
    id,
    type: 'dossier.received',
    category: 'dossier',
    title,
    body: 'Hồ sơ đã được tiếp nhận.',
    link: '/ho-so/x',
    data: {},
    read: false,
    readAt: null,
    createdAt: '2026-11-26T03:00:00.000Z',
  };
}

function message(id: string): BellMessage {
  return {
    accountId: ACCOUNT,
    notification: view(id),
    texts: {
      vi: { title: `Tiêu đề ${id}`, body: 'Nội dung' },
      en: { title: `Title ${id}`, body: 'Body' },
    },
  };
}

const SESSION = '0b8d5c4e-2f7a-4c39-9d51-3e6f1a2b7c90';
const ctx = {
  caller: { accountId: ACCOUNT, roles: ['citizen' as const], agencies: [], sessionId: SESSION },
  requestId: 'req-1',
  ip: '127.0.0.1',
};

describe('BellStreams', () => {
  let hub: FakeHub;
  let missed: NotificationView[];
  let asked: RpcRequest[];
  let onAsk: () => void;
  let streams: BellStreams;
  let revoked: Set<string>;

  beforeEach(() => {
    hub = new FakeHub();
    revoked = new Set();
    missed = [];
    asked = [];
    onAsk = () => undefined;
    const rpc = {
      service: 'notification',
      send: async (_pattern: string, request: RpcRequest) => {
        asked.push(request);
        onAsk();
        return { items: missed };
      },
    } as unknown as RpcClient;
    const revokedSessions = {
      isRevoked: async (sessionId: string) => revoked.has(sessionId),
    } as RevokedSessions;
    streams = new BellStreams(hub as unknown as BellHub, rpc, revokedSessions);
  });

  afterEach(() => {
    streams.beforeApplicationShutdown();
    jest.useRealTimers();
  });

  it('answers an event stream that no proxy buffers or caches, and says it is connected', async () => {
    const { reply, raw, hijacked } = fakeReply();
    await streams.open(ctx, reply, { locale: 'vi', expiresAt: null });
    expect(hijacked()).toBe(true);
    expect(raw.status).toBe(200);
    expect(raw.headers).toMatchObject({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      'x-request-id': 'req-1',
    });
    expect(raw.body).toBe('retry: 5000\n\n: connected\n\n');
    expect(asked).toHaveLength(0); // nothing to replay without Last-Event-ID
  });

  it('pushes live notifications in the reader’s language, the notification id as event id', async () => {
    const { reply, raw } = fakeReply();
    await streams.open(ctx, reply, { locale: 'en', expiresAt: null });
    hub.ring(message('n-1'));
    expect(raw.events()).toEqual([
      { id: 'n-1', data: expect.objectContaining({ id: 'n-1', title: 'Title n-1', body: 'Body' }) },
    ]);
  });

  it('replays what came after Last-Event-ID first, then live ones, each once', async () => {
    const { reply, raw } = fakeReply();
    missed = [view('n-2'), view('n-3')];
    // Rung while the replay is being fetched: n-3 is in both, n-4 is new.
    onAsk = () => {
      hub.ring(message('n-3'));
      hub.ring(message('n-4'));
    };
    await streams.open(ctx, reply, { locale: 'vi', lastEventId: 'n-1', expiresAt: null });
    hub.ring(message('n-5'));
    expect(asked[0].data).toEqual({ afterId: 'n-1', locale: 'vi' });
    expect(asked[0].caller).toEqual(ctx.caller);
    expect(raw.events().map((e) => e.id)).toEqual(['n-2', 'n-3', 'n-4', 'n-5']);
  });

  it('sends a heartbeat comment every 15 seconds', async () => {
    jest.useFakeTimers();
    const { reply, raw } = fakeReply();
    await streams.open(ctx, reply, { locale: 'vi', expiresAt: null });
    jest.advanceTimersByTime(HEARTBEAT_MS * 2 + 10);
    expect(raw.body.match(/: heartbeat\n\n/g)).toHaveLength(2);
  });

  it('lets go of everything when the client leaves', async () => {
    jest.useFakeTimers();
    const { reply, raw } = fakeReply();
    await streams.open(ctx, reply, { locale: 'vi', expiresAt: null });
    raw.emit('close');
    expect(hub.stopped).toBe(1);
    expect(streams.size).toBe(0);
    expect(jest.getTimerCount()).toBe(0);
    hub.ring(message('n-9'));
    expect(raw.events()).toEqual([]);
  });

  it('ends the stream when the access token that opened it expires', async () => {
    jest.useFakeTimers();
    const { reply, raw } = fakeReply();
    await streams.open(ctx, reply, { locale: 'vi', expiresAt: Date.now() + 60_000 });
    jest.advanceTimersByTime(59_000);
    expect(raw.writableEnded).toBe(false);
    jest.advanceTimersByTime(2_000);
    expect(raw.writableEnded).toBe(true);
    expect(streams.size).toBe(0);
  });

  it('ends the streams of a session at once when identity announces its revocation', async () => {
    const mine = fakeReply();
    const otherSession = fakeReply();
    await streams.open(ctx, mine.reply, { locale: 'vi', expiresAt: null });
    await streams.open(
      { ...ctx, caller: { ...ctx.caller, sessionId: '9a0e7f3b-6c1d-4e2a-8b5f-7d4c3b2a1e09' } },
      otherSession.reply,
      { locale: 'vi', expiresAt: null },
    );
    hub.revoke(SESSION);
    expect(mine.raw.writableEnded).toBe(true);
    expect(otherSession.raw.writableEnded).toBe(false);
    expect(streams.size).toBe(1);
  });

  it('ends a stream at the next heartbeat when its session was revoked unannounced', async () => {
    jest.useFakeTimers();
    const { reply, raw } = fakeReply();
    await streams.open(ctx, reply, { locale: 'vi', expiresAt: null });
    revoked.add(SESSION);
    await jest.advanceTimersByTimeAsync(HEARTBEAT_MS + 10);
    expect(raw.writableEnded).toBe(true);
    expect(streams.size).toBe(0);
  });

  it('refuses more streams per account than tabs need (429), and stops listening when the replay fails', async () => {
    for (let i = 0; i < MAX_STREAMS_PER_ACCOUNT; i++) {
      await streams.open(ctx, fakeReply().reply, { locale: 'vi', expiresAt: null });
    }
    await expect(
      streams.open(ctx, fakeReply().reply, { locale: 'vi', expiresAt: null }),
    ).rejects.toMatchObject({ status: 429 });
    streams.beforeApplicationShutdown();

    onAsk = () => {
      throw new Error('notification service down');
    };
    const { reply, hijacked } = fakeReply();
    const before = hub.stopped;
    await expect(
      streams.open(ctx, reply, { locale: 'vi', lastEventId: 'n-1', expiresAt: null }),
    ).rejects.toThrow('notification service down');
    expect(hijacked()).toBe(false); // the problem filter still answers
    expect(hub.stopped).toBe(before + 1);
  });
});
