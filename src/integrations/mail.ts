// Email the service sends (invites, password resets, due-date reminders) as plain text and accessible HTML, and the one interface
// every transport implements: SMTP on Node (mail-smtp.ts), an HTTP mail API on Workers (mail-http.ts).

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface Mailer {
  /** Sends one message; throws when the transport refuses it. */
  send(message: MailMessage): Promise<void>;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A short, accessible HTML page: language set, one heading, paragraphs, a descriptive link, no images or tables. */
function html(title: string, paragraphs: readonly string[], link: { href: string; text: string }, after: readonly string[]): string {
  const p = (t: string) => `<p style="font-size:16px;line-height:1.5;margin:0 0 16px">${esc(t)}</p>`;
  return [
    '<!doctype html>',
    `<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;background:#ffffff">',
    `<main><h1 style="font-size:24px;margin:0 0 16px">${esc(title)}</h1>`,
    ...paragraphs.map(p),
    `<p style="font-size:16px;margin:0 0 16px"><a href="${esc(link.href)}" style="color:#1d70b8;text-decoration:underline">${esc(link.text)}</a></p>`,
    ...after.map(p),
    '</main></body></html>',
  ].join('\n');
}

/** The invite email: who invited them, the link, when it stops working. */
export function inviteMessage(i: { to: string; name: string; orgName: string | null; url: string; expiresAt: string }): MailMessage {
  const title = 'Set up your SEND training account';
  const where = i.orgName ? ` for ${i.orgName}` : '';
  const until = new Date(i.expiresAt).toUTCString().replace(/ \d\d:\d\d:\d\d GMT$/, '');
  const intro = [`Hello ${i.name},`, `You have been invited to the SEND training pathways service${where}. Choose a password to start.`];
  const after = [`The link works once and stops working on ${until}. If you did not expect this email, you can ignore it.`];
  return {
    to: i.to,
    subject: title,
    text: [...intro, '', `Set your password: ${i.url}`, '', ...after].join('\n'),
    html: html(title, intro, { href: i.url, text: 'Set your password and sign in' }, after),
  };
}

/**
 * The password-reset email: `byAdmin` when an administrator reset the password (it no longer works), otherwise the
 * person asked for it (their password still works until they use the link).
 */
export function resetMessage(r: { to: string; name: string; orgName: string | null; url: string; expiresAt: string; byAdmin: boolean }): MailMessage {
  const title = 'Choose a new password';
  const where = r.orgName ? ` at ${r.orgName}` : '';
  const until = new Date(r.expiresAt).toUTCString().replace(/:\d\d GMT$/, ' GMT');
  const intro = [
    `Hello ${r.name},`,
    r.byAdmin
      ? `An administrator reset the password of your SEND training account${where}. Choose a new one to sign in again.`
      : `Someone asked to reset the password of your SEND training account${where}. If it was you, choose a new password.`,
  ];
  const after = [
    `The link works once and stops working at ${until}.`,
    r.byAdmin ? 'If you did not expect this, tell your setting’s leader.' : 'If you did not ask for this, ignore this email: your password has not changed.',
  ];
  return {
    to: r.to,
    subject: title,
    text: [...intro, '', `Choose a new password: ${r.url}`, '', ...after].join('\n'),
    html: html(title, intro, { href: r.url, text: 'Choose a new password' }, after),
  };
}

/** The reminder for an assignment due soon. */
export function reminderMessage(r: { to: string; name: string; dueDate: string; modules: readonly string[]; url: string }): MailMessage {
  const title = `Training due on ${r.dueDate}`;
  const what = r.modules.length ? `Your leader asked you to complete: ${r.modules.join('; ')}.` : 'Your leader asked you to work through your personalised pathway.';
  const intro = [`Hello ${r.name},`, `${what} It is due on ${r.dueDate}.`];
  return {
    to: r.to,
    subject: title,
    text: [...intro, '', `See your pathway: ${r.url}`].join('\n'),
    html: html(title, intro, { href: r.url, text: 'See your training pathway' }, []),
  };
}
