import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { ProblemShape, StorageHttp, StoredFileView } from '@dvc/contracts';
import { INTERNAL_TOKEN_HEADER } from '@dvc/http';
import { waitFor } from '@dvc/testing';
import {
  MiB,
  StorageTestContext,
  TOKEN,
  generatedPdf,
  json,
  pendingMultipartUploads,
  startStorageContext,
} from '../../test/storage-context';
import { SINGLE_PUT_BYTES } from '../object-store/object-store';

jest.setTimeout(60_000);

/** Files up to the cap stream through in constant memory; past it, nothing is kept. */
describe('large files, with the cap raised to 40 MB', () => {
  let ctx: StorageTestContext;
  const pendingUploads = () => pendingMultipartUploads(ctx.s3Directory);

  beforeAll(async () => {
    ctx = await startStorageContext({ MAX_FILE_BYTES: String(40 * MiB) });
  }, 120_000);
  afterAll(() => ctx?.close(), 30_000);

  it('past the cap in the middle of a multipart upload: 413, the parts dropped, no object', async () => {
    const before = { clean: await ctx.keys('clean/'), quarantine: await ctx.keys('quarantine/') };
    const answer = await ctx.upload(generatedPdf(44 * MiB));
    expect(answer.status).toBe(413);
    expect(json<ProblemShape>(answer)).toMatchObject({
      code: 'file.too_large',
      maxBytes: 40 * MiB,
    });
    expect(await ctx.keys('clean/')).toEqual(before.clean);
    expect(await ctx.keys('quarantine/')).toEqual(before.quarantine);
    expect(await pendingUploads()).toEqual([]);
  });

  it('a client gone mid-body: the upload is abandoned, its parts dropped', async () => {
    const quarantined = await ctx.keys('quarantine/');
    const req = httpRequest(`${ctx.baseUrl}${StorageHttp.upload}`, {
      method: 'POST',
      headers: {
        [INTERNAL_TOKEN_HEADER]: TOKEN,
        [StorageHttp.headers.owner]: ctx.newCitizen().accountId,
        [StorageHttp.headers.purpose]: 'attachment',
      },
    });
    req.on('error', () => undefined);
    // Sends more than one PUT holds (so parts are in the store), then nothing: the client hangs mid-body.
    generatedPdf(SINGLE_PUT_BYTES + 4 * MiB)
      .on('end', () => undefined)
      .pipe(req, { end: false });
    await waitFor(async () => (await pendingUploads()).length > 0, {
      what: 'a part in the store',
    });
    req.destroy();
    await waitFor(async () => (await pendingUploads()).length === 0, {
      what: 'the parts dropped',
    });
    expect(await ctx.keys('quarantine/')).toEqual(quarantined);
  });

  it('streams a 30 MB upload and its download while RSS grows by less than 40 MB', async () => {
    // Warm up first (code paths compiled, the part buffer, the store's files), so what is
    // measured is what grows with the size of the file.
    expect((await ctx.upload(generatedPdf(12 * MiB))).status).toBe(201);
    const total = 30 * MiB;
    const sent = createHash('sha256');
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const answer = await ctx.upload(generatedPdf(total, sent), { fileName: 'lớn.pdf' });
      expect(answer.status).toBe(201);
      const file = json<StoredFileView>(answer);
      expect(file.size).toBe(total);
      expect(file.sha256).toBe(sent.digest('hex'));

      // The download streams too: hashed as it arrives, never held.
      const received = createHash('sha256');
      let length = 0;
      await new Promise<void>((resolve, reject) => {
        httpRequest(
          `${ctx.baseUrl}${StorageHttp.content(file.id)}`,
          {
            headers: {
              [INTERNAL_TOKEN_HEADER]: TOKEN,
              [StorageHttp.headers.principal]: 'dossier',
            },
          },
          (res) => {
            res.on('data', (c: Buffer) => {
              length += c.length;
              received.update(c);
            });
            res.on('end', resolve);
            res.on('error', reject);
          },
        )
          .on('error', reject)
          .end();
      });
      expect(length).toBe(total);
      expect(received.digest('hex')).toBe(file.sha256);
    } finally {
      clearInterval(sampler);
    }
    expect((peak - before) / MiB).toBeLessThan(40);
  });
});
