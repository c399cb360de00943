import { startHubSimulator } from './hub-simulator';

/**
 * The national hub simulator as `npm start` runs it: at the port of NATIONAL_HUB_URL, taking
 * the session token national-sync sends. Development only: it refuses production.
 */
async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production') {
    console.error(
      'national-hub-simulator: refusing to start with NODE_ENV=production (development only).',
    );
    process.exit(1);
  }
  const hubUrl = new URL(process.env.NATIONAL_HUB_URL ?? 'http://127.0.0.1:3095');
  const simulator = await startHubSimulator({
    host: process.env.HTTP_HOST ?? '127.0.0.1',
    port: Number(hubUrl.port || 80),
    token: process.env.NATIONAL_HUB_TOKEN ?? 'dev-only-national-hub-token',
  });
  console.log(
    `national-hub-simulator: the national hub at ${simulator.url} (records: ${simulator.url}/_sim/records)`,
  );
  const stop = () => void simulator.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
