import { RmqOptions, Transport } from '@nestjs/microservices';

/**
 * amqplib leaves Nagle's algorithm on: a small RPC frame then waits for the peer's delayed
 * ACK (≈ 40 ms a hop). Request/response traffic wants every frame sent at once.
 */
export const SOCKET_OPTIONS = { connectionOptions: { noDelay: true } };

export interface RpcTransportConfig {
  AMQP_URL: string;
  RPC_PREFETCH: number;
}

/**
 * RPC server side (docs/design.md §3): one durable queue per service, manual acks (the
 * RpcAckInterceptor acks once the reply is produced), bounded prefetch.
 */
export function rpcServerOptions(config: RpcTransportConfig, queue: string): RmqOptions {
  return {
    transport: Transport.RMQ,
    options: {
      urls: [config.AMQP_URL],
      queue,
      queueOptions: { durable: true },
      noAck: false,
      prefetchCount: config.RPC_PREFETCH,
      persistent: true,
      socketOptions: SOCKET_OPTIONS,
    },
  };
}

/**
 * RPC client side. Replies come on RabbitMQ's direct reply-to pseudo-queue, which only
 * allows auto-ack consumers, so the client keeps the transport's default for replies.
 */
export function rpcClientOptions(
  config: Pick<RpcTransportConfig, 'AMQP_URL'>,
  queue: string,
): RmqOptions {
  return {
    transport: Transport.RMQ,
    options: {
      urls: [config.AMQP_URL],
      queue,
      queueOptions: { durable: true },
      persistent: true,
      socketOptions: SOCKET_OPTIONS,
    },
  };
}
