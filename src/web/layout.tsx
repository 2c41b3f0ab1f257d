// The page shell every HTML page uses: doctype, lang, skip link, header/nav/main/footer landmarks.
import type { Child, FC } from 'hono/jsx';

export interface NavLink {
  readonly href: string;
  readonly label: string;
  /** Marks the link for the current section with aria-current="page". */
  readonly current?: boolean;
}

export interface LayoutProps {
  readonly title: string;
  readonly nav?: readonly NavLink[];
  /** Extra header content after the nav, e.g. the signed-in name and a sign-out button. */
  readonly account?: Child;
  readonly children?: Child;
}

const DEFAULT_NAV: readonly NavLink[] = [
  { href: '/', label: 'Start' },
  { href: '/docs', label: 'API reference' },
];

export const Layout: FC<LayoutProps> = ({ title, nav = DEFAULT_NAV, account, children }) => (
  <html lang="en-GB">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} – SEND training pathways`}</title>
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href="/assets/app.css" />
    </head>
    <body>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="site">
        <div class="site-inner">
          <a class="brand" href="/">
            SEND training pathways
          </a>
          <nav aria-label="Main">
            <ul>
              {nav.map((l) => (
                <li>
                  <a href={l.href} aria-current={l.current ? 'page' : undefined}>
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {account ? <div class="account">{account}</div> : null}
        </div>
      </header>
      <main id="main" tabindex={-1}>
        {children}
      </main>
      <footer class="site">
        <p>
          Training recommendations for staff who support children and young people with special educational needs and
          disabilities. Modules without a link to a course are outlines only. <a href="/accessibility">Accessibility</a> ·{' '}
          <a href="/privacy">Privacy and cookies</a> · <a href="/docs">API reference</a>
        </p>
      </footer>
    </body>
  </html>
);

export interface PageOptions {
  readonly title: string;
  readonly nav?: readonly NavLink[] | undefined;
  readonly account?: Child;
  /** Prefixes the title with "Error: " (GOV.UK pattern) when the page shows an error summary. */
  readonly hasErrors?: boolean;
}

/** Renders a full page with the doctype (c.html alone would omit it and trigger quirks mode). */
export function page(title: string, body: Child, nav?: readonly NavLink[]): string {
  return renderPage({ title, nav }, body);
}

/** page() with options: nav, account area and the error title prefix. */
export function renderPage(opts: PageOptions, body: Child): string {
  const title = opts.hasErrors ? `Error: ${opts.title}` : opts.title;
  return (
    '<!DOCTYPE html>' +
    String(
      <Layout title={title} nav={opts.nav} account={opts.account}>
        {body}
      </Layout>,
    )
  );
}
