import type { ProcessStack } from '../scripts/process-stack';
import type { Measure } from './cost';
import { percentiles } from './measure';
import { PortalClient, pdfOf } from './portal-client';

/**
 * Event → bell: an officer receives a citizen's dossier; how long until the citizen's open
 * SSE stream carries the notification (officer request sent → SSE message, so it includes the
 * commit, the outbox relay, RabbitMQ, the notification service, Redis pub/sub and the
 * gateway). Target: p50 < 50 ms.
 */
export async function eventToBell(stack: ProcessStack, measure: Measure, samples = 40) {
  const gateway = stack.url('gateway');
  const citizen = await PortalClient.login(gateway, 'citizen@dvc.local');
  const officer = await PortalClient.login(gateway, 'officer@dvc.local');
  const dossiers: string[] = [];
  for (let i = 0; i < samples; i++) dossiers.push(await citizen.submitDossier(pdfOf(2048)));

  const stream = await openStream(`${gateway}/api/v1/notifications/stream`, citizen.bearer);
  try {
    const latencies: number[] = [];
    const { cost } = await measure('bell', async () => {
      for (const id of dossiers) {
        const arrived = stream.next(
          (data) => data.includes(id) && data.includes('"dossier.received"'),
        );
        const t0 = performance.now();
        await officer.json('POST', `/officer/dossiers/${id}/actions/receive`, {});
        await arrived;
        latencies.push(performance.now() - t0);
      }
      return { operations: latencies.length };
    });
    const p = percentiles(latencies);
    return {
      cost,
      samples: latencies.length,
      p50Ms: p.p50,
      p99Ms: p.p99,
      maxMs: p.max,
      target: { p50Ms: '< 50' },
    };
  } finally {
    stream.close();
  }
}

/** A minimal SSE reader: resolves `next()` with the first `data:` line matching a predicate. */
async function openStream(url: string, bearer: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: bearer, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (!response.ok || !response.body) throw new Error(`SSE: ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const waiting: { match: (data: string) => boolean; resolve: () => void }[] = [];
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5))
          .join('\n');
        const i = waiting.findIndex((w) => w.match(data));
        if (i >= 0) waiting.splice(i, 1)[0].resolve();
      }
    }
  })();
  return {
    next: (match: (data: string) => boolean) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no bell message within 10 s')), 10_000);
        waiting.push({ match, resolve: () => (clearTimeout(timer), resolve()) });
      }),
    close: () => controller.abort(),
  };
}
