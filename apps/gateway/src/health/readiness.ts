import Redis from 'ioredis';
import {
  CatalogueRpc,
  DossierRpc,
  IdentityRpc,
  NoInput,
  PaymentRpc,
  RpcRequest,
  StorageRpc,
  NotificationRpc,
} from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { ReadinessCheck, ReadinessChecksFactory, amqpCheck, redisCheck } from '@dvc/observability';
import {
  CATALOGUE_RPC,
  DOSSIER_RPC,
  IDENTITY_RPC,
  PAYMENT_RPC,
  STORAGE_RPC,
  NOTIFICATION_RPC,
} from '../rpc/rpc.module';

const PING: RpcRequest<NoInput> = {
  caller: null,
  correlationId: 'readiness',
  data: {},
};

type PingPattern =
  | typeof IdentityRpc.ping
  | typeof CatalogueRpc.ping
  | typeof DossierRpc.ping
  | typeof StorageRpc.ping
  | typeof PaymentRpc.ping
  | typeof NotificationRpc.ping;

/** A service is ready when it answers its ping pattern (OpsModule gives each check 2 s). */
function serviceCheck(name: string, client: RpcClient, pattern: PingPattern): ReadinessCheck {
  return { name, check: async () => void (await client.send(pattern, PING)) };
}

/** What the gateway needs to serve: Redis, the broker, and each service it calls. */
export const gatewayReadiness: ReadinessChecksFactory = {
  inject: [
    Redis,
    IDENTITY_RPC,
    CATALOGUE_RPC,
    DOSSIER_RPC,
    STORAGE_RPC,
    PAYMENT_RPC,
    NOTIFICATION_RPC,
  ],
  useFactory: (
    redis: Redis,
    identity: RpcClient,
    catalogue: RpcClient,
    dossier: RpcClient,
    storage: RpcClient,
    payment: RpcClient,
    notification: RpcClient,
  ) => [
    redisCheck(redis),
    amqpCheck(() =>
      [identity, catalogue, dossier, storage, payment, notification].every(
        (client) => client.isConnected,
      ),
    ),
    serviceCheck('identity', identity, IdentityRpc.ping),
    serviceCheck('catalogue', catalogue, CatalogueRpc.ping),
    serviceCheck('dossier', dossier, DossierRpc.ping),
    serviceCheck('storage', storage, StorageRpc.ping),
    serviceCheck('payment', payment, PaymentRpc.ping),
    serviceCheck('notification', notification, NotificationRpc.ping),
  ],
};
