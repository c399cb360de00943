import type { INestApplication } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StorageHttp, StoredFileView } from '@dvc/contracts';
import { loadConfig } from '@dvc/config';
import { INTERNAL_TOKEN_HEADER } from '@dvc/http';
import { ServiceUnderTest, isolatedService } from '@dvc/testing';
import { samplePdf } from '../../test/sample-files';
import { migrateStorage, startStorage } from '../app';
import { StorageConfig } from '../storage.config';

jest.setTimeout(120_000);

const TOKEN = 'test-internal-token-0123456789';
const PARALLEL = 50;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The embedded object store's process: the child of this process that runs s3rver. */
function embeddedStorePids(): number[] {
  return readdirSync(`/proc/${process.pid}/task`)
    .flatMap((task) =>
      readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean),
    )
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('s3rver');
      } catch {
        return false;
      }
    });
}

/**
 * The development object store under concurrent uploads: every upload lands in quarantine,
 * is scanned and moved to clean/ (a copy and a delete in s3rver), so parallel uploads create
 * and empty the same directories at once. None may fail, none may be lost, and the store's
 * process must never die (it used to, with ENOENT in its own file streams).
 */
describe('embedded object store under concurrent uploads', () => {
  let sut: ServiceUnderTest;
  let s3Directory: string;
  let app: INestApplication;
  let baseUrl: string;

  beforeAll(async () => {
    sut = await isolatedService('s3concurrency');
    s3Directory = await mkdtemp(join(tmpdir(), 'dvc-s3rver-'));
    const config = loadConfig(StorageConfig, {
      ...sut.env,
      S3RVER_PORT: '0',
      S3RVER_DIRECTORY: s3Directory,
      INTERNAL_TOKEN: TOKEN,
    });
    await migrateStorage(config);
    app = await startStorage(config);
    baseUrl = sut.urlOf(app);
  }, 120_000);

  afterAll(
    () => sut?.cleanup(app, () => s3Directory && rm(s3Directory, { recursive: true, force: true })),
    30_000,
  );

  const owner = randomUUID();

  async function upload(
    body: Buffer,
    i: number,
  ): Promise<{ status: number; file: StoredFileView }> {
    const response = await fetch(`${baseUrl}${StorageHttp.upload}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        [INTERNAL_TOKEN_HEADER]: TOKEN,
        [StorageHttp.headers.owner]: owner,
        [StorageHttp.headers.purpose]: 'attachment',
        [StorageHttp.headers.fileName]: `giay-to-${i}.pdf`,
      },
      body,
    });
    return { status: response.status, file: (await response.json()) as StoredFileView };
  }

  /** Uploads every body, `parallel` at a time, then reads each back; answers the hashes. */
  async function uploadAll(bodies: Buffer[], parallel: number) {
    const answers: { status: number; file: StoredFileView }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let i = next++; i < bodies.length; i = next++) answers[i] = await upload(bodies[i], i);
      }),
    );
    const readBack = await Promise.all(
      answers.map(async ({ file }) => {
        const response = await fetch(`${baseUrl}${StorageHttp.content(file.id)}`, {
          headers: { [INTERNAL_TOKEN_HEADER]: TOKEN },
        });
        return response.ok ? sha256(Buffer.from(await response.arrayBuffer())) : response.status;
      }),
    );
    return {
      statuses: answers.map((a) => a.status),
      ids: new Set(answers.map((a) => a.file.id)),
      hashes: answers.map((a) => a.file.sha256),
      readBack,
    };
  }

  const files = (n: number, size: number) =>
    Promise.all(
      Array.from({ length: n }, (_, i) =>
        samplePdf(`Ban sao giay to so ${i}`, Buffer.alloc(size, 0x20)),
      ),
    );

  it(`stores ${PARALLEL} parallel uploads, each readable with its SHA-256, and never restarts`, async () => {
    const [store] = embeddedStorePids();
    expect(store).toBeGreaterThan(0);
    const bodies = await files(PARALLEL, 256 * 1024);

    const result = await uploadAll(bodies, PARALLEL);

    expect(result.statuses).toEqual(bodies.map(() => 201));
    expect(result.ids.size).toBe(PARALLEL);
    expect(result.hashes).toEqual(bodies.map(sha256));
    expect(result.readBack).toEqual(bodies.map(sha256));
    expect(embeddedStorePids()).toEqual([store]);
  });

  it('keeps every upload when they come two at a time, as a citizen attaches two files', async () => {
    // The quarantine folder empties and fills again all the time: the case s3rver crashed on.
    const [store] = embeddedStorePids();
    const bodies = await files(PARALLEL * 2, 0);

    const result = await uploadAll(bodies, 2);

    expect(result.statuses).toEqual(bodies.map(() => 201));
    expect(result.readBack).toEqual(bodies.map(sha256));
    expect(embeddedStorePids()).toEqual([store]);
  });
});
