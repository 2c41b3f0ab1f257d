// Cacheable JSON for reference data: a strong ETag over the exact bytes, Cache-Control, and 304 on a match.
import type { Context } from 'hono';

const cache = new WeakMap<object, { body: string; etag: string }>();

/** FNV-1a 32-bit over UTF-16 code units, hex; enough to tell content versions apart. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Sends `value` as JSON, memoised per object identity; answers 304 when If-None-Match matches. */
export function cachedJson(c: Context, value: object, maxAgeSeconds = 300): Response {
  let hit = cache.get(value);
  if (!hit) {
    const body = JSON.stringify(value);
    hit = { body, etag: `"${fnv1a(body)}-${body.length.toString(16)}"` };
    cache.set(value, hit);
  }
  const headers = {
    ETag: hit.etag,
    'Cache-Control': `public, max-age=${maxAgeSeconds}, must-revalidate`,
  };
  const inm = c.req.header('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === hit.etag || t.trim() === '*')) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(hit.body, { status: 200, headers: { ...headers, 'content-type': 'application/json' } });
}
