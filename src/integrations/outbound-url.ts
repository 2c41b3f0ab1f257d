// Which URLs this server calls (webhook endpoints, OpenID and LTI discovery, token and JWKS URLs): https to a public
// host. The host is refused by its literal form (loopback, private, link-local, unique-local names and addresses)
// and, where the runtime can resolve names (Node: node:dns), by every address it resolves to, checked again just
// before each call. ALLOW_PRIVATE_URLS=on lifts both checks (on-premises receivers, tests on 127.0.0.1).

/** Resolves a host name to its IP addresses (every A and AAAA record); throws when it cannot. */
export type HostResolver = (hostname: string) => Promise<string[]>;

export interface OutboundPolicy {
  readonly allowPrivate: boolean;
  /** Absent where names cannot be resolved (Workers): only the literal check applies. */
  readonly resolve?: HostResolver | undefined;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** True for IPv4 addresses that are not publicly routable (RFC 6890 special-purpose blocks, multicast, reserved). */
function privateV4(a: number, b: number, c: number): boolean {
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) || (a === 192 && b === 0 && (c === 0 || c === 2)) || (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113)
  );
}

/** The 16-bit groups of an IPv6 address (with an embedded IPv4 tail expanded), or null when it is not one. */
function v6Groups(ip: string): number[] | null {
  let s = ip.toLowerCase().replace(/%.*$/, '');
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (tail) {
    const m = V4.exec(tail[1]!)!.slice(1).map(Number);
    s = s.slice(0, -tail[1]!.length) + `${((m[0]! << 8) | m[1]!).toString(16)}:${((m[2]! << 8) | m[3]!).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const part = (h: string) => (h ? h.split(':') : []);
  const head = part(halves[0]!);
  const rest = halves.length === 2 ? part(halves[1]!) : [];
  const fill = halves.length === 2 ? 8 - head.length - rest.length : 0;
  const all = [...head, ...Array<string>(Math.max(0, fill)).fill('0'), ...rest];
  if (all.length !== 8 || !all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.map((g) => parseInt(g, 16));
}

/** True when `ip` (IPv4 or IPv6, IPv4-mapped, NAT64 or 6to4 included) is not a public unicast address. */
export function isPrivateAddress(ip: string): boolean {
  const v4 = V4.exec(ip);
  if (v4) return privateV4(Number(v4[1]), Number(v4[2]), Number(v4[3]));
  const g = v6Groups(ip);
  if (!g) return false;
  const embedded = (hi: number, lo: number) => privateV4(hi >> 8, hi & 0xff, lo >> 8);
  if (g.slice(0, 7).every((x) => x === 0)) return true; // :: and ::1
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return embedded(g[6]!, g[7]!); // ::ffff:a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b) return embedded(g[6]!, g[7]!); // NAT64
  if (g[0] === 0x2002) return embedded(g[1]!, g[2]!); // 6to4
  return (g[0]! & 0xfe00) === 0xfc00 || (g[0]! & 0xffc0) === 0xfe80 || (g[0]! & 0xff00) === 0xff00 || g[0] === 0x2001 && g[1] === 0xdb8;
}

/** True for loopback, link-local, private and unspecified hosts by their literal form (names like localhost included). */
export function isPrivateHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal')) return true;
  return isPrivateAddress(h);
}

const isIpLiteral = (h: string) => V4.test(h) || h.includes(':');

/** Why `url` may not be called (by its form alone), or null. */
export function urlFormProblem(url: string, allowPrivate: boolean): string | null {
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

/** Why `url` may not be called now (its form, then every address its host resolves to), or null. */
export async function outboundUrlProblem(url: string, policy: OutboundPolicy): Promise<string | null> {
  const bad = urlFormProblem(url, policy.allowPrivate);
  if (bad || policy.allowPrivate || !policy.resolve) return bad;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIpLiteral(host)) return null;
  let addresses: string[];
  try {
    addresses = await policy.resolve(host);
  } catch {
    return `The host ${host} could not be found.`;
  }
  if (!addresses.length) return `The host ${host} could not be found.`;
  const inside = addresses.find(isPrivateAddress);
  return inside ? `The host ${host} resolves to a private or loopback address (${inside}), which this server does not call.` : null;
}
