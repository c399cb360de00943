import { once } from 'node:events';
import { PassThrough, Transform, TransformCallback } from 'node:stream';
import { ScanVerdict, Scanner } from './scanner';

/** The scanner did not find the bytes clean: the stream fails with its verdict. */
export class ScanRefusedError extends Error {
  constructor(readonly verdict: Exclude<ScanVerdict, { status: 'clean' }>) {
    super(`scan: ${verdict.status}`);
  }
}

/**
 * Scans the bytes on their way through, so a file is read once: every chunk goes on to the
 * next stream and to the scanner alike (at the slower one's pace), and the end is held back
 * until the scanner's verdict. A verdict other than clean fails the stream with
 * ScanRefusedError, so whatever was writing the bytes (an object upload) abandons them.
 */
export class ScanPass extends Transform {
  private readonly feed = new PassThrough();
  private readonly verdict: Promise<ScanVerdict>;
  private scanned = false;

  constructor(scanner: Scanner) {
    super();
    this.feed.on('error', () => undefined); // the scanner answers its own failures as a verdict
    this.verdict = scanner
      .scan(() => Promise.resolve(this.feed))
      .catch((err: Error): ScanVerdict => ({ status: 'unscannable', reason: err.message }))
      .finally(() => (this.scanned = true));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    // A scanner that has answered (e.g. infected early) reads no more: the rest only goes on.
    if (this.scanned || this.feed.destroyed || this.feed.write(chunk)) return callback(null, chunk);
    const stop = new AbortController();
    const go = (): void => {
      stop.abort();
      callback(null, chunk);
    };
    Promise.race([
      once(this.feed, 'drain', { signal: stop.signal }),
      once(this.feed, 'close', { signal: stop.signal }),
      this.verdict,
    ]).then(go, go);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.feed.destroyed) this.feed.end();
    void this.verdict.then((verdict) =>
      callback(verdict.status === 'clean' ? null : new ScanRefusedError(verdict)),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.feed.destroy();
    callback(error);
  }
}
