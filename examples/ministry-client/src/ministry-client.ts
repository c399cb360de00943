import amqplib, { ChannelModel, ConfirmChannel, ConsumeMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
// Types only (erased when compiled): the sample stays in step with the portal's contracts.
// An agency copying it takes the shapes from docs/asyncapi.yaml instead.
import type {
  AgencyCommandData,
  AgencyDossierEvent,
  CommandAcceptedEvent,
  CommandRejectedEvent,
  CommandType,
  EventEnvelope,
} from '@dvc/contracts';

/** Where commands go (docs/asyncapi.yaml, channel `commands`). */
const COMMANDS_EXCHANGE = 'dvc.commands';

/** One agency = one word in routing keys and names: its code with `_` for `.`. */
const agencyWord = (agencyCode: string) => agencyCode.replace(/\./g, '_');

export type DossierEvent = EventEnvelope<AgencyDossierEvent & Record<string, unknown>>;
export type CommandAnswer =
  | (EventEnvelope<CommandAcceptedEvent> & { type: 'command.accepted' })
  | (EventEnvelope<CommandRejectedEvent> & { type: 'command.rejected' });
/** What a command carries besides the agency (added by the client). */
export type CommandInput = Omit<Partial<AgencyCommandData>, 'agencyCode'> & {
  dossierCode: string;
};

export interface MinistryClientOptions {
  /** amqp://agency-<code with _>:<password>@<broker host>:5672/<vhost> */
  url: string;
  agencyCode: string;
  /** How long `send` waits for the answer to a command. */
  answerTimeoutMs?: number;
  log?: (line: string) => void;
}

type EventHandler = (event: DossierEvent) => Promise<void> | void;

/**
 * An agency system's connection to the portal (Cổng Dịch vụ công): consumes its own queue
 * `agency.<code>.inbox` (dossier events of the agency and the answers to its commands) and
 * publishes commands to `dvc.commands` as its own RabbitMQ user, with that user as the
 * `user_id` property (the portal refuses commands without it; RabbitMQ refuses a wrong one).
 */
export class MinistryClient {
  /** Every answer received, in order. */
  readonly answers: CommandAnswer[] = [];
  /** Every dossier event received, in order. */
  readonly events: DossierEvent[] = [];
  readonly user: string;
  readonly inbox: string;
  private readonly handlers: EventHandler[] = [];
  /** Who waits for the answer to which command id. */
  private readonly waiting = new Map<string, ((answer: CommandAnswer) => void)[]>();
  private readonly log: (line: string) => void;

  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: ConfirmChannel,
    private readonly options: MinistryClientOptions,
  ) {
    this.user = `agency-${agencyWord(options.agencyCode)}`;
    this.inbox = `agency.${agencyWord(options.agencyCode)}.inbox`;
    this.log = options.log ?? ((line) => console.log(line));
  }

  static async connect(options: MinistryClientOptions): Promise<MinistryClient> {
    const connection = await amqplib.connect(options.url);
    const channel = await connection.createConfirmChannel();
    const client = new MinistryClient(connection, channel, options);
    // Events are handled concurrently (a handler waits for answers that arrive on this same
    // queue) and acknowledged once handled, so a crash mid-way gets them delivered again.
    await channel.prefetch(20);
    await channel.consume(client.inbox, (msg) => msg && void client.receive(msg), {
      noAck: false,
    });
    return client;
  }

  /** Called for every dossier event of the agency (`dossier.submitted`, `dossier.status_changed`, …). */
  onEvent(handler: EventHandler): void {
    this.handlers.push(handler);
  }

  /** Publishes a command and waits for its answer (accepted or rejected). */
  async send(type: CommandType, data: CommandInput, id = randomUUID()): Promise<CommandAnswer> {
    const answered = this.answerTo(id);
    await this.publish(type, data, id);
    return answered;
  }

  /** Publishes a command (confirmed by the broker); answers its id. A replay reuses the id. */
  async publish(type: CommandType, data: CommandInput, id = randomUUID()): Promise<string> {
    const envelope = {
      id,
      type,
      occurredAt: new Date().toISOString(),
      version: 1,
      correlationId: id,
      data: { ...data, agencyCode: this.options.agencyCode },
    };
    this.channel.publish(COMMANDS_EXCHANGE, type, Buffer.from(JSON.stringify(envelope)), {
      userId: this.user,
      messageId: id,
      type,
      contentType: 'application/json',
      persistent: true,
    });
    await this.channel.waitForConfirms();
    return id;
  }

  /** The answer to command `id`, already received or still to come. */
  answerTo(id: string): Promise<CommandAnswer> {
    const known = this.answers.find((a) => a.data.commandId === id);
    if (known) return Promise.resolve(known);
    const timeoutMs = this.options.answerTimeoutMs ?? 15_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no answer to command ${id} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const waiters = this.waiting.get(id) ?? [];
      this.waiting.set(id, waiters);
      waiters.push((answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  private async receive(msg: ConsumeMessage): Promise<void> {
    let message: CommandAnswer | DossierEvent;
    try {
      message = JSON.parse(msg.content.toString('utf8')) as CommandAnswer | DossierEvent;
    } catch {
      this.log(`unreadable message dropped (${msg.fields.routingKey})`);
      this.channel.nack(msg, false, false);
      return;
    }
    if (message.type === 'command.accepted' || message.type === 'command.rejected') {
      const answer = message as CommandAnswer;
      this.answers.push(answer);
      this.log(describeAnswer(answer));
      for (const wake of this.waiting.get(answer.data.commandId) ?? []) wake(answer);
      this.waiting.delete(answer.data.commandId);
      this.channel.ack(msg);
      return;
    }
    const event = message as DossierEvent;
    this.events.push(event);
    this.log(`← ${event.type} ${event.data.dossierCode} (${event.data.status})`);
    try {
      for (const handler of this.handlers) await handler(event);
      this.channel.ack(msg);
    } catch (err) {
      this.log(
        `handling ${event.type} ${event.data.dossierCode} failed: ${(err as Error).message}`,
      );
      // Back to the queue once; a second failure drops it (a real system would park it).
      this.channel.nack(msg, false, !msg.fields.redelivered);
    }
  }
}

export function describeAnswer(answer: CommandAnswer): string {
  const d = answer.data;
  if (answer.type === 'command.accepted') {
    return `✓ ${d.type} ${d.dossierCode}: accepted, status ${answer.data.status}`;
  }
  const why = answer.data;
  return (
    `✗ ${why.type} ${why.dossierCode ?? ''}: rejected (${why.code}) ${why.reason}` +
    (why.status ? ` — dossier is ${why.status}` : '')
  );
}
