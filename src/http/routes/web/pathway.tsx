// GET /pathway (the pathway page), GET /pathway.ics (its schedule), and for signed-in staff: save the browser's
// answers, mark a step done with a quick check-in, and see the re-planned pathway.
import type { Context, Hono } from 'hono';
import { recommend } from '../../../domain/recommend.js';
import type { Content, PathwayStep, RecommendationResponse } from '../../../domain/types.js';
import type { MergedStep } from '../../../domain/merge-assigned.js';
import type { Staff } from '../../../repos/staff.js';
import { PostForm } from '../../../web/components/forms.js';
import { buildIcs, firstMonday, sessionForStep } from '../../../web/ics.js';
import { bookedSessionIds } from '../../../services/history.js';
import { isComplete, toRequest, type JourneyState } from '../../../web/journey/state.js';
import { firstIncomplete } from '../../../web/journey/steps.js';
import { assessmentMinutes, duration, FORMAT_SHORT } from '../../../web/labels.js';
import { CheckInPage, SKIP } from '../../../web/pages/check-in.js';
import { MessagePage, NotFoundPage } from '../../../web/pages/message.js';
import { RoleNote, SaveJourneyForm, SignedInBefore, StepExtras } from '../../../web/pages/my-pathway-parts.js';
import { PathwayPage } from '../../../web/pages/pathway.js';
import type { AppEnv } from '../../env.js';
import { requireWebUser, userOf } from './guard.js';
import { clearJourney, readJourney, writeJourney } from './journey-cookie.js';
import { engineContent, recordCheckIn, saveAssessment, staffOf } from './my-pathway.js';
import { myPathway, planningState, type MyPathway } from '../../../services/pathway-view.js';
import { respond } from './render.js';
import { scheduleFor } from './schedule-view.js';
import { closedRangesFor } from '../../../services/closures.js';
import { currentUser } from './web-user.js';
import { serviceDeps } from '../../service-deps.js';

type C = Context<AppEnv>;

/** "Monday 30 November 2026" for a UTC date. */
export function longDate(d: Date): string {
  const part = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...o, timeZone: 'UTC' }).format(d);
  return `${part({ weekday: 'long' })} ${part({ day: 'numeric' })} ${part({ month: 'long' })} ${part({ year: 'numeric' })}`;
}

/** "30 November 2026" for an ISO date or timestamp. */
export function shortDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

type Found =
  | { kind: 'mine'; staff: Staff; view: MyPathway; content: Content }
  | { kind: 'journey'; state: JourneyState; result: RecommendationResponse; content: Content; settingId: string | null }
  | { kind: 'redirect'; to: string }
  | { kind: 'none' };

/** The pathway to show: a signed-in person's saved (or assigned) one, else the one from this browser's answers. */
async function findPathway(c: C): Promise<Found> {
  const user = currentUser(c);
  const staff = await staffOf(c, user?.staffId ?? null);
  if (staff) {
    const content = await engineContent(c);
    const view = myPathway(content, await planningState(serviceDeps(c), staff));
    if (view.assessed || view.steps.length) return { kind: 'mine', staff, view, content };
  }
  const state = await readJourney(c);
  if (!isComplete(c.get('content'), state)) {
    const started = state.role || Object.keys(state.answers).length;
    if (started) return { kind: 'redirect', to: firstIncomplete(c.get('content').questionnaire, state).path };
    return staff ? { kind: 'none' } : { kind: 'redirect', to: '/' };
  }
  const content = await engineContent(c);
  return { kind: 'journey', state, result: recommend(content, toRequest(content, state)), content, settingId: staff?.settingId ?? null };
}

const NOTICES: Readonly<Record<string, string>> = {
  saved: 'Your pathway is saved to your account.',
  done: 'Step marked as done. We have re-planned the rest of your pathway.',
};

/** The page's schedule props: when week 1 starts, how many closures are skipped, and each step's day (none for a live session). */
async function scheduleProps(c: C, settingId: string | null, steps: readonly PathwayStep[], content: Content, booked: ReadonlySet<string>) {
  const now = c.get('clock')();
  const schedule = await scheduleFor(c, settingId, steps);
  const dateOf = (s: PathwayStep) => {
    const d = schedule.dates.get(s.position);
    return d && !sessionForStep(content, s.moduleId, booked, now) ? longDate(d) : undefined;
  };
  return { startsOn: longDate(schedule.firstDay), closures: schedule.closed.length, dateOf };
}

async function minePage(c: C, staff: Staff, view: MyPathway, content: Content): Promise<Response> {
  const token = c.get('csrfToken');
  const notice = NOTICES[c.req.query('notice') ?? ''];
  const latest = view.assessed ? (await planningState(serviceDeps(c), staff)).latest : null;
  const done = view.completed.map((d) => ({ title: d.title, on: '' }));
  const booked = await bookedSessionIds(serviceDeps(c), staff.id);
  return respond(
    c,
    { title: 'Your training pathway', section: 'pathway' },
    <PathwayPage
      token={token}
      content={content}
      state={{ role: latest?.request.role, phase: latest?.request.phase, answers: {} }}
      result={{ pathway: { steps: view.steps, totalMinutes: view.totalMinutes }, profile: view.profile ?? {}, provenance: view.provenance ?? undefined }}
      {...await scheduleProps(c, staff.settingId, view.steps, content, booked)}
      signedIn
      booked={booked}
      now={c.get('clock')().getTime()}
      before={
        <>
          <SignedInBefore notice={notice} done={done} updated={view.updatedAt ? shortDate(view.updatedAt) : null} />
          {view.assessed ? null : (
            <p>
              Your leader has assigned the steps below. <a href="/assessment/about-you">Answer the self-assessment</a> to add steps
              chosen for you.
            </p>
          )}
        </>
      }
      roleNote={<RoleNote chosen={latest?.request.role} listed={staff.jobRole} />}
      stepActions={(s) => <StepExtras step={s as MergedStep} dueText={(d) => shortDate(d)} />}
      change={
        <>
          <p>Answer the self-assessment again to see how your confidence has changed and get a fresh plan.</p>
          <PostForm action="/progress/retake" token={token}>
            <button type="submit" class="secondary">
              Re-take the self-assessment
            </button>
          </PostForm>
          <p>
            <a href="/progress">See how your confidence has changed over time</a>
          </p>
        </>
      }
    />,
  );
}

/** A signed-in person's calendar key: 16 hex characters of SHA-256 of their staff id (no name or email in the file). */
async function personKey(staffId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`calendar:${staffId}`)));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** This browser's calendar key, made (and kept in the journey cookie) on the first download. */
async function journeyKey(c: C, state: JourneyState): Promise<string> {
  if (state.calendarKey) return state.calendarKey;
  const calendarKey = [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
  await writeJourney(c, { ...state, calendarKey });
  return calendarKey;
}

export function registerPathway(app: Hono<AppEnv>): void {
  app.get('/pathway', async (c) => {
    const found = await findPathway(c);
    if (found.kind === 'redirect') return c.redirect(found.to, 303);
    if (found.kind === 'none') {
      return respond(
        c,
        { title: 'Your training pathway', section: 'pathway' },
        <MessagePage heading="Your training pathway">
          <p>You have not answered the self-assessment yet. It takes about {assessmentMinutes(c.get('content').questionnaire.items.length)} minutes.</p>
          <a class="button start" href="/assessment/about-you">
            Start the self-assessment
          </a>
        </MessagePage>,
      );
    }
    const user = currentUser(c);
    if (found.kind === 'mine') return minePage(c, found.staff, found.view, found.content);
    return respond(
      c,
      { title: 'Your training pathway', section: 'pathway' },
      <PathwayPage
        token={c.get('csrfToken')}
        content={found.content}
        state={found.state}
        result={found.result}
        {...await scheduleProps(c, found.settingId, found.result.pathway.steps, found.content, new Set())}
        signedIn={!!user}
        now={c.get('clock')().getTime()}
        before={user?.staffId ? <SaveJourneyForm token={c.get('csrfToken')} /> : undefined}
      />,
    );
  });

  app.post('/pathway/save', requireWebUser(['staff', 'leader']), async (c) => {
    const user = userOf(c);
    const staff = await staffOf(c, user.staffId);
    const state = await readJourney(c);
    if (!staff || !isComplete(c.get('content'), state)) return c.redirect('/pathway', 303);
    await saveAssessment(c, staff, state);
    clearJourney(c);
    return c.redirect('/pathway?notice=saved', 303);
  });

  app.get('/pathway.ics', async (c) => {
    const found = await findPathway(c);
    if (found.kind === 'redirect') return c.redirect(found.to, 303);
    if (found.kind === 'none') return c.redirect('/pathway', 303);
    const steps = found.kind === 'mine' ? found.view.steps : found.result.pathway.steps;
    const now = c.get('clock')();
    const booked = found.kind === 'mine' ? await bookedSessionIds(serviceDeps(c), found.staff.id) : new Set<string>();
    const ics = buildIcs({
      steps,
      sessionFor: (s) => sessionForStep(found.content, s.moduleId, booked, now),
      start: firstMonday(now),
      closedRanges: await closedRangesFor(serviceDeps(c), found.kind === 'mine' ? found.staff.settingId : found.settingId),
      now,
      uidPrefix: found.kind === 'mine' ? await personKey(found.staff.id) : await journeyKey(c, found.state),
      describe: (s) => `${FORMAT_SHORT[s.format]}, ${duration(s.minutes)}. ${s.explanation}`,
    });
    return c.body(ics, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="send-training-pathway.ics"',
      'cache-control': 'no-store',
    });
  });

  /** The step of the person's pathway (assigned or personalised) for the module id in the path. */
  const stepFor = async (c: C) => {
    const user = userOf(c);
    const staff = await staffOf(c, user.staffId);
    if (!staff) return null;
    const view = myPathway(c.get('content'), await planningState(serviceDeps(c), staff));
    const step = view.steps.find((s) => s.moduleId === c.req.param('moduleId'));
    return step ? { staff, step } : null;
  };

  app.get('/pathway/steps/:moduleId/check-in', requireWebUser(['staff', 'leader']), async (c) => {
    const found = await stepFor(c);
    if (!found) return respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);
    const content = c.get('content');
    const names = new Map(content.taxonomy.areas.map((a) => [a.id, a.name]));
    const mod = content.catalogue.modules.find((m) => m.id === found.step.moduleId);
    const targetIds = found.step.targets.length ? found.step.targets.map((t) => t.areaId) : (mod?.areas ?? []).filter((a) => a.relevance >= 0.5).map((a) => a.areaId);
    const areas = targetIds.map((id) => ({ id, name: names.get(id) ?? id }));
    return respond(
      c,
      { title: `Check in: ${found.step.title}`, section: 'pathway' },
      <CheckInPage token={c.get('csrfToken')} moduleId={found.step.moduleId} title={found.step.title} position={found.step.position} areas={areas} questionnaire={content.questionnaire} />,
    );
  });

  app.post('/pathway/steps/:moduleId/check-in', requireWebUser(['staff', 'leader']), async (c) => {
    const found = await stepFor(c);
    if (!found) return respond(c, { title: 'Page not found', status: 404 }, <NotFoundPage />);
    const form = await c.req.parseBody();
    const { scale } = c.get('content').questionnaire;
    const ratings: Record<string, number> = {};
    const known = new Set(c.get('content').taxonomy.areas.map((a) => a.id));
    for (const [key, raw] of Object.entries(form)) {
      const areaId = key.startsWith('r-') ? key.slice(2) : '';
      const v = Number(raw);
      if (known.has(areaId) && raw !== SKIP && Number.isInteger(v) && v >= scale.min && v <= scale.max) ratings[areaId] = v;
    }
    await recordCheckIn(c, found.staff, found.step.moduleId, ratings);
    return c.redirect('/pathway?notice=done', 303);
  });
}
