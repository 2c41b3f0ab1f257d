// The page shell every HTML page uses: doctype, lang, skip link, header/nav/main/footer landmarks.
import type { Child, FC } from 'hono/jsx';

export interface NavLink {
  readonly href: string;
  readonly label: string;
}

export interface LayoutProps {
  readonly title: string;
  readonly nav?: readonly NavLink[];
  readonly children?: Child;
}

const DEFAULT_NAV: readonly NavLink[] = [
  { href: '/', label: 'Start' },
  { href: '/docs', label: 'API reference' },
];

export const Layout: FC<LayoutProps> = ({ title, nav = DEFAULT_NAV, children }) => (
  <html lang="en-GB">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} – SEND training pathways`}</title>
      <link rel="stylesheet" href="/assets/app.css" />
    </head>
    <body>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <header class="site">
        <a class="brand" href="/">
          SEND training pathways
        </a>
        <nav aria-label="Main">
          <ul>
            {nav.map((l) => (
              <li>
                <a href={l.href}>{l.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabindex={-1}>
        {children}
      </main>
      <footer class="site">
        <p>
          Training recommendations for staff who support children and young people with special educational needs and
          disabilities. Module content shipped with the service is illustrative. <a href="/docs">API reference</a>.
        </p>
      </footer>
    </body>
  </html>
);

/** Renders a full page with the doctype (c.html alone would omit it and trigger quirks mode). */
export function page(title: string, body: Child, nav?: readonly NavLink[]): string {
  return '<!DOCTYPE html>' + String(<Layout title={title} nav={nav}>{body}</Layout>);
}
