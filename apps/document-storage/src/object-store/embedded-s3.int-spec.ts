import { readFileSync, readdirSync } from 'node:fs';
import { StoredFileView } from '@dvc/contracts';
import { samplePdf } from '../../test/sample-files';
import {
  MiB,
  StorageTestContext,
  json,
  sha256,
  startStorageContext,
} from '../../test/storage-context';

jest.setTimeout(120_000);

const PARALLEL = 50;

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
 * and empty the same folders at once. None may fail, none may be lost, and the store's
 * process must never die (it used to, with ENOENT in its own file streams).
 */
describe('embedded object store under concurrent uploads', () => {
  let ctx: StorageTestContext;

  beforeAll(async () => {
    ctx = await startStorageContext({ MAX_FILE_BYTES: String(MiB) });
  }, 120_000);
  afterAll(() => ctx?.close(), 30_000);

  /** Uploads every body, `parallel` at a time, then reads each back. */
  async function uploadAll(bodies: Buffer[], parallel: number) {
    const owner = ctx.newCitizen().accountId;
    const answers: { status: number; file: StoredFileView }[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        for (let i = next++; i < bodies.length; i = next++) {
          const answer = await ctx.upload(bodies[i], { owner, fileName: `giay-to-${i}.pdf` });
          answers[i] = { status: answer.status, file: json<StoredFileView>(answer) };
        }
      }),
    );
    const readBack = await Promise.all(
      answers.map(async ({ file }) => {
        const answer = await ctx.download(file.id);
        return answer.status === 200 ? sha256(answer.body) : answer.status;
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

  it('keeps 300 uploads that come two at a time, as citizens attach two files', async () => {
    // The quarantine folder empties and fills again all the time: the case s3rver crashed on.
    const [store] = embeddedStorePids();
    const bodies = await files(PARALLEL * 6, 0);

    const result = await uploadAll(bodies, 2);

    expect(result.statuses).toEqual(bodies.map(() => 201));
    expect(result.readBack).toEqual(bodies.map(sha256));
    expect(embeddedStorePids()).toEqual([store]);
  });
});
