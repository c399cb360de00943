import { ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Logger } from '@nestjs/common';

export interface EmbeddedS3 {
  port: number;
  close(): Promise<void>;
}

/**
 * Runs s3rver in a child process and tells the parent its port.
 *
 * s3rver 3's filesystem store deletes an object's folder as soon as it is empty, while a
 * concurrent put into the same folder (`quarantine/`) may have created it and not yet opened
 * its file: that file stream then fails with ENOENT, unhandled, and the process dies. Two of
 * its store methods are replaced here: a delete leaves folders in place, and a put writes
 * through `pipeline` (an error rejects the request) and answers once the bytes are on disk.
 * The child stays restartable, but no longer has a reason to die.
 *
 * A put also writes a new file and renames it over the object, so an object file never
 * changes once written; a server-side copy (every upload's move from quarantine/ to clean/)
 * can then hard-link it instead of copying every byte.
 */
const CHILD = (s3rverPath: string) => `
const { createHash, randomUUID } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { Readable, Transform } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const S3rver = require(${JSON.stringify(s3rverPath)});
const FilesystemStore = require(path.join(${JSON.stringify(s3rverPath)}, '..', 'stores', 'filesystem.js'));

FilesystemStore.prototype.deleteObject = async function (bucket, key) {
  await Promise.all(
    ['object', 'object.md5', 'metadata.json'].map((resource) =>
      fs.promises.unlink(this.getResourcePath(bucket, key, resource)).catch((err) => {
        if (err.code !== 'ENOENT') throw err;
      }),
    ),
  );
};

FilesystemStore.prototype.putObject = async function (object) {
  const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
  await fs.promises.mkdir(path.dirname(objectPath), { recursive: true });
  const md5 = createHash('md5');
  let size = 0;
  const content = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
  const written = objectPath + '.' + randomUUID() + '.tmp';
  try {
    await pipeline(
      content,
      new Transform({
        transform(chunk, encoding, done) {
          md5.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      }),
      fs.createWriteStream(written),
    );
    await fs.promises.rename(written, objectPath);
  } catch (err) {
    await fs.promises.unlink(written).catch(() => undefined);
    throw err;
  }
  const digest = md5.digest('hex');
  await this.putMetadata(object.bucket, object.key, object.metadata, digest);
  return { size, md5: digest };
};

FilesystemStore.prototype.copyObject = async function (srcBucket, srcKey, destBucket, destKey, replacementMetadata) {
  const from = (resource) => this.getResourcePath(srcBucket, srcKey, resource);
  const to = (resource) => this.getResourcePath(destBucket, destKey, resource);
  if (from('object') !== to('object')) {
    await fs.promises.mkdir(path.dirname(to('object')), { recursive: true });
    const linked = to('object') + '.' + randomUUID() + '.tmp';
    await fs.promises.link(from('object'), linked);
    await fs.promises.rename(linked, to('object'));
  }
  if (replacementMetadata) {
    await this.putMetadata(destBucket, destKey, replacementMetadata);
  } else if (from('object') !== to('object')) {
    await Promise.all(['metadata.json', 'object.md5'].map((r) => fs.promises.copyFile(from(r), to(r))));
  }
  return this.getMetadata(destBucket, destKey);
};

const [port, directory] = process.argv.slice(1);
new S3rver({ address: '127.0.0.1', port: Number(port), silent: true, directory })
  .run()
  .then((address) => process.send({ port: address.port }), (err) => { console.error(err.message); process.exit(70); });
process.on('disconnect', () => process.exit(0));
`;

/**
 * Development default (docs/design.md §6): an S3-compatible server on 127.0.0.1 keeping its
 * objects under `directory`, restarted if it dies. s3rver is a development dependency, so it
 * is loaded only here, never in production (where MINIO_ENDPOINT is required).
 */
export async function startEmbeddedS3(directory: string, port: number): Promise<EmbeddedS3> {
  const logger = new Logger('EmbeddedS3');
  const path = resolve(directory);
  await mkdir(path, { recursive: true });
  const code = CHILD(require.resolve('s3rver'));
  let closing = false;
  let started = false;
  let actualPort = port;
  let child: ChildProcess;

  const launch = (onPort: number) =>
    new Promise<number>((resolvePort, reject) => {
      child = spawn(process.execPath, ['-e', code, String(onPort), path], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.once('message', (message: { port: number }) => resolvePort(message.port));
      child.once('exit', (exitCode) => {
        reject(
          new Error(
            `Could not start the embedded s3rver on 127.0.0.1:${onPort} (exit ${exitCode}). ` +
              'Free the port, set S3RVER_PORT, or set MINIO_ENDPOINT to use a running MinIO.',
          ),
        );
        if (started && !closing) {
          logger.warn(`embedded s3rver exited (${exitCode}); starting it again`);
          void launch(actualPort).catch((err: Error) => logger.error(err.message));
        }
      });
    });

  actualPort = await launch(port);
  started = true;
  return {
    port: actualPort,
    close: () =>
      new Promise<void>((done) => {
        closing = true;
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
