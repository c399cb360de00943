import 'reflect-metadata';
import { loadConfig } from '@dvc/config';
import { startNotification } from './app';
import { NotificationConfig } from './notification.config';

async function main(): Promise<void> {
  const config = loadConfig(NotificationConfig);
  await startNotification(config);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
