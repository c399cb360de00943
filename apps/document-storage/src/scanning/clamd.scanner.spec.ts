import { AddressInfo, Server, Socket, createServer } from 'node:net';
import { Readable } from 'node:stream';
import { ClamdScanner, parseClamdAnswer } from './clamd.scanner';
import { EICAR } from './signature-list.scanner';

interface Session {
  command: string;
  chunkLengths: number[];
  received: Buffer;
  terminated: boolean;
}

/**
 * A tiny clamd: parses `zINSTREAM\0` and the length-prefixed chunks strictly, records what
 * it got, and answers like ClamAV (EICAR → FOUND). `behaviour` makes it misbehave.
 */
class FakeClamd {
  readonly sessions: Session[] = [];
  behaviour: 'normal' | 'silent' | 'size-limit' | 'garbage' = 'normal';
  private readonly server: Server = createServer((socket) => this.serve(socket));
  private readonly sockets = new Set<Socket>();

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    const session: Session = {
      command: '',
      chunkLengths: [],
      received: Buffer.alloc(0),
      terminated: false,
    };
    this.sessions.push(session);
    let buffer = Buffer.alloc(0);
    const body: Buffer[] = [];
    let answered = false;
    socket.on('data', (data: Buffer) => {
      if (answered) return;
      buffer = Buffer.concat([buffer, data]);
      if (!session.command) {
        const end = buffer.indexOf(0);
        if (end < 0) return;
        session.command = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 1);
      }
      while (!session.terminated && buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          session.terminated = true;
          buffer = buffer.subarray(4);
          break;
        }
        if (buffer.length < 4 + length) return;
        session.chunkLengths.push(length);
        body.push(buffer.subarray(4, 4 + length));
        buffer = buffer.subarray(4 + length);
        if (this.behaviour === 'size-limit' && session.chunkLengths.length === 1) {
          answered = true;
          socket.end('INSTREAM size limit exceeded. ERROR\0');
          return;
        }
      }
      if (!session.terminated || answered) return;
      answered = true;
      session.received = Buffer.concat(body);
      if (this.behaviour === 'silent') return;
      if (this.behaviour === 'garbage') return void socket.end('what?\0');
      const infected = session.command === 'zINSTREAM' && session.received.includes(EICAR);
      socket.end(infected ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
    });
  }
}

const chunksOf = (bytes: Buffer, size: number): Buffer[] => {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
};
const open = (chunks: Buffer[]) => async () => Readable.from(chunks);

describe('ClamdScanner (INSTREAM over TCP) against a fake clamd', () => {
  const clamd = new FakeClamd();
  let port: number;

  beforeAll(async () => {
    port = await clamd.start();
  });
  afterAll(() => clamd.stop());
  beforeEach(() => {
    clamd.behaviour = 'normal';
  });

  const scanner = (timeoutMs = 2000) => new ClamdScanner({ host: '127.0.0.1', port, timeoutMs });

  it('streams the object as length-prefixed chunks with a zero terminator, and reads OK as clean', async () => {
    const bytes = Buffer.alloc(200_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 251;
    expect(await scanner().scan(open(chunksOf(bytes, 50_000)))).toEqual({ status: 'clean' });
    const session = clamd.sessions.at(-1)!;
    expect(session.command).toBe('zINSTREAM');
    expect(session.terminated).toBe(true);
    expect(session.received.equals(bytes)).toBe(true);
    expect(Math.max(...session.chunkLengths)).toBeLessThanOrEqual(64 * 1024);
  });

  it('reads "stream: <name> FOUND" as infected, with the signature name', async () => {
    const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), EICAR]);
    expect(await scanner().scan(open(chunksOf(body, 10)))).toEqual({
      status: 'infected',
      signature: 'Eicar-Test-Signature',
    });
  });

  it('fails closed when clamd is unreachable', async () => {
    const closed = new ClamdScanner({ host: '127.0.0.1', port: await freePort(), timeoutMs: 2000 });
    expect(await closed.scan(open([Buffer.from('%PDF-1.7')]))).toMatchObject({
      status: 'unscannable',
    });
  });

  it('fails closed when clamd never answers (timeout)', async () => {
    clamd.behaviour = 'silent';
    const verdict = await scanner(300).scan(open([Buffer.from('%PDF-1.7')]));
    expect(verdict).toMatchObject({
      status: 'unscannable',
      reason: expect.stringContaining('300 ms'),
    });
  });

  it('fails closed on the size-limit error, even while still sending', async () => {
    clamd.behaviour = 'size-limit';
    const big = chunksOf(Buffer.alloc(2 * 1024 * 1024, 7), 64 * 1024);
    expect(await scanner().scan(open(big))).toMatchObject({
      status: 'unscannable',
      reason: expect.stringContaining('size limit exceeded'),
    });
  });

  it('fails closed on an answer it does not understand', async () => {
    clamd.behaviour = 'garbage';
    expect(await scanner().scan(open([Buffer.from('%PDF-1.7')]))).toMatchObject({
      status: 'unscannable',
    });
  });

  it('fails closed when the object cannot be read', async () => {
    expect(await scanner().scan(() => Promise.reject(new Error('NoSuchKey')))).toMatchObject({
      status: 'unscannable',
    });
  });
});

describe('parseClamdAnswer', () => {
  it.each([
    ['stream: OK', { status: 'clean' }],
    ['stream: OK\0', { status: 'clean' }],
    [
      'stream: Win.Test.EICAR_HDB-1 FOUND',
      { status: 'infected', signature: 'Win.Test.EICAR_HDB-1' },
    ],
    ['INSTREAM size limit exceeded. ERROR', { status: 'unscannable' }],
    ['', { status: 'unscannable' }],
  ])('%j', (answer, verdict) => {
    expect(parseClamdAnswer(answer)).toMatchObject(verdict);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
