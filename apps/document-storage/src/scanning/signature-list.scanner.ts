import type { Readable } from 'node:stream';
import { ScanVerdict, Scanner } from './scanner';

export interface Signature {
  name: string;
  bytes: Buffer;
}

/**
 * The EICAR anti-virus test file (https://www.eicar.org): harmless, and flagged by every
 * scanner. Written in two halves so that this source file is not itself flagged.
 */
export const EICAR = Buffer.from(
  'X5O!P%@AP[4\\PZX54(P^)7CC)7}$' + 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*',
  'latin1',
);

export const DEFAULT_SIGNATURES: Signature[] = [{ name: 'Eicar-Test-Signature', bytes: EICAR }];

/**
 * Finds byte signatures in a stream fed chunk by chunk, including one split across chunks:
 * the last (longest signature − 1) bytes of each chunk are kept and searched together with
 * the start of the next.
 */
export class SignatureMatcher {
  private readonly overlap: number;
  private carry = Buffer.alloc(0);

  constructor(private readonly signatures: Signature[]) {
    this.overlap = Math.max(...signatures.map((s) => s.bytes.length)) - 1;
  }

  /** The name of the first signature found in what was fed so far (this chunk included), or null. */
  update(chunk: Buffer): string | null {
    const seam = Buffer.concat([this.carry, chunk.subarray(0, this.overlap)]);
    for (const { name, bytes } of this.signatures) {
      if (seam.includes(bytes) || chunk.includes(bytes)) return name;
    }
    this.carry =
      chunk.length >= this.overlap
        ? Buffer.from(chunk.subarray(chunk.length - this.overlap))
        : seam.subarray(Math.max(0, seam.length - this.overlap));
    return null;
  }
}

/** Development and test driver: flags the signatures of a list (by default EICAR), nothing else. */
export class SignatureListScanner extends Scanner {
  readonly name = 'signature-list';

  constructor(private readonly signatures: Signature[] = DEFAULT_SIGNATURES) {
    super();
  }

  async scan(open: () => Promise<Readable>): Promise<ScanVerdict> {
    const matcher = new SignatureMatcher(this.signatures);
    try {
      const stream = await open();
      for await (const chunk of stream) {
        const found = matcher.update(chunk as Buffer);
        if (found) {
          stream.destroy();
          return { status: 'infected', signature: found };
        }
      }
      return { status: 'clean' };
    } catch (err) {
      return { status: 'unscannable', reason: (err as Error).message };
    }
  }
}
