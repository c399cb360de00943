import { Global, Module } from '@nestjs/common';
import { ObjectStore } from './object-store';
import { objectStoreProvider } from './object-store.provider';

/** The app's one ObjectStore. Global because the readiness check (OpsModule) needs it too. */
@Global()
@Module({ providers: [objectStoreProvider], exports: [ObjectStore] })
export class ObjectStoreModule {}
