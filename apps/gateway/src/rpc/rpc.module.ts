import { Global, Module } from '@nestjs/common';
import { RpcQueues } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { GatewayConfig } from '../gateway.config';

/** Injection tokens of the RpcClient of each service the gateway calls. */
export const IDENTITY_RPC = Symbol('IDENTITY_RPC');
export const CATALOGUE_RPC = Symbol('CATALOGUE_RPC');
export const DOSSIER_RPC = Symbol('DOSSIER_RPC');
export const STORAGE_RPC = Symbol('STORAGE_RPC');
export const PAYMENT_RPC = Symbol('PAYMENT_RPC');
export const NOTIFICATION_RPC = Symbol('NOTIFICATION_RPC');
export const NATIONAL_SYNC_RPC = Symbol('NATIONAL_SYNC_RPC');

const clientFor = (token: symbol, service: keyof typeof RpcQueues) => ({
  provide: token,
  inject: [GatewayConfig],
  useFactory: (config: GatewayConfig) =>
    new RpcClient(service, RpcQueues[service], config.AMQP_URL, config.RPC_TIMEOUT_MS),
});

/** One RpcClient (its own AMQP connection, deadline on every call) per service. */
@Global()
@Module({
  providers: [
    clientFor(IDENTITY_RPC, 'identity'),
    clientFor(CATALOGUE_RPC, 'catalogue'),
    clientFor(DOSSIER_RPC, 'dossier'),
    clientFor(STORAGE_RPC, 'storage'),
    clientFor(PAYMENT_RPC, 'payment'),
    clientFor(NOTIFICATION_RPC, 'notification'),
    clientFor(NATIONAL_SYNC_RPC, 'nationalSync'),
  ],
  exports: [
    IDENTITY_RPC,
    CATALOGUE_RPC,
    DOSSIER_RPC,
    STORAGE_RPC,
    PAYMENT_RPC,
    NOTIFICATION_RPC,
    NATIONAL_SYNC_RPC,
  ],
})
export class RpcModule {}
