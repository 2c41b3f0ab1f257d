// Sends a full HTML page: chooses the nav for the viewer (anonymous, staff, leader, panel) and adds sign-out.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CsrfField } from '../../../web/components/forms.js';
import { renderPage, type NavLink } from '../../../web/layout.js';
import { currentUser, type WebUser } from './web-user.js';

export type Section = 'start' | 'pathway' | 'progress' | 'dashboard' | 'panel' | 'account' | 'sign-in' | 'other';

export function navFor(user: WebUser | null, section: Section): NavLink[] {
  const links: (NavLink & { section: Section })[] = [{ href: '/', label: 'Start', section: 'start' }];
  if (user) {
    if (user.staffId) {
      links.push({ href: '/pathway', label: 'My pathway', section: 'pathway' });
      links.push({ href: '/progress', label: 'My progress', section: 'progress' });
    }
    if (user.role === 'leader' || user.role === 'admin') links.push({ href: '/dashboard', label: 'Dashboard', section: 'dashboard' });
    if (user.role === 'panel' || user.role === 'admin') links.push({ href: '/panel', label: 'Evidence panel', section: 'panel' });
    links.push({ href: '/account', label: 'Account', section: 'account' });
  } else {
    links.push({ href: '/pathway', label: 'My pathway', section: 'pathway' });
    links.push({ href: '/sign-in', label: 'Sign in', section: 'sign-in' });
  }
  return links.map(({ section: s, ...l }) => ({ ...l, current: s === section }));
}

export interface RespondOptions {
  readonly title: string;
  readonly section?: Section;
  readonly status?: ContentfulStatusCode;
  readonly hasErrors?: boolean;
}

/** Renders `body` in the layout for the signed-in viewer (if any) with HTML no-store caching. */
export async function respond(c: Context, opts: RespondOptions, body: Child): Promise<Response> {
  // Before authentication runs (a body refused by size) there is no principal, so no one is shown as signed in.
  const user = currentUser(c);
  const account: Child = user ? (
    <form method="post" action="/sign-out" class="sign-out">
      <CsrfField token={c.get('csrfToken')} />
      <span class="who">{user.name}</span> <button type="submit" class="link-button">Sign out</button>
    </form>
  ) : undefined;
  const html = renderPage({ title: opts.title, nav: navFor(user, opts.section ?? 'other'), account, hasErrors: opts.hasErrors ?? false }, body);
  return c.html(html, opts.status ?? 200, { 'cache-control': 'no-store' });
}
