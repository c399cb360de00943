import type { Provider } from '@nestjs/common';
import { Client } from 'minio';
import { StorageConfig } from '../storage.config';
import { startEmbeddedS3 } from './embedded-s3';
import { ObjectStore } from './object-store';

/** MinIO at MINIO_ENDPOINT, or (development, tests) an embedded s3rver this app starts and stops. */
export const objectStoreProvider: Provider = {
  provide: ObjectStore,
  inject: [StorageConfig],
  useFactory: async (config: StorageConfig): Promise<ObjectStore> => {
    if (config.MINIO_ENDPOINT) {
      const client = new Client({
        endPoint: config.MINIO_ENDPOINT,
        port: config.MINIO_PORT,
        useSSL: config.MINIO_USE_SSL,
        accessKey: config.MINIO_ACCESS_KEY,
        secretKey: config.MINIO_SECRET_KEY,
      });
      return new ObjectStore(client, config.MINIO_BUCKET);
    }
    const embedded = await startEmbeddedS3(config.S3RVER_DIRECTORY, config.S3RVER_PORT);
    // s3rver knows one account, S3RVER/S3RVER, whatever the configuration says.
    const client = new Client({
      endPoint: '127.0.0.1',
      port: embedded.port,
      useSSL: false,
      accessKey: 'S3RVER',
      secretKey: 'S3RVER',
    });
    return new ObjectStore(client, config.MINIO_BUCKET, () => embedded.close());
  },
};
