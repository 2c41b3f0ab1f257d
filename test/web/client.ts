// A cookie-keeping client for in-process HTML tests: GET/POST forms against app.request, reading CSRF tokens from pages.
/** Anything with Hono's app.request(path, init). */
interface Fetchable {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}
export type Fields = Record<string, string | string[]>;

export class WebClient {
  readonly jar = new Map<string, string>();
  lastHtml = '';

  constructor(private readonly app: Fetchable) {}

  private cookieHeader(): Record<string, string> {
    return this.jar.size ? { cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  private keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (attrs.some((a) => /max-age=0\b/i.test(a.trim())) || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.app.request(path, { headers: { ...this.cookieHeader(), ...headers } });
    this.keep(res);
    return res;
  }

  /** GET and return the body text (kept as lastHtml). */
  async page(path: string): Promise<{ res: Response; html: string }> {
    const res = await this.get(path);
    const html = await res.text();
    this.lastHtml = html;
    return { res, html };
  }

  /** The CSRF token of the last page fetched with page(). */
  token(): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml);
    if (!m) throw new Error('no CSRF field on the last page');
    return m[1]!;
  }

  /** POSTs urlencoded fields, adding the last page's CSRF token unless `_csrf` is given (null = send none). */
  async post(path: string, fields: Fields, csrf?: string | null): Promise<Response> {
    const body = new URLSearchParams();
    const token = csrf === undefined ? this.token() : csrf;
    if (token !== null) body.append('_csrf', token);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const res = await this.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader() },
      body,
    });
    this.keep(res);
    return res;
  }

  /** POSTs a multipart form (for file uploads) with the last page's CSRF token. */
  async postMultipart(path: string, form: FormData): Promise<Response> {
    if (!form.has('_csrf')) form.append('_csrf', this.token());
    const res = await this.app.request(path, { method: 'POST', headers: this.cookieHeader(), body: form });
    this.keep(res);
    return res;
  }
}
