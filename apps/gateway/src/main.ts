import { ConfigError, loadConfig } from '@dvc/config';
import { startGateway } from './app';
import { GatewayConfig } from './gateway.config';

async function main(): Promise<void> {
  const config = loadConfig(GatewayConfig);
  const app = await startGateway(config);
  app.enableShutdownHooks();
}

main().catch((err: unknown) => {
  // A config error is a list for a human; anything else needs its stack.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
