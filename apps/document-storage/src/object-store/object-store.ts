import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Client } from 'minio';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';

/** S3's smallest part but the last: the part size of a multipart upload. */
export const PART_SIZE = 5 * 1024 * 1024;

/**
 * A stream that ends within this much is held and stored with one PUT (every file under the
 * default 10 MB cap): the store then writes it once, where a multipart upload costs two more
 * round trips and, in s3rver, a second write of every byte. Also about what one upload holds
 * in memory at most (this, then one part while it is handed over to a multipart upload).
 */
export const SINGLE_PUT_BYTES = 16 * 1024 * 1024;

export interface StoredObject {
  key: string;
  size: number;
  lastModified: Date;
}

/**
 * The bucket of document-storage, through the `minio` client only (MinIO in production,
 * the embedded s3rver in development). Keys are chosen by the service, never by users.
 */
export class ObjectStore implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ObjectStore');
  private bucketReady: Promise<void> | null = null;

  constructor(
    private readonly client: Client,
    readonly bucket: string,
    /** Stops the embedded server this store started, if any. */
    private readonly closeEmbedded: (() => Promise<void>) | null = null,
  ) {}

  /** A store that is down at start is reported by readiness; the bucket is made on first use then. */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensureBucket().catch((err: Error) =>
      this.logger.warn(`bucket ${this.bucket} not ready at start: ${err.message}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.closeEmbedded?.();
  }

  /** Creates the bucket when missing: private, no policy (docs/design.md §6). Retried after a failure. */
  ensureBucket(): Promise<void> {
    this.bucketReady ??= (async () => {
      if (!(await this.client.bucketExists(this.bucket))) await this.client.makeBucket(this.bucket);
    })().catch((err: unknown) => {
      this.bucketReady = null;
      throw err;
    });
    return this.bucketReady;
  }

  /** Readiness: the store answers and the bucket is there. */
  async check(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket)))
      throw new Error(`bucket ${this.bucket} missing`);
  }

  /**
   * Stores a stream of unknown length with bounded memory: a single PUT when it ends within
   * SINGLE_PUT_BYTES, otherwise a multipart upload through one reused part buffer (reading
   * pauses while a part is sent). If the source fails (cap passed, bad type, client gone) the upload
   * is abandoned and no object is left. `sha256`, asked once the source has ended, is the hash
   * of all its bytes when the caller computed it anyway: a single PUT is signed with it rather
   * than hashed again.
   */
  async putStream(
    key: string,
    source: AsyncIterable<Buffer>,
    sha256?: () => string,
  ): Promise<number> {
    await this.ensureBucket();
    const head: Buffer[] = [];
    let part: Buffer | null = null; // allocated once the stream proves longer than a part
    let filled = 0;
    let total = 0;
    let uploadId: string | null = null;
    const parts: { part: number; etag: string }[] = [];
    const sendPart = async (bytes: Buffer): Promise<void> => {
      uploadId ??= await this.client.initiateNewMultipartUpload(this.bucket, key, {
        'Content-Type': 'application/octet-stream',
      });
      const partNumber = parts.length + 1;
      const { etag } = await this.client.uploadPart(
        { bucketName: this.bucket, objectName: key, uploadID: uploadId, partNumber, headers: {} },
        bytes,
      );
      parts.push({ part: partNumber, etag });
    };
    const append = async (bytes: Buffer): Promise<void> => {
      for (let offset = 0; offset < bytes.length;) {
        const copied = bytes.copy(part!, filled, offset);
        offset += copied;
        filled += copied;
        if (filled === PART_SIZE) {
          await sendPart(part!);
          filled = 0;
        }
      }
    };
    try {
      for await (const chunk of source) {
        total += chunk.length;
        if (part !== null) {
          await append(chunk);
          continue;
        }
        head.push(chunk);
        filled += chunk.length;
        if (filled < SINGLE_PUT_BYTES) continue;
        // Longer than one PUT: from now on the bytes go through one buffer, reused for every part.
        part = Buffer.allocUnsafe(PART_SIZE);
        filled = 0;
        for (const held of head.splice(0)) await append(held);
      }
      if (part === null) {
        await this.putBody(key, Buffer.concat(head, filled), sha256?.());
        return total;
      }
      if (filled > 0) await sendPart(part.subarray(0, filled));
      await this.client.completeMultipartUpload(this.bucket, key, uploadId!, parts);
      return total;
    } catch (err) {
      if (uploadId !== null) await this.abandonUpload(key, uploadId, parts);
      throw err;
    }
  }

  /**
   * One PUT. Over plain HTTP the client signs the body's SHA-256; given it, the client gets it
   * rather than hashing (and copying) the body again. Over HTTPS it signs no hash.
   */
  private async putBody(key: string, body: Buffer, sha256: string | undefined): Promise<void> {
    const headers = { 'Content-Type': 'application/octet-stream' };
    if (sha256 === undefined || !this.client.enableSHA256) {
      await this.client.putObject(this.bucket, key, body, body.length, headers);
      return;
    }
    const response = await this.client.makeRequestStreamAsync(
      {
        method: 'PUT',
        bucketName: this.bucket,
        objectName: key,
        headers: { ...headers, 'Content-Length': String(body.length) },
      },
      body,
      sha256,
      [200],
      '',
    );
    await finished(response.resume());
  }

  /**
   * A URL anyone holding it may PUT one object to at `key`, for `expirySeconds`: signed
   * offline by the `minio` client with this store's endpoint (what MinIO checks; the embedded
   * s3rver of development does not check signatures).
   */
  async presignPut(key: string, expirySeconds: number): Promise<string> {
    await this.ensureBucket();
    return this.client.presignedPutObject(this.bucket, key, expirySeconds);
  }

  /** Size of an object, or null when there is none at `key`. */
  async size(key: string): Promise<number | null> {
    try {
      return (await this.client.statObject(this.bucket, key)).size;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'NotFound' || code === 'NoSuchKey') return null;
      throw err;
    }
  }

  read(key: string): Promise<Readable> {
    return this.client.getObject(this.bucket, key);
  }

  /** A small range of an object, in memory (callers bound `length`). */
  async readRange(key: string, offset: number, length: number): Promise<Buffer> {
    const stream = await this.client.getPartialObject(this.bucket, key, offset, length);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Server-side copy: the bytes never pass through this process. */
  async copy(fromKey: string, toKey: string): Promise<void> {
    await this.client.copyObject(this.bucket, toKey, `/${this.bucket}/${fromKey}`);
  }

  /** Removes an object; one already gone is fine. */
  async remove(key: string): Promise<void> {
    await this.client.removeObject(this.bucket, key);
  }

  async *list(prefix: string): AsyncIterable<StoredObject> {
    for await (const item of this.client.listObjectsV2(this.bucket, prefix, true)) {
      const object = item as { name?: string; size: number; lastModified: Date };
      if (object.name)
        yield { key: object.name, size: object.size, lastModified: object.lastModified };
    }
  }

  /**
   * Drops the parts of an unfinished upload. A server without AbortMultipartUpload (s3rver)
   * gets the upload completed and the object removed instead, so nothing is left either way.
   */
  private async abandonUpload(
    key: string,
    uploadId: string,
    parts: { part: number; etag: string }[],
  ): Promise<void> {
    try {
      await this.client.abortMultipartUpload(this.bucket, key, uploadId);
      return;
    } catch (err) {
      if (parts.length === 0) {
        this.logger.warn(`could not abort upload of ${key}: ${(err as Error).message}`);
        return;
      }
    }
    try {
      await this.client.completeMultipartUpload(this.bucket, key, uploadId, parts);
      await this.remove(key);
    } catch (err) {
      this.logger.warn(`could not drop the parts of ${key}: ${(err as Error).message}`);
    }
  }
}

/** Where an upload waits for its scan. */
export const quarantineKey = (fileId: string): string => `quarantine/${fileId}`;
/** Where a scanned, accepted file lives. */
export const cleanKey = (fileId: string): string => `clean/${fileId}`;
export const QUARANTINE_PREFIX = 'quarantine/';
