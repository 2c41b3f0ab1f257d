// /dashboard/:settingId/webhooks: the setting's webhook endpoints with their recent deliveries, and a test ping per
// endpoint (the same service as POST /v1/webhooks/{endpointId}/ping), for its leaders and admins.
import type { Context, Hono } from 'hono';
import type { Org } from '../../../repos/orgs.js';
import { deliveryLog, getEndpointRow, listEndpoints, toEndpoint } from '../../../repos/webhooks.js';
import { NotFoundPage } from '../../../web/pages/message.js';
import { lastAnswer, WebhooksPage, type WebhooksPageProps } from '../../../web/pages/webhooks.js';
import type { AppEnv } from '../../env.js';
import { pingEndpoint } from '../../services/webhook-ping.js';
import { settingFor } from './dashboard.js';
import { requireWebUser } from './guard.js';
import { respond } from './render.js';

type C = Context<AppEnv>;
const RECENT = 10;

async function page(c: C, setting: Org, notice?: WebhooksPageProps['notice']) {
  const db = c.get('database').db;
  const endpoints = await Promise.all((await listEndpoints(db, setting.id)).map(async (endpoint) => ({ endpoint, deliveries: await deliveryLog(db, endpoint.id, RECENT) })));
  return respond(
    c,
    { title: `Webhooks for ${setting.name}`, section: 'dashboard' },
    <WebhooksPage token={c.get('csrfToken')} base={`/dashboard/${encodeURIComponent(setting.id)}`} settingName={setting.name} endpoints={endpoints} notice={notice} />,
  );
}

export function registerWebhookPages(app: Hono<AppEnv>): void {
  const leaders = requireWebUser(['leader', 'admin']);
  const notFound = (c: C) => respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);

  app.get('/dashboard/:settingId/webhooks', leaders, async (c) => {
    const setting = await settingFor(c);
    return setting ? page(c, setting) : notFound(c);
  });

  app.post('/dashboard/:settingId/webhooks/:endpointId/ping', leaders, async (c) => {
    const setting = await settingFor(c);
    const row = setting ? await getEndpointRow(c.get('database').db, c.req.param('endpointId')) : undefined;
    if (!setting || !row || row.org_id !== setting.id) return notFound(c);
    const endpoint = toEndpoint(row);
    if (endpoint.disabledAt) return page(c, setting, { ok: false, text: 'This endpoint is stopped, so it was not pinged.' });
    const sent = await pingEndpoint(c, endpoint);
    const ok = sent.status === 'delivered';
    return page(c, setting, { ok, text: `Test ping to ${endpoint.url} ${ok ? 'delivered' : 'failed'}: ${lastAnswer(sent)}.` });
  });
}
