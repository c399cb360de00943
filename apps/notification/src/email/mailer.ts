import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Transporter, createTransport } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { Channel } from '../channels/channel';
import { NotificationConfig } from '../notification.config';
import type { Recipient, RenderedEmail } from './email.dto';

export interface OutgoingEmail extends RenderedEmail {
  to: Recipient;
}

/** Sends email over SMTP (nodemailer, pooled connections). */
@Injectable()
export class Mailer implements Channel<OutgoingEmail>, OnApplicationShutdown {
  readonly name = 'email';
  private readonly transport: Transporter<SMTPTransport.SentMessageInfo>;
  private readonly from: string;

  constructor(config: NotificationConfig) {
    this.from = config.MAIL_FROM;
    this.transport = createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASS } : undefined,
      pool: true,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /** Resolves with the SMTP Message-ID once the server accepted the message. */
  async send(email: OutgoingEmail): Promise<string> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: { name: email.to.name, address: email.to.address },
      subject: email.subject,
      text: email.text,
      html: email.html,
    });
    return info.messageId;
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/**
 * Whether retrying cannot help: the server refused for good (5xx, e.g. 550 unknown
 * mailbox) or the envelope has no valid recipient. 4xx answers and network trouble are
 * temporary.
 */
export function isPermanentSmtpError(err: unknown): boolean {
  const { responseCode, code } = (err ?? {}) as { responseCode?: number; code?: string };
  if (typeof responseCode === 'number') return responseCode >= 500 && responseCode < 600;
  return code === 'EENVELOPE';
}
