import type { Client } from 'minio';
import { Readable } from 'node:stream';
import { PART_SIZE, ObjectStore, SINGLE_PUT_BYTES } from './object-store';

/** The calls putStream makes, recorded by a fake `minio` client. */
class FakeMinio {
  readonly calls: string[] = [];
  readonly parts: number[] = [];
  abortSupported = true;
  enableSHA256 = false;
  objects = new Map<string, number>();

  async bucketExists(): Promise<boolean> {
    return true;
  }
  async putObject(_b: string, key: string, body: Buffer): Promise<void> {
    this.calls.push(`put ${body.length}`);
    this.objects.set(key, body.length);
  }
  async makeRequestStreamAsync(
    options: { method: string; objectName: string; headers: Record<string, string> },
    body: Buffer,
    sha256: string,
  ): Promise<Readable> {
    this.calls.push(`${options.method} ${options.headers['Content-Length']} signed ${sha256}`);
    this.objects.set(options.objectName, body.length);
    return Readable.from([]);
  }
  async initiateNewMultipartUpload(): Promise<string> {
    this.calls.push('initiate');
    return 'upload-1';
  }
  async uploadPart(config: { partNumber: number }, body: Buffer): Promise<{ etag: string }> {
    this.calls.push(`part ${config.partNumber}`);
    this.parts.push(body.length);
    return { etag: `etag-${config.partNumber}` };
  }
  async completeMultipartUpload(
    _b: string,
    key: string,
    _id: string,
    parts: unknown[],
  ): Promise<void> {
    this.calls.push(`complete ${parts.length}`);
    this.objects.set(
      key,
      this.parts.reduce((a, b) => a + b, 0),
    );
  }
  async abortMultipartUpload(): Promise<void> {
    this.calls.push('abort');
    if (!this.abortSupported) throw new Error('MethodNotAllowed');
  }
  async removeObject(_b: string, key: string): Promise<void> {
    this.calls.push('remove');
    this.objects.delete(key);
  }
}

async function* chunks(
  total: number,
  size = 64 * 1024,
  failAfter?: number,
): AsyncGenerator<Buffer> {
  for (let sent = 0; sent < total; sent += size) {
    if (failAfter !== undefined && sent >= failAfter) throw new Error('cap passed');
    yield Buffer.alloc(Math.min(size, total - sent), 1);
  }
}

describe('ObjectStore.putStream', () => {
  let minio: FakeMinio;
  let store: ObjectStore;
  beforeEach(() => {
    minio = new FakeMinio();
    store = new ObjectStore(minio as unknown as Client, 'dvc-files');
  });

  it('stores a stream that ends within SINGLE_PUT_BYTES with a single PUT', async () => {
    expect(await store.putStream('quarantine/a', chunks(100_000))).toBe(100_000);
    expect(await store.putStream('quarantine/a2', chunks(SINGLE_PUT_BYTES - 1))).toBe(
      SINGLE_PUT_BYTES - 1,
    );
    expect(minio.calls).toEqual(['put 100000', `put ${SINGLE_PUT_BYTES - 1}`]);
  });

  it('signs a single PUT with the hash the caller computed, not hashing the body again', async () => {
    minio.enableSHA256 = true; // plain HTTP: the payload's SHA-256 is signed
    expect(await store.putStream('quarantine/h', chunks(1000), () => 'ab'.repeat(32))).toBe(1000);
    expect(minio.calls).toEqual([`PUT 1000 signed ${'ab'.repeat(32)}`]);
    minio.enableSHA256 = false; // HTTPS: the client signs no hash, and hashes nothing
    await store.putStream('quarantine/i', chunks(1000), () => 'ab'.repeat(32));
    expect(minio.calls.at(-1)).toBe('put 1000');
  });

  it('stores a longer stream as a multipart upload, one part in memory at a time', async () => {
    const total = SINGLE_PUT_BYTES + 1234;
    const parts = Math.ceil(total / PART_SIZE);
    expect(await store.putStream('quarantine/b', chunks(total))).toBe(total);
    expect(minio.calls).toEqual([
      'initiate',
      ...Array.from({ length: parts }, (_, i) => `part ${i + 1}`),
      `complete ${parts}`,
    ]);
    // Every part but the last is at least S3's minimum and at most one chunk over it.
    expect(minio.parts.slice(0, -1).every((n) => n >= PART_SIZE && n < PART_SIZE + 64 * 1024)).toBe(
      true,
    );
    expect(minio.parts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('leaves nothing when the source fails before the first part is sent', async () => {
    await expect(
      store.putStream('quarantine/c', chunks(SINGLE_PUT_BYTES * 2, 64 * 1024, PART_SIZE + 1)),
    ).rejects.toThrow('cap passed');
    expect(minio.calls).toEqual([]);
    expect(minio.objects.size).toBe(0);
  });

  it('aborts the multipart upload when the source fails after some parts', async () => {
    await expect(
      store.putStream(
        'quarantine/d',
        chunks(SINGLE_PUT_BYTES * 2, 64 * 1024, SINGLE_PUT_BYTES + 1),
      ),
    ).rejects.toThrow('cap passed');
    const sent = Math.floor(SINGLE_PUT_BYTES / PART_SIZE);
    expect(minio.calls).toEqual([
      'initiate',
      ...Array.from({ length: sent }, (_, i) => `part ${i + 1}`),
      'abort',
    ]);
    expect(minio.objects.size).toBe(0);
  });

  it('on a server without abort (s3rver) completes then removes the partial object', async () => {
    minio.abortSupported = false;
    await expect(
      store.putStream(
        'quarantine/e',
        chunks(SINGLE_PUT_BYTES * 2, 64 * 1024, SINGLE_PUT_BYTES + 1),
      ),
    ).rejects.toThrow('cap passed');
    const sent = Math.floor(SINGLE_PUT_BYTES / PART_SIZE);
    expect(minio.calls).toEqual([
      'initiate',
      ...Array.from({ length: sent }, (_, i) => `part ${i + 1}`),
      'abort',
      `complete ${sent}`,
      'remove',
    ]);
    expect(minio.objects.size).toBe(0);
  });
});
