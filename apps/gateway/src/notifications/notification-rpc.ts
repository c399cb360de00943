import { RpcQueues } from '@dvc/contracts';
import { RpcClient } from '@dvc/messaging';
import { GatewayConfig } from '../gateway.config';

/** The notification service's RpcClient (own AMQP connection, a deadline on every call). */
export const NOTIFICATION_RPC = Symbol('NOTIFICATION_RPC');

export const notificationRpcClient = {
  provide: NOTIFICATION_RPC,
  inject: [GatewayConfig],
  useFactory: (config: GatewayConfig) =>
    new RpcClient('notification', RpcQueues.notification, config.AMQP_URL, config.RPC_TIMEOUT_MS),
};
