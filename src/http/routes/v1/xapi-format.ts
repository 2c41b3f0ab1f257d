// The `format` of statements read back (xAPI 1.0.3 Communication part 2.1.3): `exact` as received (and stored);
// `ids` with only what identifies each Agent, Group, Activity and Verb; `canonical` with one language in each
// language map of Activities and Verbs, chosen by Accept-Language (this service keeps no other canonical definitions).

type Json = Record<string, unknown>;
export type StatementFormat = 'ids' | 'exact' | 'canonical';

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;

/** An Agent or Group as its identifier only; an anonymous Group as its members' identifiers. */
function actorIds(a: unknown): unknown {
  if (!isObject(a)) return a;
  const out: Json = { objectType: a.objectType ?? 'Agent' };
  const ifi = IFIS.find((k) => a[k] !== undefined);
  if (ifi) out[ifi] = a[ifi];
  else if (Array.isArray(a.member)) out.member = a.member.map(actorIds);
  return out;
}

const activityIds = (a: unknown): unknown => (isObject(a) ? { objectType: 'Activity', id: a.id } : a);

/** Activities in contextActivities may be one object or an array. */
const eachActivity = (v: unknown, fn: (a: unknown) => unknown): unknown => (Array.isArray(v) ? v.map(fn) : fn(v));

function withContext(s: Json, actors: (a: unknown) => unknown, activity: (a: unknown) => unknown): Json | undefined {
  if (!isObject(s.context)) return undefined;
  const context: Json = { ...s.context };
  for (const k of ['instructor', 'team']) if (context[k] !== undefined) context[k] = actors(context[k]);
  if (isObject(context.contextActivities)) {
    context.contextActivities = Object.fromEntries(Object.entries(context.contextActivities).map(([k, v]) => [k, eachActivity(v, activity)]));
  }
  return context;
}

function ids(s: Json): Json {
  const out: Json = { ...s, actor: actorIds(s.actor), verb: isObject(s.verb) ? { id: s.verb.id } : s.verb };
  if (isObject(s.object) && (s.object.objectType ?? 'Activity') === 'Activity') out.object = activityIds(s.object);
  if (s.authority !== undefined) out.authority = actorIds(s.authority);
  const context = withContext(s, actorIds, activityIds);
  if (context) out.context = context;
  return out;
}

/** The language tags of an Accept-Language header, most wanted first (q=0 left out). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

/** One entry of a language map: the first wanted tag present (exactly, then by primary subtag), else the first. */
function oneLanguage(map: unknown, wanted: readonly string[]): unknown {
  if (!isObject(map)) return map;
  const keys = Object.keys(map);
  if (keys.length <= 1) return map;
  const lower = keys.map((k) => k.toLowerCase());
  let pick: string | undefined;
  for (const w of wanted) {
    const exact = lower.indexOf(w);
    const prefix = lower.findIndex((k) => w !== '*' && (k.split('-')[0] === w.split('-')[0]));
    pick = exact >= 0 ? keys[exact] : prefix >= 0 ? keys[prefix] : w === '*' ? keys[0] : undefined;
    if (pick) break;
  }
  pick ??= keys[0]!;
  return { [pick]: map[pick] };
}

function canonicalActivity(a: unknown, wanted: readonly string[]): unknown {
  if (!isObject(a) || !isObject(a.definition)) return a;
  const d: Json = { ...a.definition };
  for (const k of ['name', 'description']) if (d[k] !== undefined) d[k] = oneLanguage(d[k], wanted);
  return { ...a, definition: d };
}

function canonical(s: Json, wanted: readonly string[]): Json {
  const out: Json = { ...s };
  if (isObject(s.verb) && s.verb.display !== undefined) out.verb = { ...s.verb, display: oneLanguage(s.verb.display, wanted) };
  if (isObject(s.object) && (s.object.objectType ?? 'Activity') === 'Activity') out.object = canonicalActivity(s.object, wanted);
  const context = withContext(s, (a) => a, (a) => canonicalActivity(a, wanted));
  if (context) out.context = context;
  return out;
}

/** The statement in the asked format (`exact`, the default, is the statement as stored). */
export function formatStatement(s: Json, format: StatementFormat | undefined, acceptLanguage: string | undefined): Json {
  if (format === 'ids') return ids(s);
  if (format === 'canonical') return canonical(s, acceptedLanguages(acceptLanguage));
  return s;
}
