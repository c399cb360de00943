import { Channel, ChannelModel, ConsumeMessage, connect } from 'amqplib';
import type { ProblemShape, RpcRequest } from '@dvc/contracts';

/** An answer, an error reply, or no reply at all (to test the caller's timeout). */
export type FakeReply = { response: unknown } | { err: ProblemShape | unknown } | 'silent';
type Handler = (request: RpcRequest<Record<string, unknown>>) => FakeReply;

/**
 * Stands in for a neighbour service on its RPC queue: a raw amqplib consumer answering on
 * `replyTo` in Nest's RMQ reply format (`{id, response|err, isDisposed: true}`), so a service
 * is tested through its real RpcClients without the other apps. A pattern without a handler
 * gets a 501 problem, or no answer at all with `{ unhandled: 'silent' }`.
 */
export class FakeRpcService {
  readonly received: { pattern: string; request: RpcRequest<Record<string, unknown>> }[] = [];
  private readonly handlers = new Map<string, Handler>();

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
    private readonly unhandled: 'problem' | 'silent',
  ) {}

  static async start(
    url: string,
    queue: string,
    options: { unhandled?: 'problem' | 'silent' } = {},
  ): Promise<FakeRpcService> {
    const connection = await connect(url);
    const channel = await connection.createChannel();
    await channel.assertQueue(queue, { durable: true });
    const fake = new FakeRpcService(connection, channel, options.unhandled ?? 'problem');
    await channel.consume(
      queue,
      (msg) => {
        if (!msg) return;
        fake.answer(msg);
        channel.ack(msg);
      },
      { noAck: false },
    );
    return fake;
  }

  on(pattern: string, handler: Handler): this {
    this.handlers.set(pattern, handler);
    return this;
  }

  off(pattern: string): this {
    this.handlers.delete(pattern);
    return this;
  }

  requests(pattern: string): RpcRequest<Record<string, unknown>>[] {
    return this.received.filter((r) => r.pattern === pattern).map((r) => r.request);
  }

  lastRequest(pattern: string): RpcRequest<Record<string, unknown>> | undefined {
    return this.requests(pattern).at(-1);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private answer(msg: ConsumeMessage): void {
    const packet = JSON.parse(msg.content.toString('utf8')) as {
      id: string;
      pattern: string;
      data: RpcRequest<Record<string, unknown>>;
    };
    this.received.push({ pattern: packet.pattern, request: packet.data });
    const handler = this.handlers.get(packet.pattern);
    const reply: FakeReply = handler
      ? handler(packet.data)
      : this.unhandled === 'silent'
        ? 'silent'
        : {
            err: {
              status: 501,
              code: 'fake.unhandled',
              title: 'Not handled',
              detail: packet.pattern,
            },
          };
    if (reply === 'silent') return;
    const body = { id: packet.id, ...reply, isDisposed: true };
    this.channel.sendToQueue(msg.properties.replyTo as string, Buffer.from(JSON.stringify(body)), {
      correlationId: msg.properties.correlationId as string,
    });
  }
}

export function notFound(code: string): FakeReply {
  return { err: { status: 404, code, title: 'Không tìm thấy', detail: code } };
}
