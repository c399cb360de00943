import { Channel, ChannelModel, ConsumeMessage, connect } from 'amqplib';
import type { ProblemShape, RpcRequest } from '@dvc/contracts';

export type Reply = { response: unknown } | { err: ProblemShape };
type Handler = (request: RpcRequest<Record<string, unknown>>) => Reply;

/**
 * Stands in for a neighbour service on its RPC queue: a raw amqplib consumer answering on
 * `replyTo` in Nest's RMQ reply format (`{id, response|err, isDisposed: true}`), so the
 * payment service is tested through its real RpcClients without the other apps.
 */
export class FakeRpcService {
  readonly received: { pattern: string; request: RpcRequest<Record<string, unknown>> }[] = [];
  private readonly handlers = new Map<string, Handler>();

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: Channel,
  ) {}

  static async start(url: string, queue: string): Promise<FakeRpcService> {
    const connection = await connect(url);
    const channel = await connection.createChannel();
    await channel.assertQueue(queue, { durable: true });
    const fake = new FakeRpcService(connection, channel);
    await channel.consume(queue, (msg) => msg && fake.answer(msg), { noAck: true });
    return fake;
  }

  on(pattern: string, handler: Handler): this {
    this.handlers.set(pattern, handler);
    return this;
  }

  requests(pattern: string): RpcRequest<Record<string, unknown>>[] {
    return this.received.filter((r) => r.pattern === pattern).map((r) => r.request);
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
    const reply: Reply = handler
      ? handler(packet.data)
      : {
          err: {
            status: 501,
            code: 'fake.unhandled',
            title: 'Not handled',
            detail: packet.pattern,
          },
        };
    const body = { id: packet.id, ...reply, isDisposed: true };
    this.channel.sendToQueue(msg.properties.replyTo as string, Buffer.from(JSON.stringify(body)), {
      correlationId: msg.properties.correlationId as string,
    });
  }
}

export function notFound(code: string): Reply {
  return { err: { status: 404, code, title: 'Không tìm thấy', detail: code } };
}
