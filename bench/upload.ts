import { Client } from 'minio';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import type { ProcessStack } from '../scripts/process-stack';
import type { Measure } from './cost';
import { login, round, rssMb } from './measure';

const MB = 1024 * 1024;

/**
 * File bodies: upload throughput through the gateway (→ document-storage → object store,
 * sniffed, hashed, scanned) beside a direct put to the object store, and the gateway's
 * memory during one 200 MB upload. Targets: ratio ≥ 0.7, RSS growth < 50 MB.
 */
export async function uploads(
  stack: ProcessStack,
  measure: Measure,
  fileMb = 8,
  rounds = 8,
  bigMb = 200,
) {
  const gateway = stack.url('gateway');
  const token = await login(gateway, 'citizen@dvc.local');
  const body = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(fileMb * MB - 9, 0x20)]);

  const viaGateway = await measure('upload', async () => ({
    operations: rounds + 1, // and the warm-up
    seconds: await timed(rounds, async () => {
      const form = new FormData();
      form.append('type', 'other');
      form.append('title', 'Bench');
      form.append('file', new Blob([body], { type: 'application/pdf' }), 'bench.pdf');
      const response = await fetch(`${gateway}/api/v1/me/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      if (response.status !== 201)
        throw new Error(`upload: ${response.status} ${await response.text()}`);
    }),
  }));

  const s3 = new Client({
    endPoint: '127.0.0.1',
    port: Number(stack.env.S3RVER_PORT),
    useSSL: false,
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
  });
  const direct = await timed(rounds, async (i) => {
    await s3.putObject('dvc-files', `bench/direct-${i}`, body, body.length);
  });

  const memory = await bigUpload(gateway, token, stack.pid('gateway'), bigMb);
  const mbPerSecond = (seconds: number) => round((fileMb * rounds) / seconds, 1);
  return {
    fileMb,
    rounds,
    gatewayMBps: mbPerSecond(viaGateway.seconds),
    directPutMBps: mbPerSecond(direct),
    ratio: round(direct / viaGateway.seconds, 3),
    cost: viaGateway.cost,
    bigUpload: memory,
    targets: { ratio: '≥ 0.7', rssGrowthMb: '< 50' },
  };
}

async function timed(rounds: number, work: (i: number) => Promise<void>): Promise<number> {
  await work(-1); // warm-up
  const t0 = Date.now();
  for (let i = 0; i < rounds; i++) await work(i);
  return (Date.now() - t0) / 1000;
}

/** One multipart upload of `sizeMb`, generated on the fly, while sampling the gateway's RSS. */
async function bigUpload(gateway: string, token: string, pid: number, sizeMb: number) {
  const boundary = 'dvcbenchboundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nother\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nBig\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(256 * 1024, 0x20);
  const chunks = Math.floor((sizeMb * MB) / chunk.length);
  const source = Readable.from(
    (function* () {
      yield head;
      for (let i = 0; i < chunks; i++) yield chunk;
      yield tail;
    })(),
  );
  const before = rssMb(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  const t0 = Date.now();
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(`${gateway}/api/v1/me/documents`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    source.pipe(req);
  });
  clearInterval(sampler);
  return {
    sizeMb,
    status,
    seconds: round((Date.now() - t0) / 1000, 2),
    gatewayRssBeforeMb: before,
    gatewayRssPeakMb: peak,
    growthMb: round(peak - before, 1),
  };
}
