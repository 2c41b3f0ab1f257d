// Which URLs may receive webhooks: https to a public host; plain http and private or loopback addresses only when
// the operator allows them (ALLOW_PRIVATE_URLS=on, for tests and on-premises receivers).

const PRIVATE_V4 = [/^10\./, /^127\./, /^169\.254\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^0\./, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\./];

/** True for loopback, link-local, private and unspecified hosts (names like localhost included). */
export function isPrivateHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal')) return true;
  if (PRIVATE_V4.some((re) => re.test(h))) return true;
  return h === '::' || h === '::1' || /^f[cd][0-9a-f]{2}:/.test(h) || /^fe80:/.test(h) || h.startsWith('::ffff:');
}

/** Why `url` cannot receive webhooks, or null when it can. */
export function endpointUrlProblem(url: string, allowPrivate: boolean): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'Enter an absolute URL, e.g. https://mis.school.example/hooks.';
  }
  if (u.username || u.password) return 'Put no user name or password in the URL; verify the signature instead.';
  if (allowPrivate) return u.protocol === 'https:' || u.protocol === 'http:' ? null : 'Use an http or https URL.';
  if (u.protocol !== 'https:') return 'Use an https URL.';
  if (isPrivateHost(u.hostname)) return 'The URL points at a private or loopback address, which this server does not call.';
  return null;
}
