import { Logger, OnApplicationShutdown } from '@nestjs/common';
import amqp, { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';
import { COMMANDS_EXCHANGE, DEAD_LETTER_EXCHANGE, EVENTS_EXCHANGE } from '@dvc/contracts';

/**
 * One reconnecting AMQP connection per process for events (RPC has its own, inside Nest's
 * transport). Declares the shared topology: the durable `dvc.events` topic exchange, the
 * `dvc.dlx` dead-letter exchange and the durable `dvc.commands` topic exchange agency systems
 * send their commands to.
 */
export class AmqpConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Amqp');
  readonly manager: AmqpConnectionManager;
  /** Confirm channel used to publish events. */
  readonly publisher: ChannelWrapper;

  constructor(url: string, name: string) {
    this.manager = amqp.connect([url], {
      heartbeatIntervalInSeconds: 10,
      reconnectTimeInSeconds: 1,
      connectionOptions: { noDelay: true, clientProperties: { connection_name: name } },
    });
    this.manager.on('disconnect', ({ err }) =>
      this.logger.warn(`disconnected: ${err?.message ?? 'closed'}`),
    );
    this.manager.on('connect', () => this.logger.log('connected'));
    this.publisher = this.manager.createChannel({
      confirm: true,
      json: false,
      setup: (channel: ConfirmChannel) => declareExchanges(channel),
    });
  }

  get isConnected(): boolean {
    return this.manager.isConnected();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close();
    await this.manager.close();
  }
}

export async function declareExchanges(channel: ConfirmChannel): Promise<void> {
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  await channel.assertExchange(DEAD_LETTER_EXCHANGE, 'direct', { durable: true });
  await channel.assertExchange(COMMANDS_EXCHANGE, 'topic', { durable: true });
}
