// A setting's webhook endpoints on the dashboard: each endpoint with its events, a "Send test ping" button and its
// recent deliveries (event, when, status, the receiver's answer). Subscribing and rotating secrets stay in the API.
import type { FC } from 'hono/jsx';
import type { DeliveryLogEntry, WebhookEndpoint } from '../../repos/webhooks.js';
import { BackLink, PostForm } from '../components/forms.js';

export interface WebhooksPageProps {
  readonly token: string;
  readonly base: string;
  readonly settingName: string;
  readonly endpoints: readonly { endpoint: WebhookEndpoint; deliveries: readonly DeliveryLogEntry[] }[];
  readonly notice?: { ok: boolean; text: string } | undefined;
}

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const STATUS: Record<DeliveryLogEntry['status'], string> = { pending: 'Waiting to retry', delivered: 'Delivered', failed: 'Failed' };

/** The last attempt in words: "HTTP 200 in 12 ms", the error, or "Not tried yet". */
export function lastAnswer(d: DeliveryLogEntry): string {
  const a = d.attempts.at(-1);
  if (!a) return 'Not tried yet';
  return `${a.error && a.statusCode === null ? a.error : `HTTP ${a.statusCode}`} in ${a.durationMs} ms${d.attempts.length > 1 ? ` (attempt ${d.attempts.length})` : ''}`;
}

const Deliveries: FC<{ id: string; deliveries: readonly DeliveryLogEntry[] }> = ({ id, deliveries }) =>
  deliveries.length ? (
    <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabindex={0}>
      <table>
        <caption id={`${id}-caption`}>Recent deliveries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Queued</th>
            <th scope="col">Status</th>
            <th scope="col">Last answer</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr>
              <td>{d.eventType}</td>
              <td>{when(d.createdAt)}</td>
              <td>{STATUS[d.status]}</td>
              <td>{lastAnswer(d)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  ) : (
    <p>Nothing has been sent to this endpoint yet.</p>
  );

export const WebhooksPage: FC<WebhooksPageProps> = (p) => (
  <>
    <BackLink href={p.base} label="Back to the dashboard" />
    <h1>Webhooks for {p.settingName}</h1>
    {p.notice ? (
      <div class={p.notice.ok ? 'notice success' : 'notice'} role="status">
        <p>{p.notice.text}</p>
      </div>
    ) : null}
    <p>
      Your other systems can be told when staff complete assessments and modules, and when training is assigned or due. Each
      message is signed (Standard Webhooks). Add or remove endpoints and rotate secrets through the API (see the{' '}
      <a href="/docs">API reference</a>).
    </p>
    {p.endpoints.length ? null : <p>This setting has no webhook endpoints yet.</p>}
    {p.endpoints.map(({ endpoint: e, deliveries }) => (
      <section aria-labelledby={`${e.id}-heading`}>
        <h2 id={`${e.id}-heading`}>{e.description || e.url}</h2>
        <dl class="facts">
          <div>
            <dt>Address</dt>
            <dd class="break">{e.url}</dd>
          </div>
          <div>
            <dt>Events</dt>
            <dd>{e.events.join(', ')}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>{e.disabledAt ? `Stopped on ${when(e.disabledAt)}` : 'Sending'}</dd>
          </div>
        </dl>
        {e.disabledAt ? null : (
          <PostForm action={`${p.base}/webhooks/${encodeURIComponent(e.id)}/ping`} token={p.token}>
            <button type="submit" class="secondary">
              Send test ping<span class="visually-hidden"> to {e.description || e.url}</span>
            </button>
          </PostForm>
        )}
        <Deliveries id={e.id} deliveries={deliveries} />
      </section>
    ))}
  </>
);
