import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';

export interface EmbeddedS3 {
  port: number;
  close(): Promise<void>;
}

/**
 * Development default (DESIGN.md §6): an S3-compatible server in this process, on
 * 127.0.0.1, keeping its objects under `directory`. s3rver is a development dependency, so it
 * is loaded only here, never in production (where MINIO_ENDPOINT is required).
 */
export async function startEmbeddedS3(directory: string, port: number): Promise<EmbeddedS3> {
  const { default: S3rver } = await import('s3rver');
  const path = resolve(directory);
  await mkdir(path, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory: path });
  try {
    const address = await server.run();
    return { port: address.port, close: () => server.close() };
  } catch (err) {
    throw new Error(
      `Could not start the embedded s3rver on 127.0.0.1:${port} (${(err as Error).message}). ` +
        'Free the port, set S3RVER_PORT, or set MINIO_ENDPOINT to use a running MinIO.',
    );
  }
}
