// A leader's term dates and closures page (/dashboard/:settingId/closures): see, add and remove the days the setting
// is closed, through the same checks as the API (services/closures.ts).
import type { Context, Hono } from 'hono';
import type { Org } from '../../../repos/orgs.js';
import type { FieldError } from '../../../web/components/forms.js';
import { ClosuresPage, type ClosureValues } from '../../../web/pages/closures.js';
import { NotFoundPage } from '../../../web/pages/message.js';
import type { AppEnv } from '../../env.js';
import { addClosure, closureDates, closuresOf, removeClosure } from '../../../services/closures.js';
import { settingFor } from './dashboard.js';
import { requireWebUser, userOf } from './guard.js';
import { respond } from './render.js';
import { serviceDeps } from '../../service-deps.js';

type C = Context<AppEnv>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const NOTICES: Readonly<Record<string, string>> = {
  added: 'Closure added. Your staff’s pathways and calendar files now skip those days.',
  removed: 'Closure removed.',
};

const pathOf = (org: Org) => `/dashboard/${encodeURIComponent(org.id)}`;

async function closuresPage(c: C, setting: Org, values: ClosureValues = {}, errors: FieldError[] = [], status: 200 | 409 | 422 = 200) {
  const today = c.get('clock')().toISOString().slice(0, 10);
  const closures = (await closuresOf(serviceDeps(c), setting)).map((x) => ({ id: x.id, label: x.label, dates: closureDates(x), past: x.to < today }));
  return respond(
    c,
    { title: 'Term dates and closures', section: 'dashboard', status: errors.length ? status : 200, hasErrors: errors.length > 0 },
    <ClosuresPage
      token={c.get('csrfToken')}
      base={pathOf(setting)}
      settingName={setting.name}
      closures={closures}
      values={values}
      errors={errors}
      notice={errors.length ? undefined : NOTICES[c.req.query('notice') ?? '']}
    />,
  );
}

export function registerClosures(app: Hono<AppEnv>): void {
  const leaders = requireWebUser(['leader', 'admin']);
  const notFound = (c: C) => respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);

  app.get('/dashboard/:settingId/closures', leaders, async (c) => {
    const setting = await settingFor(c);
    return setting ? closuresPage(c, setting) : notFound(c);
  });

  app.post('/dashboard/:settingId/closures', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    const form = await c.req.parseBody();
    const values = { label: str(form.label), from: str(form.from), to: str(form.to) };
    const done = await addClosure(serviceDeps(c), setting, values, userOf(c).userId);
    if (!done.ok) return closuresPage(c, setting, values, done.problems.map((p) => ({ field: p.field, text: p.message })), done.status);
    return c.redirect(`${pathOf(setting)}/closures?notice=added`, 303);
  });

  app.post('/dashboard/:settingId/closures/:closureId/remove', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting || !(await removeClosure(serviceDeps(c), setting, c.req.param('closureId')))) return notFound(c);
    return c.redirect(`${pathOf(setting)}/closures?notice=removed`, 303);
  });
}
