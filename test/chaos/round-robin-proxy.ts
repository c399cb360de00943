import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** Requests each target answered, by target origin. */
  served: Map<string, number>;
  close(): Promise<void>;
}

/**
 * A load balancer for tests: each request goes to the next target in turn, and a target that
 * refuses the connection is skipped (as a balancer's health check would drop it), so a killed
 * instance only fails the requests it was serving. Request bodies are read first (the tests
 * send small ones) so that a skipped target's request can be sent to the next; answers,
 * server-sent event streams included, are piped through.
 */
export async function startRoundRobinProxy(targets: string[], port = 0): Promise<RoundRobinProxy> {
  const served = new Map(targets.map((t) => [new URL(t).origin, 0]));
  let next = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(1, Buffer.concat(chunks)));
    const forward = (attempt: number, body: Buffer) => {
      const target = new URL(targets[next++ % targets.length]);
      const upstream = request(
        {
          hostname: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          served.set(target.origin, (served.get(target.origin) ?? 0) + 1);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('error', () => res.destroy());
        },
      );
      upstream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNREFUSED' && attempt < targets.length)
          return forward(attempt + 1, body);
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
      res.on('close', () => upstream.destroy());
      upstream.end(body);
    };
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
