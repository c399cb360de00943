import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ScanPass, ScanRefusedError } from './scan-pass';
import { ScanVerdict, Scanner } from './scanner';
import { EICAR, SignatureListScanner } from './signature-list.scanner';

/** Streams `chunks` through a ScanPass into a sink; answers what reached the sink. */
async function pass(scanner: Scanner, chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks),
    new ScanPass(scanner),
    new Writable({
      write(chunk: Buffer, _e, done) {
        out.push(chunk);
        done();
      },
    }),
  );
  return Buffer.concat(out);
}

const filler = (n: number, byte = 0x20) => Buffer.alloc(n, byte);

describe('ScanPass: the scan on the way through', () => {
  it('passes every byte on and ends once the scanner finds the file clean', async () => {
    const chunks = [Buffer.from('%PDF-1.7\n'), filler(200_000), filler(300_000, 0x41)];
    const out = await pass(new SignatureListScanner(), chunks);
    expect(out.equals(Buffer.concat(chunks))).toBe(true);
  });

  it('fails the stream with the verdict when the scanner finds a signature, even early', async () => {
    const chunks = [
      Buffer.from('%PDF-1.7\n'),
      EICAR,
      ...Array.from({ length: 20 }, () => filler(64 * 1024)),
    ];
    const failure = await pass(new SignatureListScanner(), chunks).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ScanRefusedError);
    expect((failure as ScanRefusedError).verdict).toEqual({
      status: 'infected',
      signature: 'Eicar-Test-Signature',
    });
  });

  it('does not wait for a scanner that stopped reading (e.g. its size limit) and fails closed', async () => {
    const stopsEarly: Scanner = {
      name: 'stops-early',
      async scan(open): Promise<ScanVerdict> {
        const stream = await open();
        for await (const _chunk of stream) break; // reads one chunk, then answers
        return { status: 'unscannable', reason: 'size limit exceeded' };
      },
    };
    const chunks = Array.from({ length: 40 }, () => filler(64 * 1024));
    const failure = await pass(stopsEarly, chunks).catch((e: unknown) => e);
    expect((failure as ScanRefusedError).verdict).toMatchObject({ status: 'unscannable' });
  });

  it('a scanner that throws is unscannable, not a crash', async () => {
    const broken: Scanner = {
      name: 'broken',
      scan: () => Promise.reject(new Error('no scanner')),
    };
    const failure = await pass(broken, [filler(10)]).catch((e: unknown) => e);
    expect((failure as ScanRefusedError).verdict).toEqual({
      status: 'unscannable',
      reason: 'no scanner',
    });
  });

  it('stops the scanner when the stream is abandoned upstream', async () => {
    let ended: string | null = null;
    const watching: Scanner = {
      name: 'watching',
      async scan(open): Promise<ScanVerdict> {
        try {
          for await (const _chunk of await open());
          ended = 'end';
        } catch {
          ended = 'aborted';
        }
        return { status: 'unscannable', reason: ended };
      },
    };
    const scan = new ScanPass(watching);
    scan.on('error', () => undefined);
    scan.write(filler(10));
    scan.destroy(new Error('too large'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ended).toBe('aborted');
  });
});
