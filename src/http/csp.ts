// The Content-Security-Policy every answer carries, and the same policy with extra form targets for the one page
// that needs them (the sign-in page, whose school-account form is redirected on to the identity provider).

export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  objectSrc: ["'none'"],
};

const kebab = (s: string) => s.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);

/** The policy's header value with `origins` (exact origins like https://login.example) also allowed as form targets. */
export function cspWithFormTargets(origins: readonly string[]): string {
  const safe = origins.filter((o) => /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(o));
  return Object.entries(CSP)
    .map(([k, v]) => `${kebab(k)} ${(k === 'formAction' ? [...v, ...new Set(safe)] : v).join(' ')}`)
    .join('; ');
}
