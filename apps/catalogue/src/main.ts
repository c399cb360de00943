import { ConfigError, loadConfig } from '@dvc/config';
import { startCatalogue } from './app';
import { CatalogueConfig } from './catalogue.config';

async function main(): Promise<void> {
  const config = loadConfig(CatalogueConfig);
  await startCatalogue(config);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
