// Dashboard pages for a setting's own training: /dashboard/:settingId/training (own modules and live sessions) and
// /dashboard/:settingId/planner (propose group sessions and accept them). The same services as the API do the work.
import type { Context, Hono } from 'hono';
import { localModuleSchema, localSessionSchema } from '../../../content/schemas.js';
import type { Org } from '../../../repos/orgs.js';
import { staffUnder } from '../../../services/staff.js';
import type { FieldError } from '../../../web/components/forms.js';
import { NotFoundPage } from '../../../web/pages/message.js';
import { OwnTrainingPage } from '../../../web/pages/own-training.js';
import { PLANNER_ROWS, SessionPlannerPage } from '../../../web/pages/session-planner.js';
import type { AppEnv } from '../../env.js';
import { staffCatalogue } from '../../../services/local-content.js';
import { ProblemError, zodFieldErrors } from '../../problem.js';
import { addLocalModule, listLocalModules, retireLocalModule } from '../../../services/local-modules.js';
import { addLocalSessions, cancelLocalSession, listLocalSessions } from '../../../services/local-sessions.js';
import { acceptPlan, proposePlan } from '../../../services/session-plans.js';
import { settingFor } from './dashboard.js';
import { requireWebUser, userOf } from './guard.js';
import { respond } from './render.js';
import { serviceDeps } from '../../service-deps.js';

type C = Context<AppEnv>;
type Form = Record<string, string | string[]>;
const one = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const many = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);
const lines = (v: unknown) => one(v).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
const pad = (n: number) => String(n).padStart(2, '0');

/** "2027-01-04" and "9:00" in UK time as ISO 8601 with the right offset (GMT or BST), or null when malformed. */
export function ukTime(date: string, time: string): string | null {
  const t = /^(\d{1,2})[:.](\d{2})$/.exec(time);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !t || Number(t[1]) > 23 || Number(t[2]) > 59) return null;
  const local = `${date}T${pad(Number(t[1]))}:${t[2]}:00`;
  const at = Date.parse(`${local}Z`);
  if (Number.isNaN(at)) return null;
  const zone = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' }).formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const hours = zone === 'GMT' ? 0 : Number(zone.replace('GMT', ''));
  return `${local}${hours >= 0 ? '+' : '-'}${pad(Math.abs(hours))}:00`;
}

/** Field errors from a problem's API paths, pointed at the form's inputs. */
function toFields(errors: readonly { path: string; message: string }[], map: Readonly<Record<string, string>>): FieldError[] {
  return errors.map((e) => {
    const head = e.path.split(/[.[]/)[0] ?? e.path;
    return { field: map[e.path] ?? map[head] ?? head, text: `${e.message.charAt(0).toUpperCase()}${e.message.slice(1)}` };
  });
}

const MODULE_FIELDS = { areas: 'areaId', 'evidence.strength': 'strength', 'evidence.sources': 'source', evidence: 'source', id: 'title', '(body)': 'title' };
const SESSION_FIELDS = { start: 'from', end: 'to', '(body)': 'moduleId' };

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'own-module';
}

function moduleInput(form: Form, setting: Org): unknown {
  const materials = lines(form.materials);
  return {
    id: `own-${slug(one(form.title))}`,
    title: one(form.title),
    summary: one(form.summary),
    outcomes: lines(form.outcomes),
    minutes: Number(one(form.minutes)) || one(form.minutes),
    formats: many(form.formats),
    roles: many(form.roles),
    phases: many(form.phases),
    level: one(form.level),
    prerequisites: [],
    areas: one(form.areaId) ? [{ areaId: one(form.areaId), relevance: 1 }] : [],
    provider: one(form.provider) || setting.name,
    ...(one(form.url) ? { url: one(form.url) } : {}),
    ...(materials.length ? { materials } : {}),
    cost: one(form.cost) || undefined,
    evidence: { strength: Number(one(form.strength)) || 0, expectedImpact: 0.1, sources: one(form.source) ? [one(form.source)] : [] },
  };
}

async function trainingPage(c: C, setting: Org, opts: { values?: Form; errors?: FieldError[]; notice?: string; status?: 422 | 409 } = {}) {
  const base = `/dashboard/${encodeURIComponent(setting.id)}`;
  const [{ modules, catalogueVersion }, sessions, catalogue] = await Promise.all([listLocalModules(serviceDeps(c), setting), listLocalSessions(serviceDeps(c), setting), staffCatalogue(serviceDeps(c), setting.id)]);
  return respond(
    c,
    { title: `${opts.errors?.length ? 'Error: ' : ''}Your own training`, section: 'dashboard', status: opts.status },
    <OwnTrainingPage
      token={c.get('csrfToken')}
      base={base}
      settingName={setting.name}
      modules={modules}
      sessions={sessions}
      catalogue={catalogue.content.catalogue.modules}
      taxonomy={c.get('content').taxonomy}
      values={opts.values ?? {}}
      errors={opts.errors ?? []}
      notice={opts.notice}
      catalogueVersion={catalogueVersion}
    />,
  );
}

/** Runs a change; a validation or conflict problem re-renders the page with the errors and the form's values. */
async function attempt(c: C, setting: Org, form: Form, map: Readonly<Record<string, string>>, act: () => Promise<string>): Promise<Response> {
  try {
    return c.redirect(`/dashboard/${encodeURIComponent(setting.id)}/training?notice=${await act()}`, 303);
  } catch (err) {
    if (!(err instanceof ProblemError) || (err.kind !== 'validation' && err.kind !== 'conflict')) throw err;
    const errors = err.errors?.length ? toFields(err.errors, map) : [{ field: 'title', text: err.message }];
    return trainingPage(c, setting, { values: form, errors, status: err.kind === 'conflict' ? 409 : 422 });
  }
}

const NOTICES: Readonly<Record<string, string>> = {
  module: 'Module added. Your staff are recommended it from now on.',
  retired: 'Module retired. It is no longer recommended.',
  session: 'Session added. It shows on the pathways of staff who have the module.',
  cancelled: 'Session cancelled.',
  accepted: 'Sessions accepted and booked. They show on each attendee’s pathway and calendar.',
};

function parseOrThrow<T>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, v: unknown): T {
  const r = schema.safeParse(v);
  if (!r.success) throw new ProblemError('validation', 'Some fields are not valid.', zodFieldErrors(r.error.issues));
  return r.data;
}

export function registerOwnTraining(app: Hono<AppEnv>): void {
  const leaders = requireWebUser(['leader', 'admin']);
  const notFound = (c: C) => respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);

  app.get('/dashboard/:settingId/training', leaders, async (c) => {
    const setting = await settingFor(c);
    return setting ? trainingPage(c, setting, { notice: NOTICES[c.req.query('notice') ?? ''] }) : notFound(c);
  });

  app.post('/dashboard/:settingId/training/modules', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    const form = (await c.req.parseBody({ all: true })) as Form;
    const user = userOf(c);
    return attempt(c, setting, form, MODULE_FIELDS, async () => {
      await addLocalModule(serviceDeps(c), setting, parseOrThrow(localModuleSchema, moduleInput(form, setting)), user.userId);
      return 'module';
    });
  });

  app.post('/dashboard/:settingId/training/modules/:moduleId/retire', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    const user = userOf(c);
    return attempt(c, setting, {}, MODULE_FIELDS, async () => {
      await retireLocalModule(serviceDeps(c), setting, c.req.param('moduleId'), user.userId);
      return 'retired';
    });
  });

  app.post('/dashboard/:settingId/training/sessions', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    const form = (await c.req.parseBody()) as Form;
    const user = userOf(c);
    return attempt(c, setting, form, SESSION_FIELDS, async () => {
      const start = ukTime(one(form.date), one(form.from));
      const end = ukTime(one(form.date), one(form.to));
      const errors = [...(start ? [] : [{ path: 'start', message: 'give a date and a start time such as 09:00' }]), ...(end ? [] : [{ path: 'end', message: 'give an end time such as 10:30' }])];
      if (errors.length) throw new ProblemError('validation', 'Some fields are not valid.', errors);
      const input = { moduleId: one(form.moduleId), start, end, place: one(form.place) || undefined, facilitator: one(form.facilitator) || undefined, capacity: Number(one(form.capacity)) || one(form.capacity) };
      await addLocalSessions(serviceDeps(c), setting, [parseOrThrow(localSessionSchema, input)], user.userId);
      return 'session';
    });
  });

  app.post('/dashboard/:settingId/training/sessions/:sessionId/cancel', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    const user = userOf(c);
    return attempt(c, setting, {}, SESSION_FIELDS, async () => {
      await cancelLocalSession(serviceDeps(c), setting, c.req.param('sessionId'), user.userId);
      return 'cancelled';
    });
  });

  registerPlanner(app, leaders, notFound);
}

function registerPlanner(app: Hono<AppEnv>, leaders: ReturnType<typeof requireWebUser>, notFound: (c: C) => Promise<Response>): void {
  const page = async (c: C, setting: Org, values: Record<string, string>, errors: FieldError[] = [], proposal?: Awaited<ReturnType<typeof proposePlan>>) =>
    respond(
      c,
      { title: `${errors.length ? 'Error: ' : ''}Plan group sessions`, section: 'dashboard', status: errors.length ? 422 : 200 },
      <SessionPlannerPage
        token={c.get('csrfToken')}
        base={`/dashboard/${encodeURIComponent(setting.id)}`}
        settingName={setting.name}
        staffCount={(await staffUnder(serviceDeps(c), setting.id)).length}
        values={values}
        errors={errors}
        proposal={proposal}
      />,
    );

  app.get('/dashboard/:settingId/planner', leaders, async (c) => {
    const setting = await settingFor(c);
    return setting ? page(c, setting, {}) : notFound(c);
  });

  app.post('/dashboard/:settingId/planner', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    const form = (await c.req.parseBody()) as Record<string, string>;
    const errors: FieldError[] = [];
    const windows = [];
    for (let i = 0; i < PLANNER_ROWS; i++) {
      if (!one(form[`date-${i}`]) && i > 0) continue;
      const start = ukTime(one(form[`date-${i}`]), one(form[`from-${i}`]));
      const end = ukTime(one(form[`date-${i}`]), one(form[`to-${i}`]));
      const capacity = Number(one(form[`capacity-${i}`]));
      if (!start) errors.push({ field: `date-${i}`, text: `Give a date and a start time for time and room ${i + 1}` });
      if (!end || (start && Date.parse(end) <= Date.parse(start))) errors.push({ field: `to-${i}`, text: `Give an end time after the start for time and room ${i + 1}` });
      if (!one(form[`place-${i}`])) errors.push({ field: `place-${i}`, text: `Give a room or place for time and room ${i + 1}` });
      if (!Number.isInteger(capacity) || capacity < 1 || capacity > 1000) errors.push({ field: `capacity-${i}`, text: 'Places must be a whole number from 1 to 1000' });
      if (start && end) windows.push({ start, end, place: one(form[`place-${i}`]), capacity });
    }
    const maxSessions = Number(one(form.maxSessions) || '6');
    if (!Number.isInteger(maxSessions) || maxSessions < 1 || maxSessions > 50) errors.push({ field: 'maxSessions', text: 'Give a whole number of sessions from 1 to 50' });
    if (errors.length) return page(c, setting, form, errors);
    return page(c, setting, form, [], await proposePlan(serviceDeps(c), setting, { windows, maxSessions, minAttendees: 3 }));
  });

  app.post('/dashboard/:settingId/planner/:planId/accept', leaders, async (c) => {
    const setting = await settingFor(c);
    if (!setting) return notFound(c);
    const form = (await c.req.parseBody({ all: true })) as Form;
    const skip = new Set(many(form.skip).map(Number));
    const facilitators = Object.entries(form).flatMap(([k, v]) => (k.startsWith('facilitator-') && one(v) ? [{ index: Number(k.slice(12)), facilitator: one(v) }] : []));
    const edits = [...[...skip].map((index) => ({ index, skip: true })), ...facilitators.filter((f) => !skip.has(f.index))];
    await acceptPlan(serviceDeps(c), setting, c.req.param('planId'), { sessions: edits }, userOf(c).userId);
    return c.redirect(`/dashboard/${encodeURIComponent(setting.id)}/training?notice=accepted`, 303);
  });
}
