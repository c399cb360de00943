import { ConfigError, loadConfig } from '@dvc/config';
import { startStorage } from './app';
import { StorageConfig } from './storage.config';

async function main(): Promise<void> {
  const config = loadConfig(StorageConfig);
  await startStorage(config);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
