// /dashboard/:settingId/webhooks: the setting's webhook endpoints (and, for a leader of its trust or an admin, the
// trust's) with their recent deliveries; add an endpoint (its secret shown once), send a test ping, rotate a secret,
// delete one. Every change goes through the same services as the API (services/webhook-endpoints.ts, webhook-ping.ts).
import type { Context, Hono } from 'hono';
import type { Org } from '../../../repos/orgs.js';
import type { WebhookEndpoint } from '../../../repos/webhooks.js';
import type { FieldError } from '../../../web/components/forms.js';
import { NotFoundPage } from '../../../web/pages/message.js';
import { endpointLabel, lastAnswer, WebhooksPage, type EndpointGroup, type WebhooksPageProps } from '../../../web/pages/webhooks.js';
import type { OwnerChoice } from '../../../web/pages/webhooks-form.js';
import type { AppEnv } from '../../env.js';
import { endpointById, endpointsWithDeliveries, removeEndpoint, rotateEndpointSecret, subscribeEndpoint } from '../../../services/webhook-endpoints.js';
import { managedTrustOf } from '../../../services/tenancy.js';
import { pingEndpoint } from '../../../services/webhook-ping.js';
import { settingFor } from './dashboard.js';
import { requireWebUser, userOf } from './guard.js';
import { respond } from './render.js';
import { serviceDeps } from '../../service-deps.js';

type C = Context<AppEnv>;
type Extra = Pick<WebhooksPageProps, 'notice' | 'values' | 'errors' | 'revealed'>;
const RECENT = 10;
const NOTICES: Readonly<Record<string, string>> = { deleted: 'Endpoint deleted: nothing more is sent to it. Its delivery log is kept below.' };
const baseOf = (org: Org) => `/dashboard/${encodeURIComponent(org.id)}`;

/** The setting's trust when the viewer leads it (or is an admin); its endpoints then show and may be changed here. */
async function trustOf(c: C, setting: Org): Promise<Org | null> {
  return managedTrustOf(serviceDeps(c), userOf(c), setting);
}

const withLogs = (c: C, orgId: string) => endpointsWithDeliveries(serviceDeps(c), orgId, RECENT);

async function page(c: C, setting: Org, extra: Extra = {}) {
  const trust = await trustOf(c, setting);
  const groups: EndpointGroup[] = [{ heading: `Endpoints of ${setting.name}`, intro: 'These receive events about this setting’s staff.', endpoints: await withLogs(c, setting.id) }];
  const owners: OwnerChoice[] = [{ orgId: setting.id, label: setting.name, hint: 'Events about this setting’s staff' }];
  if (trust) {
    groups.push({ heading: `Endpoints of ${trust.name}`, intro: `These receive events about the staff of every setting in ${trust.name}.`, endpoints: await withLogs(c, trust.id) });
    owners.push({ orgId: trust.id, label: `${trust.name} (the trust)`, hint: 'Events about the staff of every setting in the trust' });
  }
  const errors = (extra.errors ?? []) as FieldError[];
  return respond(
    c,
    { title: `Webhooks for ${setting.name}`, section: 'dashboard', status: errors.length ? 422 : 200, hasErrors: errors.length > 0 },
    <WebhooksPage token={c.get('csrfToken')} base={baseOf(setting)} settingName={setting.name} groups={groups} owners={owners} notice={extra.notice ?? noticeOf(c)} values={extra.values} errors={errors} revealed={extra.revealed} />,
  );
}

const noticeOf = (c: C) => {
  const text = NOTICES[c.req.query('notice') ?? ''];
  return text ? { ok: true, text } : undefined;
};

/** The endpoint if it belongs to the setting, or to its trust when the viewer may manage the trust. */
async function endpointOn(c: C, setting: Org): Promise<WebhookEndpoint | null> {
  const endpoint = await endpointById(serviceDeps(c), c.req.param('endpointId') ?? '');
  if (!endpoint) return null;
  if (endpoint.orgId === setting.id) return endpoint;
  const trust = await trustOf(c, setting);
  return trust && endpoint.orgId === trust.id ? endpoint : null;
}

/** Field errors of the shared rules, in the page's words and linked to its inputs. */
function fieldErrors(errors: readonly { path: string; message: string }[], byUrlRules: boolean): FieldError[] {
  if (byUrlRules) return errors.map((e) => ({ field: 'url', text: e.message }));
  return errors.map((e) => {
    const field = e.path.split('.')[0] || 'url';
    if (field === 'events') return { field, text: 'Choose at least one event to send' };
    if (field === 'url') return { field, text: 'Enter the address as a full URL, starting https://' };
    if (field === 'description') return { field, text: 'Enter a name of 200 characters or fewer' };
    return { field, text: e.message };
  }).filter((e, i, all) => all.findIndex((x) => x.field === e.field) === i);
}

export function registerWebhookPages(app: Hono<AppEnv>): void {
  const leaders = requireWebUser(['leader', 'admin']);
  const notFound = (c: C) => respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);

  app.get('/dashboard/:settingId/webhooks', leaders, async (c) => {
    const setting = await settingFor(c);
    return setting ? page(c, setting) : notFound(c);
  });

  app.post('/dashboard/:settingId/webhooks', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    const form = await c.req.parseBody({ all: true });
    const one = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).trim() : '');
    const events = ([] as unknown[]).concat(form.events ?? []).filter((e): e is string => typeof e === 'string');
    const values = { url: one('url'), description: one('description'), events, orgId: one('orgId') || setting.id };
    const trust = await trustOf(c, setting);
    if (values.orgId !== setting.id && values.orgId !== trust?.id) return page(c, setting, { values, errors: [{ field: 'orgId', text: 'Choose this setting or its trust' }] });
    const made = await subscribeEndpoint(serviceDeps(c), values.orgId, { url: values.url, events, description: values.description }, userOf(c).userId);
    if (!made.ok) return page(c, setting, { values, errors: fieldErrors(made.errors, made.byUrlRules) });
    return page(c, setting, { notice: { ok: true, text: `Endpoint added: ${endpointLabel(made.endpoint)}.` }, revealed: { endpointLabel: endpointLabel(made.endpoint), secret: made.secret } });
  });

  app.post('/dashboard/:settingId/webhooks/:endpointId/secret', leaders, async (c) => {
    const setting = await settingFor(c);
    const endpoint = setting ? await endpointOn(c, setting) : null;
    if (!setting || !endpoint) return notFound(c);
    if (endpoint.disabledAt) return page(c, setting, { notice: { ok: false, text: 'This endpoint is deleted, so its secret was not changed.' } });
    const rotated = await rotateEndpointSecret(serviceDeps(c), endpoint);
    return page(c, setting, { revealed: { endpointLabel: endpointLabel(endpoint), secret: rotated.secret, previousExpiresAt: rotated.previousSecretExpiresAt } });
  });

  app.post('/dashboard/:settingId/webhooks/:endpointId/delete', leaders, async (c) => {
    const setting = await settingFor(c);
    const endpoint = setting ? await endpointOn(c, setting) : null;
    if (!setting || !endpoint) return notFound(c);
    await removeEndpoint(serviceDeps(c), endpoint);
    return c.redirect(`${baseOf(setting)}/webhooks?notice=deleted`, 303);
  });

  app.post('/dashboard/:settingId/webhooks/:endpointId/ping', leaders, async (c) => {
    const setting = await settingFor(c);
    const endpoint = setting ? await endpointOn(c, setting) : null;
    if (!setting || !endpoint) return notFound(c);
    if (endpoint.disabledAt) return page(c, setting, { notice: { ok: false, text: 'This endpoint is deleted, so it was not pinged.' } });
    const sent = await pingEndpoint(serviceDeps(c), endpoint);
    const ok = sent.status === 'delivered';
    return page(c, setting, { notice: { ok, text: `Test ping to ${endpoint.url} ${ok ? 'delivered' : 'failed'}: ${lastAnswer(sent)}.` } });
  });
}
