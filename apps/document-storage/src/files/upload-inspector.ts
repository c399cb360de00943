import { createHash } from 'node:crypto';
import { Transform, TransformCallback } from 'node:stream';
import { FileEmptyError, FileTooLargeError, FileTypeNotAllowedError } from './file.errors';
import { FileKind, SNIFF_BYTES, SniffedKind, XmlSignatureDetector, sniffKind } from './file-type';
import { ZIP_TAIL_BYTES, officeKindOf, tailReader } from './zip-directory';

/** What the inspector learnt from a whole upload. */
export interface InspectedUpload {
  kind: FileKind;
  size: number;
  sha256: string;
}

/**
 * The one pass every upload makes on its way to the object store: sniffs the first bytes
 * against the allow-list (415 before anything is stored), counts bytes and fails the moment
 * the cap is passed (413, the chunk past the cap is never forwarded), hashes with SHA-256,
 * for XML watches for the signature element, and for a ZIP keeps the end of the file to tell
 * a DOCX or XLSX by its central directory (415 for any other ZIP). Holds back at most
 * SNIFF_BYTES; every other chunk passes straight through, so memory does not grow with the
 * file (a ZIP's kept end is at most ZIP_TAIL_BYTES).
 */
export class UploadInspector extends Transform {
  private held: Buffer[] = [];
  private heldBytes = 0;
  private kind: SniffedKind | null = null;
  private size = 0;
  private readonly hash = createHash('sha256');
  private readonly xmlSignature = new XmlSignatureDetector();
  private readonly zipTail: Buffer[] = [];
  private zipTailBytes = 0;
  private outcome: InspectedUpload | null = null;

  constructor(private readonly maxBytes: number) {
    super();
  }

  /** Available once the stream has ended without error. */
  get result(): InspectedUpload {
    if (!this.outcome) throw new Error('UploadInspector: the upload has not been read to its end');
    return this.outcome;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return callback(new FileTooLargeError(this.maxBytes));
    if (this.kind !== null) {
      this.forward(chunk);
      return callback();
    }
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    if (this.heldBytes < SNIFF_BYTES) return callback();
    callback(this.release());
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) return callback(new FileEmptyError());
    if (this.kind === null) {
      const error = this.release();
      if (error) return callback(error);
    }
    this.finalKind().then(
      (kind) => {
        if (kind === null) return callback(new FileTypeNotAllowedError());
        this.outcome = { kind, size: this.size, sha256: this.hash.digest('hex') };
        callback();
      },
      (err: Error) => callback(err),
    );
  }

  /** The allowed kind the whole file turned out to be, or null. */
  private async finalKind(): Promise<FileKind | null> {
    if (this.kind === 'xml') return this.xmlSignature.found ? 'signed-xml' : null;
    if (this.kind === 'zip') {
      const tail = Buffer.concat(this.zipTail, this.zipTailBytes);
      return officeKindOf(this.size, tailReader(tail, this.size));
    }
    return this.kind;
  }

  /** Decides the kind from the held bytes and lets them through, or answers why not. */
  private release(): Error | undefined {
    const head = this.held.length === 1 ? this.held[0] : Buffer.concat(this.held);
    this.held = [];
    this.kind = sniffKind(head);
    if (this.kind === null) return new FileTypeNotAllowedError();
    this.forward(head);
    return undefined;
  }

  private forward(chunk: Buffer): void {
    this.hash.update(chunk);
    if (this.kind === 'xml') this.xmlSignature.update(chunk);
    if (this.kind === 'zip') this.keepZipTail(chunk);
    this.push(chunk);
  }

  /** Keeps the last chunks that cover ZIP_TAIL_BYTES (references, not copies). */
  private keepZipTail(chunk: Buffer): void {
    this.zipTail.push(chunk);
    this.zipTailBytes += chunk.length;
    while (this.zipTailBytes - this.zipTail[0].length >= ZIP_TAIL_BYTES) {
      this.zipTailBytes -= this.zipTail.shift()!.length;
    }
  }
}
