// GET / (start page), /accessibility, /privacy and /problems/<kind> (what each API problem means): pages that need no state beyond "are there answers?".
import type { Hono } from 'hono';
import { AccessibilityPage, PrivacyPage } from '../../../web/pages/info.js';
import { ProblemKindPage } from '../../../web/pages/problem-kind.js';
import { PROBLEMS, type ProblemKind, ProblemError } from '../../problem.js';
import { PROBLEM_HELP } from '../../problem-help.js';
import { StartPage } from '../../../web/pages/start.js';
import type { AppEnv } from '../../env.js';
import { readJourney } from './journey-cookie.js';
import { respond } from './render.js';
import { currentUser } from './web-user.js';

export function registerInfo(app: Hono<AppEnv>): void {
  app.get('/', async (c) => {
    const state = await readJourney(c);
    const user = currentUser(c);
    return respond(
      c,
      { title: 'Find SEND training that fits you', section: 'start' },
      <StartPage questionCount={c.get('content').questionnaire.items.length} signedIn={!!user} hasAnswers={!!state.role} token={c.get('csrfToken')} />,
    );
  });
  app.get('/accessibility', (c) => respond(c, { title: 'Accessibility statement' }, <AccessibilityPage />));
  app.get('/privacy', (c) => respond(c, { title: 'Privacy and cookies' }, <PrivacyPage />));
  app.get('/problems/:kind', (c) => {
    const kind = c.req.param('kind');
    if (!Object.hasOwn(PROBLEMS, kind)) throw new ProblemError('not-found', `There is no problem kind called "${kind}".`);
    const { title, status } = PROBLEMS[kind as ProblemKind];
    return respond(c, { title: `Problem: ${title}` }, <ProblemKindPage title={title} status={status} help={PROBLEM_HELP[kind as ProblemKind]} />);
  });
}
