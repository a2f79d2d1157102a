import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createHash, createHmac } from 'crypto';
import nodemailer, { Transporter } from 'nodemailer';
import { AppConfig, AppConfigToken } from '@cchc/config';

export interface OutboundMessage {
  channel: 'email' | 'webhook';
  recipient: string;
  subject: string;
  body: string;
  payload: Record<string, unknown> | null;
  dedupeKey: string;
}

/** E-mail over SMTP (nodemailer). The Message-ID derives from the message key, so a resend is recognisable. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private transport?: Transporter;

  constructor(@Inject(AppConfigToken) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.smtp;
  }

  async send(m: OutboundMessage): Promise<void> {
    const smtp = this.config.smtp;
    if (!smtp) throw new Error('SMTP is not configured');
    this.transport ??= nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
      pool: true,
      maxConnections: 2,
    });
    await this.transport.sendMail({
      from: smtp.from,
      to: m.recipient,
      subject: m.subject,
      text: m.body,
      messageId: `<${createHash('sha256').update(m.dedupeKey).digest('hex').slice(0, 32)}@cchc.local>`,
      headers: { 'X-CCHC-Key': m.dedupeKey },
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

/**
 * Outbound webhook for SMS/Zalo gateways: JSON signed with HMAC-SHA256 of the body (header X-CCHC-Signature:
 * sha256=<hex>), X-CCHC-Delivery carries the message key so the receiver can drop a repeat.
 */
@Injectable()
export class WebhookSender {
  constructor(@Inject(AppConfigToken) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return !!this.config.webhook;
  }

  async send(m: OutboundMessage): Promise<void> {
    const hook = this.config.webhook;
    if (!hook) throw new Error('WEBHOOK_URL is not configured');
    const body = JSON.stringify(m.payload ?? { subject: m.subject, text: m.body });
    const res = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-cchc-signature': `sha256=${signWebhook(hook.secret, body)}`,
        'x-cchc-delivery': m.dedupeKey,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  }
}

export const signWebhook = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('hex');
