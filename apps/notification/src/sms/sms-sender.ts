import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Channel, PermanentChannelError } from '../channels/channel';
import { NotificationConfig } from '../notification.config';

export interface OutgoingSms {
  /** Phone number as the citizen gave it (e.g. 0912345678 or +84912345678). */
  to: string;
  text: string;
}

/** The SMS channel; which provider is configuration (SMS_DRIVER). */
export abstract class SmsSender implements Channel<OutgoingSms> {
  readonly name = 'sms';
  abstract send(sms: OutgoingSms): Promise<string>;
}

/** `0912345678` → `091****678`: enough to tell numbers apart in a log, not to call them. */
export function maskPhone(phone: string): string {
  return phone.length <= 6 ? '***' : `${phone.slice(0, 3)}****${phone.slice(-3)}`;
}

/** Development: writes each SMS to the log instead of sending it. */
export class LogSmsSender extends SmsSender {
  private readonly logger = new Logger('Sms');

  async send(sms: OutgoingSms): Promise<string> {
    const id = `log-${randomUUID()}`;
    this.logger.log(`SMS ${id} to ${maskPhone(sms.to)}: ${sms.text}`);
    return id;
  }
}

/**
 * A provider's HTTP gateway: `POST SMS_HTTP_URL` with `{from, to, text}` and a bearer
 * token; any 2xx is accepted (its `messageId` kept when it answers one), 4xx is refused for
 * good, anything else is retried.
 */
export class HttpSmsSender extends SmsSender {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly sender: string,
    private readonly timeoutMs = 10_000,
  ) {
    super();
  }

  async send(sms: OutgoingSms): Promise<string> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ from: this.sender, to: sms.to, text: sms.text }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const answer = (await response.json().catch(() => ({}))) as { messageId?: unknown };
    if (response.status >= 400 && response.status < 500) {
      throw new PermanentChannelError(`SMS provider refused the message: ${response.status}`);
    }
    if (!response.ok) throw new Error(`SMS provider answered ${response.status}`);
    return typeof answer.messageId === 'string' ? answer.messageId : `http-${randomUUID()}`;
  }
}

export const smsSenderProvider = {
  provide: SmsSender,
  inject: [NotificationConfig],
  useFactory: (config: NotificationConfig): SmsSender =>
    config.SMS_DRIVER === 'http'
      ? new HttpSmsSender(config.SMS_HTTP_URL!, config.SMS_HTTP_TOKEN, config.SMS_SENDER)
      : new LogSmsSender(),
};
