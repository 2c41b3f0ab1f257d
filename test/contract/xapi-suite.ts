// The xAPI 1.0.3 statement resource both runtimes must keep: version negotiation, statement validation (400s naming
// the field), storage with the statement's own timestamp, reading back by statementId, conflicts, tenancy, /about,
// and a completion with re-ratings counted once as the person's check-in.
import { beforeAll, describe, expect, it } from 'vitest';
import { accept, call, json, type Fetch } from './accounts-world.js';
import { ownModule } from './local-catalogue-suite.js';
import { problem } from './suite.js';

/** A statement as read back, in the parts the format tests look at. */
interface ReadStatement {
  readonly id: string;
  readonly stored: string;
  readonly timestamp: string;
  readonly actor: unknown;
  readonly verb: { readonly id: string; readonly display?: Record<string, string> };
  readonly object: { readonly id?: string; readonly definition: { readonly name: Record<string, string> } };
  readonly context?: unknown;
  readonly authority: { readonly account: unknown };
}

const V = { 'x-experience-api-version': '1.0.3' };
const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const RATINGS = 'https://send-pathways.example/xapi/extensions/ratings';

export function xapiSuite(runtime: string, getFetch: () => Fetch, adminToken: string): void {
  const f: Fetch = (p, i) => getFetch()(p, i);
  let key: Record<string, string>;
  let otherKey: Record<string, string>;
  let email: string;
  let staffId: string;
  let person: Record<string, string>;
  let setting: string;
  let other: string;
  let run: string;
  let admin: Record<string, string>;
  const statement = (over: Record<string, unknown> = {}) => ({
    actor: { objectType: 'Agent', mbox: `mailto:${email}` },
    verb: { id: COMPLETED, display: { 'en-GB': 'completed' } },
    object: { id: 'https://lms.example.org/modules/understanding-autism' },
    ...over,
  });

  beforeAll(async () => {
    admin = { authorization: `Bearer ${adminToken}` };
    run = Math.random().toString(36).slice(2, 8);
    const org = async (name: string) => (await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name, settingType: 'school', phase: 'primary' }, admin), 201)).id;
    setting = await org(`xAPI school ${run}`);
    other = await org(`xAPI other ${run}`);
    email = `xapi.${run}@example.org`;
    const made = await call<{ staff: { id: string }; invite: { token: string } }>(f, `/v1/orgs/${setting}/staff`, json('POST', { name: 'Xavi', email, jobRole: 'teacher', invite: true }, admin), 201);
    staffId = made.staff.id;
    person = await accept(f, made.invite.token);
    await call(f, '/v1/me/assessments', json('POST', { responses: [{ itemId: 'speech-and-language', value: 2 }], confidence: { asd: 2 } }, person), 201);
    const keyOf = async (orgId: string) => ({ authorization: `Bearer ${(await call<{ key: string }>(f, `/v1/orgs/${orgId}/keys`, json('POST', { name: 'LRS', scopes: ['progress:write'] }, admin), 201)).key}` });
    key = await keyOf(setting);
    otherKey = await keyOf(other);
  }, 60_000);

  describe(`integration routes in the OpenAPI document on ${runtime}`, () => {
    it('gives every xAPI, webhook, single sign-on and LTI route its security and problem answers', async () => {
      const doc = (await (await f('/openapi.json')).json()) as { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, { content?: Record<string, unknown> }> }>> };
      const ours = Object.entries(doc.paths).filter(([p]) => /^\/v1\/(xapi|webhooks|lrs|orgs\/\{orgId\}\/(webhooks|sso|lti|lrs))|^\/v1\/(sso|lti)|^\/\.well-known\/jwks/.test(p));
      expect(ours.map(([p]) => p)).toEqual(
        expect.arrayContaining(['/v1/xapi/statements', '/v1/xapi/about', '/v1/orgs/{orgId}/lrs', '/v1/lrs/{destinationId}/deliveries', '/v1/orgs/{orgId}/webhooks', '/v1/webhooks/{endpointId}/deliveries', '/v1/orgs/{orgId}/sso', '/v1/sso/start', '/v1/sso/callback', '/v1/orgs/{orgId}/lti/platforms', '/v1/lti/login', '/v1/lti/launch', '/.well-known/jwks.json']),
      );
      for (const [path, ops] of ours) {
        for (const [method, op] of Object.entries(ops)) {
          expect([path, method, Array.isArray(op.security)]).toEqual([path, method, true]);
          const errors = Object.entries(op.responses).filter(([code]) => Number(code) >= 400);
          expect([path, method, errors.length > 0]).toEqual([path, method, true]);
          for (const [code, r] of errors) expect([path, method, code, Object.keys(r.content ?? {})]).toEqual([path, method, code, ['application/problem+json']]);
        }
      }
    });
  });

  describe(`xAPI on ${runtime}`, () => {
    it('requires X-Experience-API-Version 1.0.x (400 otherwise) and sends 1.0.3 on every answer', async () => {
      for (const headers of [key, { ...key, 'x-experience-api-version': '9.9.9' }, { ...key, 'x-experience-api-version': '0.95' }]) {
        const res = await f('/v1/xapi/statements', json('POST', statement(), headers));
        expect(res.status).toBe(400);
        expect(res.headers.get('x-experience-api-version')).toBe('1.0.3');
        expect((await problem(res)).detail).toMatch(/X-Experience-API-Version/);
      }
      const about = await f('/v1/xapi/about');
      expect(about.status).toBe(200);
      expect(about.headers.get('x-experience-api-version')).toBe('1.0.3');
      expect(await about.json()).toEqual({ version: ['1.0.3'] });
      const unauth = await f('/v1/xapi/statements', json('POST', statement(), V));
      expect([unauth.status, unauth.headers.get('x-experience-api-version')]).toEqual([401, '1.0.3']);
    });

    it('refuses statements that break xAPI 1.0.3 with a 400 naming the field, storing none of the batch', async () => {
      const bad: [Record<string, unknown>, string][] = [
        [{ timestamp: 'last tuesday' }, 'timestamp'],
        [{ timestamp: '2026-11-22T10:00:00-00:00' }, 'timestamp'],
        [{ actor: { mbox: `mailto:${email}`, account: { homePage: 'https://lms.example.org', name: staffId } } }, 'actor'],
        [{ actor: { name: 'Nobody' } }, 'actor'],
        [{ object: { id: 'not an iri' } }, 'object.id'],
        [{ verb: { id: 'completed' } }, 'verb.id'],
        [{ result: { score: { scaled: 7 } } }, 'result.score.scaled'],
        [{ result: { duration: '45 minutes' } }, 'result.duration'],
        [{ id: 'not-a-uuid' }, 'id'],
        [{ colour: 'blue' }, ''],
      ];
      for (const [over, path] of bad) {
        const res = await f('/v1/xapi/statements', json('POST', [statement({ id: crypto.randomUUID() }), statement(over)], { ...key, ...V }));
        expect([JSON.stringify(over), res.status]).toEqual([JSON.stringify(over), 400]);
        const body = await problem(res);
        expect(body.errors!.map((e) => e.path).join(' ')).toContain(`[1]${path ? '.' + path : ''}`);
      }
      const dup = crypto.randomUUID();
      const twice = await f('/v1/xapi/statements', json('POST', [statement({ id: dup }), statement({ id: dup })], { ...key, ...V }));
      expect(twice.status).toBe(400);
      expect((await f(`/v1/xapi/statements?statementId=${dup}`, { headers: { ...key, ...V } })).status).toBe(404);
    });

    it('stores statements with their own timestamp, reads them back, and treats a changed re-send as a conflict', async () => {
      const id = crypto.randomUUID();
      const sent = statement({ id, timestamp: '2026-10-01T09:30:00+01:00', result: { score: { scaled: 0.8 }, completion: true, duration: 'PT45M' } });
      expect(await call(f, '/v1/xapi/statements', json('POST', sent, { ...key, ...V }), 200)).toEqual([id]);
      const res = await f(`/v1/xapi/statements?statementId=${id.toUpperCase()}`, { headers: { ...key, ...V } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-experience-api-version')).toBe('1.0.3');
      expect(res.headers.get('x-experience-api-consistent-through')).toBeTruthy();
      const back = (await res.json()) as Record<string, unknown>;
      expect(back).toMatchObject({ id, timestamp: '2026-10-01T09:30:00+01:00', version: '1.0.0', result: { score: { scaled: 0.8 } } });
      expect(back.stored).not.toBe(back.timestamp);
      expect(back.authority).toMatchObject({ objectType: 'Agent' });
      const progress = await call<{ data: { moduleId: string; completedAt: string }[] }>(f, `/v1/staff/${staffId}/progress`, { headers: person }, 200);
      expect(progress.data.find((p) => p.moduleId === 'understanding-autism')?.completedAt).toBe('2026-10-01T08:30:00.000Z');
      // The same statement again is accepted and changes nothing; a different one under the same id is a 409.
      expect(await call(f, '/v1/xapi/statements', json('POST', sent, { ...key, ...V }), 200)).toEqual([id]);
      const changed = await f('/v1/xapi/statements', json('POST', { ...sent, result: { score: { scaled: 0.1 } } }, { ...key, ...V }));
      expect(changed.status).toBe(409);
      await problem(changed);
      // Another organisation's key sees nothing.
      expect((await f(`/v1/xapi/statements?statementId=${id}`, { headers: { ...otherKey, ...V } })).status).toBe(404);
      const mine = await call<{ statements: { id: string }[] }>(f, '/v1/xapi/statements?limit=0', { headers: { ...key, ...V } }, 200);
      expect(mine.statements.map((s) => s.id)).toContain(id);
      const theirs = await call<{ statements: { id: string }[]; more: string }>(f, '/v1/xapi/statements', { headers: { ...otherKey, ...V } }, 200);
      expect(theirs).toEqual({ statements: [], more: '' });
    });

    it('lists statements by agent, verb, activity, registration, since and until, a page at a time with more links', async () => {
      const registration = crypto.randomUUID();
      const sent = ['understanding-autism', 'communication-friendly-practice', 'understanding-autism'].map((m, i) => ({
        ...statement({ verb: { id: i === 1 ? 'http://adlnet.gov/expapi/verbs/experienced' : COMPLETED }, object: { id: `https://lms.example.org/modules/${m}` }, context: { registration } }),
        id: crypto.randomUUID(),
      }));
      for (const s of sent) await call(f, '/v1/xapi/statements', json('POST', s, { ...key, ...V }), 200);
      const q = (params: Record<string, string>) => `/v1/xapi/statements?${new URLSearchParams({ registration, ...params }).toString()}`;
      const ids = async (params: Record<string, string>) => (await call<{ statements: { id: string }[] }>(f, q(params), { headers: { ...key, ...V } }, 200)).statements.map((s) => s.id);
      expect(await ids({})).toEqual(sent.map((s) => s.id).reverse());
      expect(await ids({ ascending: 'true' })).toEqual(sent.map((s) => s.id));
      expect(await ids({ verb: COMPLETED })).toEqual([sent[2]!.id, sent[0]!.id]);
      expect(await ids({ activity: 'https://lms.example.org/modules/communication-friendly-practice' })).toEqual([sent[1]!.id]);
      expect(await ids({ agent: JSON.stringify({ mbox: `mailto:${email}` }) })).toHaveLength(3);
      expect(await ids({ agent: JSON.stringify({ mbox: 'mailto:someone.else@example.org' }) })).toEqual([]);
      expect(await ids({ since: '2999-01-01T00:00:00Z' })).toEqual([]);
      expect(await ids({ until: '2000-01-01T00:00:00Z' })).toEqual([]);
      // Two at a time: the more link fetches the rest, and the last page has none.
      const first = await call<{ statements: { id: string }[]; more: string }>(f, q({ limit: '2' }), { headers: { ...key, ...V } }, 200);
      expect(first.statements.map((s) => s.id)).toEqual([sent[2]!.id, sent[1]!.id]);
      expect(first.more).toMatch(/^\/v1\/xapi\/statements\?/);
      const rest = await call<{ statements: { id: string }[]; more: string }>(f, first.more, { headers: { ...key, ...V } }, 200);
      expect(rest).toEqual({ statements: [expect.objectContaining({ id: sent[0]!.id })], more: '' });
      // The rules for single reads and malformed filters are 400s naming the parameter.
      for (const bad of [`statementId=${sent[0]!.id}&verb=${COMPLETED}`, `statementId=${sent[0]!.id}&voidedStatementId=${sent[1]!.id}`, 'agent=notjson', 'agent={"mbox":"mailto:a@b.c","openid":"https://x.example/a"}', 'since=last%20tuesday', 'limit=-1']) {
        const res = await f(`/v1/xapi/statements?${bad}`, { headers: { ...key, ...V } });
        expect([bad, res.status]).toEqual([bad, 400]);
        await problem(res);
      }
    });

    it('answers format=ids with identifiers only, canonical with one language per map, exact as stored', async () => {
      const id = crypto.randomUUID();
      const instructor = { objectType: 'Agent', name: 'Mo Instructor', mbox: `mailto:instructor.${run}@lms.example.org` };
      const sent = statement({
        id,
        actor: { objectType: 'Agent', name: 'Xavi', mbox: `mailto:${email}` },
        verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-GB': 'experienced', fr: 'a vécu' } },
        object: { objectType: 'Activity', id: 'https://lms.example.org/modules/understanding-autism', definition: { name: { 'en-GB': 'Understanding autism', fr: 'Comprendre l’autisme' }, type: 'http://adlnet.gov/expapi/activities/module' } },
        context: { instructor, contextActivities: { parent: [{ id: 'https://lms.example.org/courses/send', definition: { name: { 'en-GB': 'SEND course' } } }] } },
      });
      await call(f, '/v1/xapi/statements', json('POST', sent, { ...key, ...V }), 200);
      const read = (params: string, extra: Record<string, string> = {}) => call<ReadStatement>(f, `/v1/xapi/statements?statementId=${id}${params}`, { headers: { ...key, ...V, ...extra } }, 200);
      const exact = await read('');
      expect(await read('&format=exact')).toEqual(exact);
      expect(exact).toMatchObject({ actor: sent.actor, verb: sent.verb, object: sent.object, context: (sent as Record<string, unknown>).context });
      const ids = await read('&format=ids');
      expect(ids.actor).toEqual({ objectType: 'Agent', mbox: `mailto:${email}` });
      expect(ids.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/experienced' });
      expect(ids.object).toEqual({ objectType: 'Activity', id: 'https://lms.example.org/modules/understanding-autism' });
      expect(ids.context).toEqual({ instructor: { objectType: 'Agent', mbox: instructor.mbox }, contextActivities: { parent: [{ objectType: 'Activity', id: 'https://lms.example.org/courses/send' }] } });
      expect(ids.authority).toEqual({ objectType: 'Agent', account: exact.authority.account });
      expect([ids.id, ids.stored, ids.timestamp]).toEqual([exact.id, exact.stored, exact.timestamp]);
      const french = await read('&format=canonical', { 'accept-language': 'fr-CA, en;q=0.5' });
      expect([french.verb.display, french.object.definition.name]).toEqual([{ fr: 'a vécu' }, { fr: 'Comprendre l’autisme' }]);
      expect(french.actor).toEqual(sent.actor);
      const english = await read('&format=canonical', { 'accept-language': 'en-GB' });
      expect([english.verb.display, english.object.definition.name]).toEqual([{ 'en-GB': 'experienced' }, { 'en-GB': 'Understanding autism' }]);
      // The same formats apply to lists.
      const listed = await call<{ statements: ReadStatement[] }>(f, `/v1/xapi/statements?format=ids&agent=${encodeURIComponent(JSON.stringify({ mbox: `mailto:${email}` }))}&limit=1`, { headers: { ...key, ...V } }, 200);
      expect(listed.statements[0]).toMatchObject({ id, actor: { objectType: 'Agent', mbox: `mailto:${email}` }, verb: { id: sent.verb.id } });
      expect(listed.statements[0]!.verb.display).toBeUndefined();
      expect((await f(`/v1/xapi/statements?statementId=${id}&format=short`, { headers: { ...key, ...V } })).status).toBe(400);
    });

    it('matches agent as instructor, team member or authority only with related_agents=true', async () => {
      const id = crypto.randomUUID();
      const instructor = { mbox: `mailto:tutor.${run}@lms.example.org` };
      const member = { account: { homePage: 'https://lms.example.org', name: `member-${run}` } };
      const sent = statement({ id, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, context: { instructor, team: { objectType: 'Group', name: 'Year 2 team', member: [member] } } });
      await call(f, '/v1/xapi/statements', json('POST', sent, { ...key, ...V }), 200);
      const ids = async (agent: unknown, related?: boolean) =>
        (await call<{ statements: { id: string }[] }>(f, `/v1/xapi/statements?agent=${encodeURIComponent(JSON.stringify(agent))}${related === undefined ? '' : `&related_agents=${related}`}`, { headers: { ...key, ...V } }, 200)).statements.map((s) => s.id);
      expect(await ids(instructor)).toEqual([]);
      expect(await ids(instructor, false)).toEqual([]);
      expect(await ids(instructor, true)).toEqual([id]);
      expect(await ids(member, true)).toEqual([id]);
      expect(await ids({ account: { homePage: 'https://other.example.org', name: `member-${run}` } }, true)).toEqual([]);
      // The authority this service set is an agent too.
      const { authority } = await call<{ authority: { account: { homePage: string; name: string } } }>(f, `/v1/xapi/statements?statementId=${id}`, { headers: { ...key, ...V } }, 200);
      expect(await ids({ account: authority.account })).not.toContain(id);
      expect(await ids({ account: authority.account }, true)).toContain(id);
      // The actor still matches either way.
      expect(await ids({ mbox: `mailto:${email}` }, true)).toContain(id);
      expect((await f('/v1/xapi/statements?related_agents=yes', { headers: { ...key, ...V } })).status).toBe(400);
    });

    it('voids a statement: it leaves lists and statementId, and is read by voidedStatementId', async () => {
      const target = { ...statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' } }), id: crypto.randomUUID() };
      await call(f, '/v1/xapi/statements', json('POST', target, { ...key, ...V }), 200);
      const voiding = { id: crypto.randomUUID(), actor: { mbox: 'mailto:lms-admin@lms.example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: target.id } };
      // Another organisation cannot void it; a StatementRef with another verb is refused.
      expect((await f('/v1/xapi/statements', json('POST', voiding, { ...otherKey, ...V }))).status).toBe(422);
      expect((await f('/v1/xapi/statements', json('POST', { ...voiding, verb: { id: COMPLETED } }, { ...key, ...V }))).status).toBe(422);
      await call(f, '/v1/xapi/statements', json('POST', voiding, { ...key, ...V }), 200);
      expect((await f(`/v1/xapi/statements?statementId=${target.id}`, { headers: { ...key, ...V } })).status).toBe(404);
      expect(await call(f, `/v1/xapi/statements?voidedStatementId=${target.id}`, { headers: { ...key, ...V } }, 200)).toMatchObject({ id: target.id });
      const listed = await call<{ statements: { id: string }[] }>(f, '/v1/xapi/statements?limit=0', { headers: { ...key, ...V } }, 200);
      expect(listed.statements.map((s) => s.id)).not.toContain(target.id);
      expect(listed.statements.map((s) => s.id)).toContain(voiding.id);
      // A voiding statement cannot be voided.
      const again = await f('/v1/xapi/statements', json('POST', { ...voiding, id: crypto.randomUUID(), object: { objectType: 'StatementRef', id: voiding.id } }, { ...key, ...V }));
      expect(again.status).toBe(422);
    });

    it('takes back a completion when its only statement is voided', async () => {
      const doneId = crypto.randomUUID();
      const done = statement({ id: doneId, object: { id: 'https://lms.example.org/modules/sensory-impairment-awareness' }, timestamp: '2026-10-02T09:00:00Z' });
      await call(f, '/v1/xapi/statements', json('POST', done, { ...key, ...V }), 200);
      const module = async () => (await call<{ data: { moduleId: string; status: string }[] }>(f, `/v1/staff/${staffId}/progress`, { headers: person }, 200)).data.find((p) => p.moduleId === 'sensory-impairment-awareness');
      expect(await module()).toMatchObject({ status: 'completed' });
      await call(f, '/v1/xapi/statements', json('POST', { id: crypto.randomUUID(), actor: { mbox: 'mailto:lms-admin@lms.example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: doneId } }, { ...key, ...V }), 200);
      expect(await module()).toBeUndefined();
    });

    it('identifies the person by mbox_sha1sum too', async () => {
      const sha1 = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(`mailto:${email}`))), (b) => b.toString(16).padStart(2, '0')).join('');
      const id = crypto.randomUUID();
      await call(f, '/v1/xapi/statements', json('POST', statement({ id, actor: { mbox_sha1sum: sha1 }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' } }), { ...key, ...V }), 200);
      const found = await call<{ statements: { id: string }[] }>(f, `/v1/xapi/statements?agent=${encodeURIComponent(JSON.stringify({ mbox_sha1sum: sha1 }))}`, { headers: { ...key, ...V } }, 200);
      expect(found.statements.map((s) => s.id)).toEqual([id]);
      expect((await f('/v1/xapi/statements', json('POST', statement({ actor: { mbox_sha1sum: 'f'.repeat(40) } }), { ...key, ...V }))).status).toBe(422);
    });

    it('PUT stores under statementId (204) and refuses a body with another id', async () => {
      const id = crypto.randomUUID();
      const put = await f(`/v1/xapi/statements?statementId=${id}`, json('PUT', statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' } }), { ...key, ...V }));
      expect(put.status).toBe(204);
      expect(put.headers.get('x-experience-api-version')).toBe('1.0.3');
      expect(((await call<{ id: string }>(f, `/v1/xapi/statements?statementId=${id}`, { headers: { ...key, ...V } }, 200)).id)).toBe(id);
      const other = await f(`/v1/xapi/statements?statementId=${crypto.randomUUID()}`, json('PUT', statement({ id }), { ...key, ...V }));
      expect(other.status).toBe(400);
      await problem(other);
    });

    it('counts a completion with re-ratings once, as the person’s check-in', async () => {
      const id = crypto.randomUUID();
      const sent = statement({ id, object: { id: 'https://lms.example.org/modules/communication-friendly-practice' }, result: { extensions: { [RATINGS]: { slcn: 4 } } } });
      await call(f, '/v1/xapi/statements', json('POST', sent, { ...key, ...V }), 200);
      await call(f, '/v1/xapi/statements', json('POST', sent, { ...key, ...V }), 200);
      await call(f, '/v1/xapi/statements', json('POST', { ...sent, id: crypto.randomUUID() }, { ...key, ...V }), 200);
      const mine = await call<{ checkIns: { moduleId: string; ratings: Record<string, number> }[]; xapiStatements: { id: string; stored: string }[] }>(f, '/v1/me/export', { headers: person }, 200);
      expect(mine.checkIns.filter((c) => c.moduleId === 'communication-friendly-practice')).toEqual([expect.objectContaining({ ratings: { slcn: 4 } })]);
      // The export holds the statements about the person as stored.
      expect(mine.xapiStatements.filter((s) => s.id === id)).toEqual([expect.objectContaining({ id, stored: expect.any(String) })]);
      const unknown = await f('/v1/xapi/statements', json('POST', { ...sent, id: crypto.randomUUID(), result: { extensions: { [RATINGS]: { nowhere: 4 } } } }, { ...key, ...V }));
      expect(unknown.status).toBe(422);
      await problem(unknown);
    });

    it('takes a setting’s own module by its address on this service, with re-ratings, and no other way', async () => {
      const made = await call<{ id: string; activityId: string }>(f, `/v1/orgs/${setting}/modules`, json('POST', ownModule(`xapi-own-${run}`), admin), 201);
      expect(made.activityId).toMatch(new RegExp(`^https?://[^/]+/v1/orgs/${setting}/modules/${made.id}$`));
      const theirs = await call<{ activityId: string }>(f, `/v1/orgs/${other}/modules`, json('POST', ownModule(`xapi-theirs-${run}`), admin), 201);
      const sent = statement({ id: crypto.randomUUID(), object: { id: made.activityId }, result: { extensions: { [RATINGS]: { semh: 4 } } } });
      await call(f, '/v1/xapi/statements', json('POST', sent, { ...key, ...V }), 200);
      const progress = await call<{ data: { moduleId: string; status: string; source: string }[] }>(f, `/v1/staff/${staffId}/progress`, { headers: admin }, 200);
      expect(progress.data).toContainEqual(expect.objectContaining({ moduleId: made.id, status: 'completed', source: 'xapi' }));
      const mine = await call<{ checkIns: { moduleId: string; ratings: Record<string, number> }[] }>(f, '/v1/me/export', { headers: person }, 200);
      expect(mine.checkIns.filter((c) => c.moduleId === made.id)).toEqual([expect.objectContaining({ ratings: { semh: 4 } })]);
      // By its bare id on another site, the own module is refused with the address to use; another setting's is refused.
      const bare = await f('/v1/xapi/statements', json('POST', statement({ object: { id: `https://lms.example.org/modules/${made.id}` } }), { ...key, ...V }));
      expect(bare.status).toBe(422);
      expect(JSON.stringify(await problem(bare))).toContain(made.activityId);
      const foreign = await f('/v1/xapi/statements', json('POST', statement({ object: { id: theirs.activityId } }), { ...key, ...V }));
      expect(foreign.status).toBe(422);
      await problem(foreign);
    });
  });
}
