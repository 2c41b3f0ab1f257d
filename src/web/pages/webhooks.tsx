// A setting's webhook endpoints on the dashboard (and its trust's, for the trust's leaders): each endpoint with its
// events, buttons to send a test ping, rotate the secret and delete it, and its recent deliveries (event, when,
// status, the receiver's answer); then a form to add an endpoint, whose secret is shown once.
import type { FC } from 'hono/jsx';
import type { DeliveryLogEntry, WebhookEndpoint } from '../../repos/webhooks.js';
import { BackLink, ErrorSummary, PostForm, type FieldError } from '../components/forms.js';
import { NewEndpointForm, SecretPanel, type EndpointValues, type OwnerChoice, type RevealedSecret } from './webhooks-form.js';

export type EndpointWithLog = { endpoint: WebhookEndpoint; deliveries: readonly DeliveryLogEntry[] };

/** Endpoints of one organisation: the setting's own, or its trust's (which receive every setting's events). */
export interface EndpointGroup {
  readonly heading: string;
  readonly intro: string;
  readonly endpoints: readonly EndpointWithLog[];
}

export interface WebhooksPageProps {
  readonly token: string;
  readonly base: string;
  readonly settingName: string;
  readonly groups: readonly EndpointGroup[];
  readonly owners: readonly OwnerChoice[];
  readonly values?: EndpointValues | undefined;
  readonly errors?: readonly FieldError[] | undefined;
  readonly revealed?: RevealedSecret | undefined;
  readonly notice?: { ok: boolean; text: string } | undefined;
}

export const endpointLabel = (e: WebhookEndpoint): string => e.description || e.url;

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

const Endpoint: FC<{ item: EndpointWithLog; base: string; token: string }> = ({ item: { endpoint: e, deliveries }, base, token }) => {
  const action = (what: string) => `${base}/webhooks/${encodeURIComponent(e.id)}/${what}`;
  const name = <span class="visually-hidden"> for {endpointLabel(e)}</span>;
  return (
    <section class="endpoint" aria-labelledby={`${e.id}-heading`}>
      <h3 id={`${e.id}-heading`}>{endpointLabel(e)}</h3>
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
          <dd>{e.disabledAt ? `Deleted on ${when(e.disabledAt)}; its delivery log is kept` : 'Sending'}</dd>
        </div>
      </dl>
      {e.disabledAt ? null : (
        <div class="actions">
          <PostForm action={action('ping')} token={token} class="inline-form">
            <button type="submit" class="secondary">
              Send test ping<span class="visually-hidden"> to {endpointLabel(e)}</span>
            </button>
          </PostForm>
          <PostForm action={action('secret')} token={token} class="inline-form">
            <button type="submit" class="secondary">
              Rotate secret{name}
            </button>
          </PostForm>
          <PostForm action={action('delete')} token={token} class="inline-form">
            <button type="submit" class="secondary">
              Delete endpoint{name}
            </button>
          </PostForm>
        </div>
      )}
      <Deliveries id={e.id} deliveries={deliveries} />
    </section>
  );
};

export const WebhooksPage: FC<WebhooksPageProps> = (p) => (
  <>
    <BackLink href={p.base} label="Back to the dashboard" />
    <ErrorSummary errors={p.errors ?? []} />
    <h1>Webhooks for {p.settingName}</h1>
    {p.notice ? (
      <div class={p.notice.ok ? 'notice success' : 'notice'} role="status">
        <p>{p.notice.text}</p>
      </div>
    ) : null}
    {p.revealed ? <SecretPanel revealed={p.revealed} /> : null}
    <p>
      Your other systems can be told when staff complete assessments and modules, and when training is assigned or due. Each
      message is signed (Standard Webhooks). The same can be done through the API (see the <a href="/docs">API reference</a>).
    </p>
    {p.groups.map((g, i) => (
      <section aria-labelledby={`group-${i}-heading`}>
        <h2 id={`group-${i}-heading`}>{g.heading}</h2>
        <p>{g.intro}</p>
        {g.endpoints.length ? g.endpoints.map((item) => <Endpoint item={item} base={p.base} token={p.token} />) : <p>No webhook endpoints yet.</p>}
      </section>
    ))}
    <NewEndpointForm action={`${p.base}/webhooks`} token={p.token} values={p.values ?? {}} errors={p.errors ?? []} owners={p.owners} />
  </>
);
