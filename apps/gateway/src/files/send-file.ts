import type { FastifyReply } from 'fastify';
import type { StreamedFile } from '../upstream/internal-http';

/** Streams a file to the client as a download: never cached by shared caches, never rendered inline. */
export async function sendFile(reply: FastifyReply, file: StreamedFile): Promise<void> {
  await reply
    .status(200)
    .headers({
      ...file.headers,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    })
    .send(file.body);
}
