import { readFileSync } from 'node:fs';
import { autoProcess } from './auto-processor';
import { MinistryClient } from './ministry-client';
import { resultPdf } from './result-pdf';

/**
 * The sample ministry client, runnable after `npm run build`:
 *
 *   AMQP_URL=amqp://agency-000_00_01_H26:<password>@127.0.0.1:5672 \
 *   AGENCY_CODE=000.00.01.H26 node dist/examples/ministry-client/src/main.js
 *
 * RESULT_PDF=<path> returns that file instead of a generated one. Ctrl-C stops it.
 */
async function main(): Promise<void> {
  const url = process.env.AMQP_URL;
  const agencyCode = process.env.AGENCY_CODE;
  if (!url || !agencyCode) {
    throw new Error(
      'Set AMQP_URL (amqp://agency-<code with _>:<password>@<host>:5672[/<vhost>]) and AGENCY_CODE (e.g. 000.00.01.H26).',
    );
  }
  const fixed = process.env.RESULT_PDF ? readFileSync(process.env.RESULT_PDF) : null;
  const client = await MinistryClient.connect({ url, agencyCode });
  autoProcess(client, { resultPdf: (code) => fixed ?? resultPdf(code) });
  console.log(`Listening on ${client.inbox} as ${client.user}; commands go to dvc.commands.`);
  const stop = () => void client.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
