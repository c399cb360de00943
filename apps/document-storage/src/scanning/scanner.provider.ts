import type { Provider } from '@nestjs/common';
import { StorageConfig } from '../storage.config';
import { ClamdScanner } from './clamd.scanner';
import { Scanner } from './scanner';
import { SignatureListScanner } from './signature-list.scanner';

/** SCANNER=clamd (production) or the EICAR signature list (development, tests). */
export const scannerProvider: Provider = {
  provide: Scanner,
  inject: [StorageConfig],
  useFactory: (config: StorageConfig): Scanner =>
    config.SCANNER === 'clamd'
      ? new ClamdScanner({
          host: config.CLAMD_HOST,
          port: config.CLAMD_PORT,
          timeoutMs: config.CLAMD_TIMEOUT_MS,
        })
      : new SignatureListScanner(),
};
