// registerWeb(app, logger): the server-rendered HTML service (staff journey, pathway, accounts, dashboard, panel) with CSRF.
import type { Hono } from 'hono';
import { csrf } from '../../middleware/csrf.js';
import type { AppEnv } from '../../env.js';
import { FormExpiredPage } from '../../../web/pages/message.js';
import { registerAccount } from './account.js';
import { registerForgotPassword } from './forgot-password.js';
import { registerDashboard } from './dashboard.js';
import { registerClosures } from './closures.js';
import { registerOwnTraining } from './own-training.js';
import { registerWebhookPages } from './webhooks.js';
import { registerInfo } from './info.js';
import { registerJourney } from './journey.js';
import { registerPanel } from './panel.js';
import { registerPanelLearning } from './panel-learning.js';
import { registerPathway } from './pathway.js';
import { registerProgress } from './progress.js';
import { htmlErrors } from './guard.js';
import { respond } from './render.js';
import { webSecret } from './secret.js';
import type { Logger } from '../../logger.js';

/** Path prefixes served as HTML pages; only these get the CSRF cookie and check (never the JSON API). */
export const WEB_PREFIXES = ['/assessment', '/pathway', '/progress', '/sign-in', '/sign-out', '/invite', '/account', '/dashboard', '/panel', '/accessibility', '/privacy'];

export function isWebPath(path: string): boolean {
  return path === '/' || WEB_PREFIXES.some((p) => path === p || path.startsWith(p + '/') || path.startsWith(p + '.'));
}

export function registerWeb(app: Hono<AppEnv>, logger: Logger): void {
  const protect = csrf({
    secret: webSecret,
    onReject: (c) => {
      const referer = c.req.header('referer');
      let back: string | undefined;
      try {
        back = referer ? new URL(referer).pathname : undefined;
      } catch {
        back = undefined;
      }
      return respond(c, { title: 'Sorry, that form has expired', status: 403 }, <FormExpiredPage back={back} />);
    },
  });
  app.use('*', async (c, next) => {
    if (!isWebPath(c.req.path)) return next();
    const rejected = await protect(c, next);
    if (rejected) return rejected;
    await htmlErrors(c);
  });
  registerInfo(app);
  registerJourney(app);
  registerPathway(app);
  registerProgress(app);
  registerAccount(app);
  registerForgotPassword(app);
  registerDashboard(app);
  registerClosures(app);
  registerOwnTraining(app);
  registerWebhookPages(app);
  registerPanel(app, logger);
  registerPanelLearning(app);
}
