// SMTP transport for Node (nodemailer), configured by SMTP_URL (smtp://user:pass@host:587 or smtps://…:465) and
// MAIL_FROM. Node only: the Workers entry never imports it.
import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from './mail.js';

export function smtpMailer(url: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(url);
  return {
    async send(m: MailMessage) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html });
    },
    close: () => transport.close(),
  };
}
