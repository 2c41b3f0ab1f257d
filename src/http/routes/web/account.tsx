// Sign in, sign out, accept an invite (set a password) and "Your account", as server-rendered forms.
// Signing in with `save` stores the browser's finished self-assessment in the person's account.
import type { Context, Hono } from 'hono';
import { staffOfUser } from '../../../services/staff.js';
import { orgById } from '../../../services/tenancy.js';
import type { FieldError } from '../../../web/components/forms.js';
import { isComplete } from '../../../web/journey/state.js';
import { AccountPage } from '../../../web/pages/account.js';
import { MessagePage } from '../../../web/pages/message.js';
import { InvitePage, SignInPage } from '../../../web/pages/sign-in.js';
import { acceptInvite, checkCredentials, inviteAccount } from '../../auth/credentials.js';
import { passwordProblems } from '../../auth/passwords.js';
import { cspWithFormTargets } from '../../csp.js';
import type { AppEnv } from '../../env.js';
import { createSession, destroySession } from '../../middleware/auth.js';
import { connectionForEmail, ssoFormTargets } from '../../../services/sso.js';
import { requireWebUser, safeNext, userOf } from './guard.js';
import { clearJourney, readJourney } from './journey-cookie.js';
import { saveAssessment, staffOf } from './my-pathway.js';
import { respond } from './render.js';
import { serviceDeps } from '../../service-deps.js';

type C = Context<AppEnv>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Where a person lands after signing in when no `next` was asked for. */
function home(role: string, hasStaff: boolean): string {
  if (role === 'leader') return '/dashboard';
  if (role === 'panel') return '/panel';
  if (role === 'admin') return '/account';
  return hasStaff ? '/pathway' : '/account';
}

async function signInPage(c: C, errors: FieldError[], email?: string, next?: string, save?: boolean, schoolEmail?: string) {
  const targets = await ssoFormTargets(serviceDeps(c));
  const res = await respond(
    c,
    { title: 'Sign in', section: 'sign-in', status: errors.length ? (errors.some((e) => e.text.startsWith('The email')) ? 401 : 422) : 200, hasErrors: errors.length > 0 },
    <SignInPage token={c.get('csrfToken')} errors={errors} email={email} next={next} save={save ?? false} sso={targets ? { email: schoolEmail } : undefined} />,
  );
  // The school-account form is redirected on to the provider, which the page's form-action must allow.
  if (targets) res.headers.set('Content-Security-Policy', cspWithFormTargets(targets));
  return res;
}

export function registerAccount(app: Hono<AppEnv>): void {
  app.get('/sign-in', (c) => signInPage(c, [], undefined, safeNext(c.req.query('next')), c.req.query('save') === '1'));

  // The school-account form: the email's domain picks the organisation's connection, then /v1/sso/start takes over.
  app.get('/sign-in/school', async (c) => {
    const email = (c.req.query('school-email') ?? '').trim();
    const next = safeNext(c.req.query('next'));
    const found = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? await connectionForEmail(serviceDeps(c), email) : { problem: 'Enter your work email address, like name@school.example.org.uk' };
    if ('problem' in found) return signInPage(c, [{ field: 'school-email', text: found.problem }], undefined, next, false, email);
    const to = new URLSearchParams({ connection: found.connection.id, email, returnTo: next ?? '/sign-in/home' });
    return c.redirect(`/v1/sso/start?${to.toString()}`, 303);
  });

  // Where single sign-on lands when no page was asked for: the signed-in person's home page.
  app.get('/sign-in/home', requireWebUser(['staff', 'leader', 'panel', 'admin']), async (c) => {
    const user = userOf(c);
    return c.redirect(home(user.role, !!user.staffId), 303);
  });

  app.post('/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const email = str(form.email).trim();
    const password = str(form.password);
    const next = safeNext(form.next);
    const save = form.save === '1';
    const errors: FieldError[] = [];
    if (!email) errors.push({ field: 'email', text: 'Enter your email address' });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.push({ field: 'email', text: 'Enter an email address in the correct format, like name@example.com' });
    if (!password) errors.push({ field: 'password', text: 'Enter your password' });
    if (errors.length) return signInPage(c, errors, email, next, save);
    const user = await checkCredentials(c, email, password);
    if (!user) return signInPage(c, [{ field: 'email', text: 'The email address or password is not right' }], email, next, save);
    await createSession(c, user.id);
    const staff = await staffOfUser(serviceDeps(c), user.id);
    const staffRecord = save && staff ? await staffOf(c, staff.id) : null;
    if (staffRecord) {
      const state = await readJourney(c);
      if (isComplete(c.get('content'), state)) {
        await saveAssessment(c, staffRecord, state);
        clearJourney(c);
      }
    }
    return c.redirect(next ?? home(user.role, !!staff), 303);
  });

  app.post('/sign-out', async (c) => {
    await destroySession(c);
    return c.redirect('/', 303);
  });

  const invitePage = async (c: C, invite: string, errors: FieldError[] = []) => {
    const user = await inviteAccount(c, invite);
    if (!user) {
      return respond(
        c,
        { title: 'This invite link has expired', status: 404 },
        <MessagePage heading="This invite link has expired">
          <p>The link may have been used already, or it is more than 7 days old. Ask your setting’s leader for a new one.</p>
        </MessagePage>,
      );
    }
    return respond(c, { title: 'Create your password', status: errors.length ? 422 : 200, hasErrors: errors.length > 0 }, <InvitePage token={c.get('csrfToken')} invite={invite} email={user.email} errors={errors} />);
  };

  app.get('/invite', (c) => invitePage(c, c.req.query('token') ?? ''));
  app.post('/invite', async (c) => {
    const form = await c.req.parseBody();
    const invite = str(form.invite);
    const password = str(form.password);
    const user = await inviteAccount(c, invite);
    if (!user) return invitePage(c, invite);
    const errors: FieldError[] = [];
    if (!password) errors.push({ field: 'password', text: 'Enter a password' });
    else for (const p of passwordProblems(password, user.email)) errors.push({ field: 'password', text: p });
    if (!errors.length && str(form.confirm) !== password) errors.push({ field: 'confirm', text: 'The passwords do not match' });
    if (errors.length) return invitePage(c, invite, errors);
    const done = await acceptInvite(c, invite, password);
    if (!done.ok) return invitePage(c, invite, done.reason === 'password' ? done.problems.map((text) => ({ field: 'password', text })) : []);
    const staff = await staffOfUser(serviceDeps(c), user.id);
    return c.redirect(home(user.role, !!staff), 303);
  });

  app.get('/account', requireWebUser(['staff', 'leader', 'panel', 'admin']), async (c) => {
    const user = userOf(c);
    const org = user.orgId ? await orgById(serviceDeps(c), user.orgId) : null;
    return respond(c, { title: 'Your account', section: 'account' }, <AccountPage name={user.name} email={user.email} role={user.role} orgName={org?.name} hasStaff={!!user.staffId} />);
  });
}
