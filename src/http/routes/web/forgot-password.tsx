// The "Forgot your password?" pages: a plain form that asks for a reset link by email (the same answer whether or
// not an account exists), or, when this server sends no email, who can reset it instead.
import type { Hono } from 'hono';
import { ForgotPasswordPage, NoEmailResetPage, ResetSentPage } from '../../../web/pages/forgot-password.js';
import type { AppEnv } from '../../env.js';
import { canEmailResets, requestPasswordReset } from '../../../services/password-reset.js';
import { respond } from './render.js';
import { serviceDeps } from '../../service-deps.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function registerForgotPassword(app: Hono<AppEnv>): void {
  app.get('/sign-in/forgot', (c) =>
    canEmailResets(serviceDeps(c))
      ? respond(c, { title: 'Reset your password', section: 'sign-in' }, <ForgotPasswordPage token={c.get('csrfToken')} errors={[]} />)
      : respond(c, { title: 'Reset your password', section: 'sign-in' }, <NoEmailResetPage />),
  );

  app.post('/sign-in/forgot', async (c) => {
    if (!canEmailResets(serviceDeps(c))) return respond(c, { title: 'Reset your password', section: 'sign-in', status: 503 }, <NoEmailResetPage />);
    const form = await c.req.parseBody();
    const email = typeof form.email === 'string' ? form.email.trim() : '';
    if (!EMAIL.test(email)) {
      const text = email ? 'Enter an email address in the correct format, like name@example.com' : 'Enter your email address';
      return respond(c, { title: 'Reset your password', section: 'sign-in', status: 422, hasErrors: true }, <ForgotPasswordPage token={c.get('csrfToken')} errors={[{ field: 'email', text }]} email={email} />);
    }
    void requestPasswordReset(serviceDeps(c), email);
    return respond(c, { title: 'Check your email', section: 'sign-in' }, <ResetSentPage email={email} />);
  });
}
