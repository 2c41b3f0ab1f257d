// GET /progress (confidence then and now, history) and POST /progress/retake (fill the journey from the last
// assessment and start it again) for signed-in staff.
import type { Hono } from 'hono';
import { latestAssessment, pathwayHistory, progressOf } from '../../../services/history.js';
import { ABOUT_PATH } from '../../../web/journey/steps.js';
import { shownConfidence } from '../../../web/labels.js';
import { MessagePage } from '../../../web/pages/message.js';
import { ProgressPage } from '../../../web/pages/progress.js';
import type { AppEnv } from '../../env.js';
import { requireWebUser, userOf } from './guard.js';
import { writeJourney } from './journey-cookie.js';
import { journeyFromAssessment } from './my-pathway.js';
import { shortDate } from './pathway.js';
import { respond } from './render.js';
import { serviceDeps } from '../../service-deps.js';

export function registerProgress(app: Hono<AppEnv>): void {
  app.get('/progress', requireWebUser(['staff', 'leader']), async (c) => {
    const user = userOf(c);
    const pathways = user.staffId ? await pathwayHistory(serviceDeps(c), user.staffId) : [];
    if (!pathways.length) {
      return respond(
        c,
        { title: 'Your progress', section: 'progress' },
        <MessagePage heading="Your progress">
          <p>
            You have not saved a self-assessment yet. <a href="/assessment/about-you">Answer the self-assessment</a> to get your
            pathway and see your progress here.
          </p>
        </MessagePage>,
      );
    }
    const content = c.get('content');
    const titles = new Map(content.catalogue.modules.map((m) => [m.id, m.title]));
    const first = pathways[0]!;
    const last = pathways[pathways.length - 1]!;
    const rows = content.taxonomy.areas
      .filter((a) => first.response.profile[a.id] && last.response.profile[a.id])
      .map((a) => ({ name: a.name, before: shownConfidence(first.response.profile[a.id]!), after: shownConfidence(last.response.profile[a.id]!) }));
    const history = pathways.map((p, i) => {
      const added = p.request.completedModuleIds.filter((id) => !(pathways[i - 1]?.request.completedModuleIds ?? []).includes(id));
      return {
        date: shortDate(p.createdAt),
        what: p.cause === 'assessment' ? 'Self-assessment' : `Check-in after “${added.map((id) => titles.get(id) ?? id).join(', ') || 'a step'}”`,
        stepsLeft: p.response.pathway.steps.length,
      };
    });
    const done = (await progressOf(serviceDeps(c), user.staffId!)).filter((p) => p.status === 'completed').length;
    return respond(
      c,
      { title: 'Your progress', section: 'progress' },
      <ProgressPage token={c.get('csrfToken')} rows={rows} firstDate={shortDate(first.createdAt)} lastDate={shortDate(last.createdAt)} history={history} doneCount={done} />,
    );
  });

  app.post('/progress/retake', requireWebUser(['staff', 'leader']), async (c) => {
    const user = userOf(c);
    const latest = user.staffId ? await latestAssessment(serviceDeps(c), user.staffId) : undefined;
    if (latest) await writeJourney(c, journeyFromAssessment(latest.answers));
    return c.redirect(ABOUT_PATH, 303);
  });
}
