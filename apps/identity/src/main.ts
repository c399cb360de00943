import { ConfigError, loadConfig } from '@dvc/config';
import { startIdentity } from './app';
import { IdentityConfig } from './identity.config';

async function main(): Promise<void> {
  const config = loadConfig(IdentityConfig);
  await startIdentity(config);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
