import { ConfigError, loadConfig } from '@dvc/config';
import { startPayment } from './app';
import { PaymentConfig } from './payment.config';

async function main(): Promise<void> {
  const config = loadConfig(PaymentConfig);
  await startPayment(config);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
