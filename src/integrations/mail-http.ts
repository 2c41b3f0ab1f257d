// Email over Resend's HTTP API (POST https://api.resend.com/emails with a Bearer key; JSON from, to, subject, text,
// html), for Workers, where SMTP sockets are not available. Runtime-neutral: fetch only.
import type { Mailer, MailMessage } from './mail.js';

export const RESEND_ENDPOINT = 'https://api.resend.com/emails';

export function resendMailer(apiKey: string, from: string, endpoint = RESEND_ENDPOINT, f: typeof fetch = fetch): Mailer {
  return {
    async send(m: MailMessage) {
      const res = await f(endpoint, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ from, to: [m.to], subject: m.subject, text: m.text, html: m.html }),
        signal: AbortSignal.timeout(10_000),
      });
      const body = await res.text();
      if (!res.ok) throw new Error(`Mail API answered ${res.status}: ${body.slice(0, 200)}`);
    },
  };
}
