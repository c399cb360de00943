import { ConfigError, loadConfig } from '@dvc/config';
import { startDossier } from './app';
import { DossierConfig } from './dossier.config';

async function main(): Promise<void> {
  const config = loadConfig(DossierConfig);
  await startDossier(config);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
