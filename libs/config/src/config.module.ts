import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { BaseConfig } from './base.config';

/**
 * Provides one already-validated config object under its own class as the token, so
 * feature code injects `IdentityConfig` (for example) and never reads process.env.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot<T extends object>(config: T): DynamicModule {
    const token = config.constructor as new () => T;
    const providers: Provider[] = [{ provide: token, useValue: config }];
    // Libraries (database, messaging, observability) only need the base part.
    if (config instanceof BaseConfig && token !== BaseConfig) {
      providers.push({ provide: BaseConfig, useValue: config });
    }
    return {
      module: ConfigModule,
      providers,
      exports: providers.map((p) => (p as { provide: unknown }).provide as never),
    };
  }
}
