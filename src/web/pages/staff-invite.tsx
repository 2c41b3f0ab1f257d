// The invite link a leader just created for a member of staff: shown once, with when it stops working in plain
// English and what to do with it (this service sends no email, so the leader sends it on).
import type { FC } from 'hono/jsx';
import { BackLink } from '../components/forms.js';

/** "10am on Sunday 29 November 2026" (UK time) for an ISO timestamp. */
export function ukDateTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const hour = Number(parts.hour);
  const minute = parts.minute ?? '00';
  const clock =
    minute === '00' && hour === 0 ? 'midnight' : minute === '00' && hour === 12 ? 'midday' : `${hour % 12 || 12}${minute === '00' ? '' : `:${minute}`}${hour < 12 ? 'am' : 'pm'}`;
  return `${clock} on ${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`;
}

export interface StaffInviteProps {
  /** The dashboard's URL, to go back to. */
  readonly base: string;
  readonly settingName: string;
  readonly name: string;
  readonly email: string;
  readonly url: string;
  readonly expiresAt: string;
  /** How many days the link works for. */
  readonly days: number;
}

export const StaffInvitePage: FC<StaffInviteProps> = ({ base, settingName, name, email, url, expiresAt, days }) => (
  <>
    <BackLink href={base} label="Back to the dashboard" />
    <p class="caption">{settingName}</p>
    <h1>Invite link for {name}</h1>
    <div class="notice success" role="status">
      <p>
        Send this link to {name} at {email}. They follow it to set a password and sign in.
      </p>
    </div>
    <div class="form-group">
      <label for="invite-url">Invite link for {name}</label>
      <div class="hint" id="invite-url-hint">
        Select the link and copy it into an email or message to {name}. This service does not send emails.
      </div>
      <textarea id="invite-url" class="invite-link" rows={3} readonly aria-describedby="invite-url-hint" autocomplete="off" spellcheck={false}>
        {url}
      </textarea>
    </div>
    <h2>Before you leave this page</h2>
    <ul class="list">
      <li>This is the only time the link is shown. Copy it now.</li>
      <li>
        It works once, until {ukDateTime(expiresAt)} (UK time), which is {days} days from now.
      </li>
      <li>If it expires or gets lost, create a new link from the dashboard. A new link stops this one working.</li>
    </ul>
    <p>
      <a href={base}>Back to the staff training dashboard</a>
    </p>
  </>
);
