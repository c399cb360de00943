import { once } from 'node:events';
import { Socket, connect } from 'node:net';
import type { Readable } from 'node:stream';
import { ScanVerdict, Scanner } from './scanner';

export interface ClamdOptions {
  host: string;
  port: number;
  /** For the whole scan: connect, stream, verdict. */
  timeoutMs: number;
}

/** clamd's default StreamMaxLength is 25 MB; chunks themselves are kept small. */
const MAX_CHUNK = 64 * 1024;

/**
 * ClamAV over TCP with the INSTREAM command: `zINSTREAM\0`, then the object as chunks each
 * prefixed with its length (4 bytes, big-endian), then a zero length; clamd answers
 * `stream: OK\0` or `stream: <signature> FOUND\0`. Fails closed: no connection, a timeout,
 * an `… ERROR` answer (e.g. the size limit) or anything unexpected is `unscannable`.
 */
export class ClamdScanner extends Scanner {
  readonly name = 'clamd';

  constructor(private readonly options: ClamdOptions) {
    super();
  }

  scan(open: () => Promise<Readable>): Promise<ScanVerdict> {
    return new Promise<ScanVerdict>((resolve) => {
      const abort = new AbortController();
      let source: Readable | undefined;
      let answer = '';
      let settled = false;
      const finish = (verdict: ScanVerdict): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        abort.abort();
        socket.destroy();
        source?.destroy();
        resolve(verdict);
      };
      const unscannable = (reason: string): void => finish({ status: 'unscannable', reason });
      const timer = setTimeout(
        () => unscannable(`clamd did not answer within ${this.options.timeoutMs} ms`),
        this.options.timeoutMs,
      );

      const socket = connect({ host: this.options.host, port: this.options.port });
      socket.on('data', (data: Buffer) => {
        answer += data.toString('latin1');
        const end = answer.indexOf('\0');
        if (end >= 0) finish(parseClamdAnswer(answer.slice(0, end)));
      });
      // clamd may answer (e.g. size limit exceeded) and close while we are still sending.
      socket.on('error', (err) =>
        answer ? finish(parseClamdAnswer(answer)) : unscannable(`clamd: ${err.message}`),
      );
      socket.on('close', () =>
        answer ? finish(parseClamdAnswer(answer)) : unscannable('clamd closed without an answer'),
      );
      socket.on('connect', () => {
        open()
          .then((stream) => {
            source = stream;
            if (settled) stream.destroy();
            else return sendInstream(socket, stream, abort.signal);
          })
          .catch((err: Error) => {
            if (!abort.signal.aborted) unscannable(`reading the object: ${err.message}`);
          });
      });
    });
  }
}

async function sendInstream(socket: Socket, source: Readable, signal: AbortSignal): Promise<void> {
  const write = async (bytes: Buffer): Promise<void> => {
    if (!socket.write(bytes)) await once(socket, 'drain', { signal });
  };
  await write(Buffer.from('zINSTREAM\0', 'latin1'));
  for await (const data of source) {
    const chunk = data as Buffer;
    for (let offset = 0; offset < chunk.length; offset += MAX_CHUNK) {
      const part = chunk.subarray(offset, offset + MAX_CHUNK);
      const length = Buffer.alloc(4);
      length.writeUInt32BE(part.length);
      await write(length);
      await write(part);
    }
  }
  await write(Buffer.alloc(4)); // zero length: end of stream
}

/** `stream: OK` → clean; `stream: Eicar-Signature FOUND` → infected; anything else → unscannable. */
export function parseClamdAnswer(raw: string): ScanVerdict {
  const answer = raw.replace(/\0/g, '').trim();
  if (/^stream: OK$/.test(answer)) return { status: 'clean' };
  const found = /^stream: (.+) FOUND$/.exec(answer);
  if (found) return { status: 'infected', signature: found[1] };
  return { status: 'unscannable', reason: `clamd answered: ${answer.slice(0, 200)}` };
}
