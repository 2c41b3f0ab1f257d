// The anonymous self-assessment: about you → question pages → time → check answers, state in a signed cookie.
// Every POST validates, re-renders with an error summary (422) or saves and redirects (303), so it works without JS.
import type { Context as BaseContext, Hono } from 'hono';
import type { AppEnv } from '../../env.js';
import { FORMATS, PHASES, ROLES, type Format, type Phase, type Role } from '../../../domain/types.js';
import type { FieldError } from '../../../web/components/forms.js';
import { BUDGET_CHOICES, isComplete, WEEKLY_CHOICES, type JourneyState } from '../../../web/journey/state.js';
import { ABOUT_PATH, CHECK_PATH, firstIncomplete, journeyPages, questionPages, questionsPath, TIME_PATH } from '../../../web/journey/steps.js';
import { AboutYouPage } from '../../../web/pages/about-you.js';
import { CheckAnswersPage } from '../../../web/pages/check-answers.js';
import { NotFoundPage } from '../../../web/pages/message.js';
import { itemField, NOT_RELEVANT, QuestionsPage } from '../../../web/pages/questions.js';
import { PHASE_LABELS, ROLE_LABELS } from '../../../web/labels.js';
import { TimePage } from '../../../web/pages/time.js';
import { clearJourney, readJourney, writeJourney } from './journey-cookie.js';
import { saveAssessment, staffOf } from './my-pathway.js';
import { respond } from './render.js';
import { currentUser } from './web-user.js';

type Context = BaseContext<AppEnv>;
type Form = Record<string, string | File | (string | File)[]>;

const isReturn = (c: Context) => c.req.query('return') === 'check';
const withReturn = (path: string, ret: boolean) => (ret ? `${path}?return=check` : path);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const isIn = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** Where to go after saving a page: back to check answers when changing, else the next page (or the first gap). */
function nextPath(c: Context, state: JourneyState, following: string): string {
  const content = c.get('content');
  if (isReturn(c)) return isComplete(content, state) ? CHECK_PATH : firstIncomplete(content.questionnaire, state).path;
  return following;
}

function total(c: Context): number {
  return journeyPages(c.get('content').questionnaire).length;
}

async function aboutYou(c: Context, state: JourneyState, errors: FieldError[] = []) {
  const ret = isReturn(c);
  // Signed-in staff: saved pathways use the role and phase on their staff record (as the API does), so say so
  // and start from it.
  const staff = await staffOf(c, currentUser(c)?.staffId ?? null);
  const recordRole = staff && isIn<Role>(ROLES, staff.jobRole) ? staff.jobRole : undefined;
  const recordPhase = staff && isIn<Phase>(PHASES, staff.phase) ? staff.phase : undefined;
  const shown = errors.length ? state : { ...state, role: state.role ?? recordRole, phase: state.phase ?? recordPhase };
  const note = recordRole && recordPhase ? `Your setting lists you as: ${ROLE_LABELS[recordRole].label}, ${PHASE_LABELS[recordPhase].label}. Your saved pathway uses this. If it is wrong, ask your leader to change it.` : undefined;
  return respond(
    c,
    { title: 'About your role', section: 'start', status: errors.length ? 422 : 200, hasErrors: errors.length > 0 },
    <AboutYouPage token={c.get('csrfToken')} state={shown} errors={errors} step={1} total={total(c)} action={withReturn(ABOUT_PATH, ret)} back={ret ? CHECK_PATH : '/'} note={note} />,
  );
}

async function questions(c: Context, n: number, state: JourneyState, errors: FieldError[] = [], submitted?: Record<string, string>) {
  const content = c.get('content');
  const pages = questionPages(content.questionnaire);
  const ret = isReturn(c);
  const firstNumber = pages.slice(0, n - 1).reduce((s, p) => s + p.length, 0) + 1;
  return respond(
    c,
    { title: `How confident do you feel? (page ${n} of ${pages.length})`, section: 'start', status: errors.length ? 422 : 200, hasErrors: errors.length > 0 },
    <QuestionsPage
      token={c.get('csrfToken')}
      questionnaire={content.questionnaire}
      items={pages[n - 1]!}
      firstNumber={firstNumber}
      state={state}
      submitted={submitted}
      errors={errors}
      step={n + 1}
      total={total(c)}
      action={withReturn(questionsPath(n), ret)}
      back={ret ? CHECK_PATH : n === 1 ? ABOUT_PATH : questionsPath(n - 1)}
    />,
  );
}

async function time(c: Context, state: JourneyState, errors: FieldError[] = []) {
  const content = c.get('content');
  const pages = questionPages(content.questionnaire);
  const ret = isReturn(c);
  return respond(
    c,
    { title: 'Time for training', section: 'start', status: errors.length ? 422 : 200, hasErrors: errors.length > 0 },
    <TimePage token={c.get('csrfToken')} state={state} errors={errors} step={pages.length + 2} total={total(c)} action={withReturn(TIME_PATH, ret)} back={ret ? CHECK_PATH : questionsPath(pages.length)} />,
  );
}

function pageNumber(c: Context): number | null {
  const n = Number(c.req.param('n'));
  const count = questionPages(c.get('content').questionnaire).length;
  return Number.isInteger(n) && n >= 1 && n <= count ? n : null;
}

export function registerJourney(app: Hono<AppEnv>): void {
  app.get('/assessment', (c) => c.redirect(ABOUT_PATH, 303));

  app.get(ABOUT_PATH, async (c) => aboutYou(c, await readJourney(c)));
  app.post(ABOUT_PATH, async (c) => {
    const form = (await c.req.parseBody()) as Form;
    const state = await readJourney(c);
    const role = str(form.role);
    const phase = str(form.phase);
    const errors: FieldError[] = [];
    if (!isIn<Role>(ROLES, role)) errors.push({ field: 'role', text: 'Select your role' });
    if (!isIn<Phase>(PHASES, phase)) errors.push({ field: 'phase', text: 'Select where you work' });
    if (errors.length) return aboutYou(c, { ...state, role: isIn<Role>(ROLES, role) ? role : undefined, phase: isIn<Phase>(PHASES, phase) ? phase : undefined }, errors);
    const next: JourneyState = { ...state, role: role as Role, phase: phase as Phase };
    await writeJourney(c, next);
    return c.redirect(nextPath(c, next, questionsPath(1)), 303);
  });

  app.get('/assessment/questions/:n', async (c) => {
    const n = pageNumber(c);
    if (n === null) return respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);
    return questions(c, n, await readJourney(c));
  });
  app.post('/assessment/questions/:n', async (c) => {
    const n = pageNumber(c);
    if (n === null) return respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);
    const content = c.get('content');
    const { scale } = content.questionnaire;
    const pages = questionPages(content.questionnaire);
    const items = pages[n - 1]!;
    const firstNumber = pages.slice(0, n - 1).reduce((s, p) => s + p.length, 0) + 1;
    const form = (await c.req.parseBody()) as Form;
    const state = await readJourney(c);
    const answers: Record<string, number | null> = { ...state.answers };
    const submitted: Record<string, string> = {};
    const errors: FieldError[] = [];
    items.forEach((item, i) => {
      const raw = str(form[itemField(item.id)]);
      const v = raw === NOT_RELEVANT ? null : Number(raw);
      if (raw !== undefined) submitted[itemField(item.id)] = raw;
      if (v === null) answers[item.id] = null;
      else if (Number.isInteger(v) && v >= scale.min && v <= scale.max) answers[item.id] = v;
      else errors.push({ field: itemField(item.id), text: `Question ${firstNumber + i}: select how confident you feel, or “${scale.notRelevantLabel}”` });
    });
    if (errors.length) return questions(c, n, state, errors, submitted);
    const next: JourneyState = { ...state, answers };
    await writeJourney(c, next);
    return c.redirect(nextPath(c, next, n < pages.length ? questionsPath(n + 1) : TIME_PATH), 303);
  });

  app.get(TIME_PATH, async (c) => time(c, await readJourney(c)));
  app.post(TIME_PATH, async (c) => {
    const form = (await c.req.parseBody({ all: true })) as Form;
    const state = await readJourney(c);
    const weekly = Number(str(form.weekly));
    const budget = Number(str(form.budget));
    const rawFormats = form.formats === undefined ? [] : Array.isArray(form.formats) ? form.formats : [form.formats];
    const formats = [...new Set(rawFormats.filter((f): f is Format => isIn<Format>(FORMATS, f)))];
    const errors: FieldError[] = [];
    if (!(WEEKLY_CHOICES as readonly number[]).includes(weekly)) errors.push({ field: 'weekly', text: 'Select how much time you can give each week' });
    if (!(BUDGET_CHOICES as readonly number[]).includes(budget)) errors.push({ field: 'budget', text: 'Select how much time you can give in total' });
    if (!formats.length) errors.push({ field: 'formats', text: 'Select at least one kind of training you can do' });
    const next: JourneyState = {
      ...state,
      weeklyMinutes: errors.some((e) => e.field === 'weekly') ? state.weeklyMinutes : weekly,
      budgetMinutes: errors.some((e) => e.field === 'budget') ? state.budgetMinutes : budget,
      formats: formats.length ? formats : [],
    };
    if (errors.length) return time(c, next, errors);
    await writeJourney(c, next);
    return c.redirect(nextPath(c, next, CHECK_PATH), 303);
  });

  app.get(CHECK_PATH, async (c) => {
    const content = c.get('content');
    const state = await readJourney(c);
    if (!isComplete(content, state)) return c.redirect(firstIncomplete(content.questionnaire, state).path, 303);
    const pages = journeyPages(content.questionnaire);
    const user = currentUser(c);
    return respond(
      c,
      { title: 'Check your answers', section: 'start' },
      <CheckAnswersPage token={c.get('csrfToken')} questionnaire={content.questionnaire} state={state} step={pages.length} total={pages.length} back={TIME_PATH} signedIn={!!user?.staffId} />,
    );
  });
  app.post(CHECK_PATH, async (c) => {
    const content = c.get('content');
    const state = await readJourney(c);
    if (!isComplete(content, state)) return c.redirect(firstIncomplete(content.questionnaire, state).path, 303);
    const user = currentUser(c);
    const staff = await staffOf(c, user?.staffId ?? null);
    if (staff) {
      await saveAssessment(c, staff, state);
      clearJourney(c);
      return c.redirect('/pathway?notice=saved', 303);
    }
    return c.redirect('/pathway', 303);
  });

  app.post('/assessment/reset', (c) => {
    clearJourney(c);
    return c.redirect('/', 303);
  });
}
