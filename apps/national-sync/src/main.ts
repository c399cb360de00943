import 'reflect-metadata';
import { loadConfig } from '@dvc/config';
import { startNationalSync } from './app';
import { NationalSyncConfig } from './national-sync.config';

async function main(): Promise<void> {
  const config = loadConfig(NationalSyncConfig);
  await startNationalSync(config);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
