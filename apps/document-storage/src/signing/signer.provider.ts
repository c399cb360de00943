import type { Provider } from '@nestjs/common';
import { StorageConfig } from '../storage.config';
import { DevelopmentSigningKeys } from './development-signing-keys';
import { DocumentSigner } from './document-signer';
import { Pkcs12DocumentSigner } from './pkcs12-signer';
import { SecretSigningKeys } from './secret-signing-keys';

/**
 * SIGNER=pkcs12 (production: the agencies' keys from secrets) or development (a local CA,
 * its root made at start so the README's "trust it in your PDF reader" has a file to point at).
 */
export const signerProvider: Provider = {
  provide: DocumentSigner,
  inject: [StorageConfig],
  useFactory: async (config: StorageConfig): Promise<DocumentSigner> => {
    if (config.SIGNER === 'pkcs12') {
      return new Pkcs12DocumentSigner(
        new SecretSigningKeys(
          config.SIGNING_P12_DIRECTORY ?? '',
          config.SIGNING_P12_PASSPHRASE ?? '',
          config.SIGNING_TRUST_ROOTS ?? '',
        ),
      );
    }
    const keys = new DevelopmentSigningKeys(config.SIGNING_DIRECTORY);
    await keys.ensureRoot();
    return new Pkcs12DocumentSigner(keys);
  },
};
