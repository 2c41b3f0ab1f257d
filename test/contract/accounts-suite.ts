// Accounts, tenancy and learning behaviour both runtimes must keep: the issue's end-to-end flow, sessions, invites,
// keys, privacy, idempotency and the OpenAPI security description, plus the shared authorization matrix.
import { beforeAll, describe, expect, it } from 'vitest';
import { accept, call, json, PASSWORD, seedWorld, sessionCookie, type Fetch, type World } from './accounts-world.js';
import { authzMatrix } from './authz-matrix.js';
import { webAuthzMatrix } from './web-authz-matrix.js';

interface Step {
  moduleId: string;
  source: 'assigned' | 'personalised';
  status: string;
  assignment: { assignedBy: string | null; dueDate: string | null } | null;
  minutes: number;
}
interface Pathway {
  assessed: boolean;
  steps: Step[];
  completed: { moduleId: string }[];
  profile: Record<string, { confidence: number }> | null;
  provenance: { evidenceSetId: string; inputHash: string } | null;
}
interface Group {
  value: string;
  suppressed: boolean;
  staffCount: number | null;
  areas: { areaId: string; suppressed: boolean; secureShare: number | null; trainedShare: number | null }[];
}

/** Registers the suite; `getFetch` is read lazily so the runtime can start in beforeAll. */
export function accountsSuite(runtime: string, getFetch: () => Fetch, adminToken: string): void {
  const f: Fetch = (p, i) => getFetch()(p, i);
  let world: World;
  beforeAll(async () => {
    world = await seedWorld(f, adminToken);
  }, 120_000);

  // Pages first: the check-in page needs the seeded pathway, which the API matrix's new assessments change.
  webAuthzMatrix(runtime, () => world);
  authzMatrix(runtime, () => world);

  describe(`accounts on ${runtime}: the issue's end-to-end flow`, () => {
    it('leader invites two, imports twenty, assigns; staff assess, complete, check in; coverage suppresses small groups; a key keeps to its scopes', async () => {
      const admin = { authorization: `Bearer ${adminToken}` };
      const mail = (tag: string) => world.email(`flow-${tag}`);

      // An admin creates a trust, a setting and its leader; the leader sets a password from the invite.
      const trust = await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'trust', name: 'Flow Trust' }, admin), 201);
      const setting = await call<{ id: string }>(f, '/v1/orgs', json('POST', { kind: 'setting', name: 'Flow Primary', settingType: 'school', trustId: trust.id, phase: 'primary' }, admin), 201);
      const leaderEmail = mail('leader');
      const made = await call<{ invite: { token: string; url: string } }>(f, `/v1/orgs/${setting.id}/leaders`, json('POST', { email: leaderEmail, name: 'Pat Leader' }, admin), 201);
      expect(made.invite.url).toContain('/invite?token=');
      await accept(f, made.invite.token);
      const signIn = await f('/v1/auth/sign-in', json('POST', { email: leaderEmail.toUpperCase(), password: PASSWORD }));
      expect(signIn.status).toBe(200);
      const leader = sessionCookie(signIn);

      // Two staff invited; each sets a password and signs in.
      const invited: Record<string, string>[] = [];
      for (const [name, jobRole] of [['Ada Teacher', 'teacher'], ['Ben Assistant', 'teaching_assistant']] as const) {
        const s = await call<{ staff: { id: string }; invite: { token: string } }>(f, `/v1/orgs/${setting.id}/staff`, json('POST', { name, email: mail(name.split(' ')[0]!), jobRole, invite: true }, leader), 201);
        invited.push(await accept(f, s.invite.token));
      }

      // Twenty more from CSV: a dry run reports, the import creates all twenty.
      const roleOf = (i: number) => (i < 14 ? 'teacher' : i < 18 ? 'Teaching assistant' : 'SENCO');
      const rows = Array.from({ length: 20 }, (_, i) => `Person ${i + 1},${mail(`p${i + 1}`)},${roleOf(i)},,${i % 2 ? 'ks1' : 'ks2'}`);
      const csv = ['name,email,job_role,phase,groups', ...rows].join('\n');
      const csvInit = (body: string): RequestInit => ({ method: 'POST', headers: { 'content-type': 'text/csv', ...leader }, body });
      const dry = await call<{ valid: boolean; rows: number; created: unknown[] }>(f, `/v1/orgs/${setting.id}/staff/import?dryRun=true`, csvInit(csv), 200);
      expect(dry).toMatchObject({ valid: true, rows: 20, created: [] });
      const imported = await call<{ created: { jobRole: string; phase: string }[] }>(f, `/v1/orgs/${setting.id}/staff/import`, csvInit(csv), 201);
      expect(imported.created).toHaveLength(20);
      expect(imported.created.filter((s) => s.jobRole === 'teaching_assistant')).toHaveLength(4);
      expect(imported.created.filter((s) => s.jobRole === 'senco')).toHaveLength(2);
      expect(imported.created.every((s) => s.phase === 'primary')).toBe(true);
      const staffPage = await call<{ data: unknown[]; nextCursor: string | null }>(f, `/v1/orgs/${setting.id}/staff?limit=15`, { headers: leader }, 200);
      expect(staffPage.data).toHaveLength(15);
      const rest = await call<{ data: unknown[]; nextCursor: string | null }>(f, `/v1/orgs/${setting.id}/staff?limit=15&cursor=${staffPage.nextCursor}`, { headers: leader }, 200);
      expect(rest.data).toHaveLength(7);
      expect(rest.nextCursor).toBeNull();

      // Everyone gets their personalised pathway by a date; teaching assistants also a fixed SLCN focus.
      await call(f, `/v1/orgs/${setting.id}/assignments`, json('POST', { target: { kind: 'everyone' }, kind: 'personalised', dueDate: '2027-07-20' }, leader), 201);
      const focus = await call<{ staffCount: number; assignedBy: { name: string } }>(
        f,
        `/v1/orgs/${setting.id}/assignments`,
        json('POST', { target: { kind: 'role', value: 'teaching_assistant' }, kind: 'modules', moduleIds: ['slcn-in-the-classroom'], dueDate: '2027-03-31' }, leader),
        201,
      );
      expect(focus.staffCount).toBe(5);
      expect(focus.assignedBy.name).toBe('Pat Leader');

      // The assistant sees the assignment and who set it; the fixed module (and its prerequisite) lead the pathway.
      const ben = invited[1]!;
      const mine = await call<{ data: { kind: string; assignedBy: { name: string } | null; modules: { moduleId: string }[] }[] }>(f, '/v1/me/assignments', { headers: ben }, 200);
      expect(mine.data.map((a) => a.kind).sort()).toEqual(['modules', 'personalised']);
      expect(mine.data.every((a) => a.assignedBy?.name === 'Pat Leader')).toBe(true);
      // Each assigned module says where it is taken, as a pathway step does.
      const fixed = mine.data.find((a) => a.kind === 'modules')!.modules as { moduleId: string; provider?: string; cost?: string; url?: string; illustrative?: string }[];
      expect(fixed.every((m) => typeof m.provider === 'string' && (m.url !== undefined || m.illustrative !== undefined))).toBe(true);
      const taken = await call<{ pathway: Pathway }>(
        f,
        '/v1/me/assessments',
        json('POST', { responses: [{ itemId: 'speech-and-language', value: 2 }, { itemId: 'emotional-distress', value: 1 }, { itemId: 'autism', value: null }], weeklyMinutes: 60 }, ben),
        201,
      );
      const steps = taken.pathway.steps;
      expect(steps.slice(0, 2).map((s) => [s.moduleId, s.source])).toEqual([
        ['communication-friendly-practice', 'assigned'],
        ['slcn-in-the-classroom', 'assigned'],
      ]);
      expect(steps[1]!.assignment).toMatchObject({ assignedBy: 'Pat Leader', dueDate: '2027-03-31' });
      expect(steps.some((s) => s.source === 'personalised')).toBe(true);
      expect(new Set(steps.map((s) => s.moduleId)).size).toBe(steps.length);
      expect(taken.pathway.provenance?.evidenceSetId).toBeTruthy();

      // Ada takes the assessment, starts and completes a module, checks in and sees the re-plan.
      const ada = invited[0]!;
      const first = (await call<{ pathway: Pathway }>(f, '/v1/me/assessments', json('POST', { responses: [{ itemId: 'attention-and-impulsivity', value: 1 }], confidence: { slcn: 2 } }, ada), 201)).pathway;
      const done = first.steps.find((s) => s.source === 'personalised')!.moduleId;
      await call(f, '/v1/me/progress', json('POST', { moduleId: done, status: 'started' }, ada), 200);
      expect((await call<Pathway>(f, '/v1/me/pathway', { headers: ada }, 200)).steps.find((s) => s.moduleId === done)!.status).toBe('started');
      const completed = await call<{ status: string; completedAt: string }>(f, '/v1/me/progress', json('POST', { moduleId: done, status: 'completed' }, ada), 200);
      expect(completed.status).toBe('completed');
      const again = await call<{ completedAt: string }>(f, '/v1/me/progress', json('POST', { moduleId: done, status: 'started' }, ada), 200);
      expect(again.completedAt).toBe(completed.completedAt);
      const checkin = await call<{ pathway: Pathway }>(f, '/v1/me/checkins', json('POST', { moduleId: done, ratings: { semh: 4, 'inclusive-culture': 4 } }, ada), 201);
      const replanned = checkin.pathway;
      expect(replanned.completed.map((c) => c.moduleId)).toContain(done);
      expect(replanned.steps.map((s) => s.moduleId)).not.toContain(done);
      expect(replanned.provenance!.inputHash).not.toBe(first.provenance!.inputHash);
      expect(replanned.profile!.semh!.confidence).toBeGreaterThan(first.profile!.semh!.confidence);

      // Coverage: 22 staff, 2 assessed → area figures suppressed. Two SENCOs are under 5, so hidden; the assistants
      // (5) are hidden too, or the SENCOs' figures would follow from the total.
      const cov = await call<{ allStaffTrained: { trained: number; total: number }; overall: Group; byRole: Group[] }>(f, `/v1/orgs/${setting.id}/coverage`, { headers: leader }, 200);
      expect(cov.allStaffTrained).toMatchObject({ trained: 1, total: 22 });
      expect(cov.overall.staffCount).toBe(22);
      expect(cov.overall.areas.every((a) => a.suppressed && a.secureShare === null)).toBe(true);
      expect(cov.byRole.find((g) => g.value === 'teacher')).toMatchObject({ suppressed: false, staffCount: 15 });
      expect(cov.byRole.find((g) => g.value === 'senco')).toMatchObject({ suppressed: true, staffCount: null });
      expect(cov.byRole.find((g) => g.value === 'teaching_assistant')).toMatchObject({ suppressed: true, staffCount: null });
      const csvRes = await f(`/v1/orgs/${setting.id}/coverage/csv`, { headers: leader });
      expect(csvRes.headers.get('content-type')).toMatch(/^text\/csv/);
      const csvText = await csvRes.text();
      expect(csvText.split('\r\n')[0]).toBe('breakdown,group,area_id,area,staff,assessed,secure_share,trained_share');
      expect(csvText).toContain('suppressed');
      // The leader cannot read an individual's answers unless that person shares them.
      const adaId = ((await call<{ staff: { id: string } }>(f, '/v1/me', { headers: ada }, 200)).staff.id);
      expect((await f(`/v1/staff/${adaId}/assessments`, { headers: leader })).status).toBe(403);
      await call(f, '/v1/me', json('PATCH', { shareWithLeader: true }, ada), 200);
      const shared = await call<{ data: { answers: { confidence: Record<string, number> } }[] }>(f, `/v1/staff/${adaId}/assessments`, { headers: leader }, 200);
      expect(shared.data[0]!.answers.confidence).toEqual({ slcn: 2 });

      // A platform key does what its scopes allow and nothing else.
      const key = await call<{ key: string; apiKey: { prefix: string } }>(f, `/v1/orgs/${setting.id}/keys`, json('POST', { name: 'LMS', scopes: ['staff:read', 'progress:write'] }, leader), 201);
      expect(key.key.startsWith(key.apiKey.prefix)).toBe(true);
      const platform = { authorization: `Bearer ${key.key}` };
      const listed = await call<{ data: { id: string; email: string | null }[] }>(f, `/v1/orgs/${setting.id}/staff?jobRole=teaching_assistant`, { headers: platform }, 200);
      expect(listed.data).toHaveLength(5);
      const xapi = await call<string[]>(
        f,
        '/v1/xapi/statements',
        json('POST', [{ actor: { mbox: `mailto:${listed.data[0]!.email}` }, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: 'https://lms.example.org/modules/slcn-in-the-classroom' } }], { ...platform, 'x-experience-api-version': '1.0.3' }),
        200,
      );
      expect(xapi).toHaveLength(1);
      const progress = await call<{ data: { moduleId: string; status: string; source: string }[] }>(f, `/v1/staff/${listed.data[0]!.id}/progress`, { headers: platform }, 200);
      expect(progress.data).toEqual([expect.objectContaining({ moduleId: 'slcn-in-the-classroom', status: 'completed', source: 'xapi' })]);
      expect((await f(`/v1/orgs/${setting.id}/coverage`, { headers: platform })).status).toBe(403);
      expect((await f(`/v1/orgs/${setting.id}/staff`, json('POST', { name: 'X', jobRole: 'teacher' }, platform))).status).toBe(403);
      expect((await f(`/v1/orgs/${setting.id}/assignments`, json('POST', { target: { kind: 'everyone' }, kind: 'personalised' }, platform))).status).toBe(403);
      expect((await f('/v1/recommendations', json('POST', { role: 'teacher', phase: 'primary' }, platform))).status).toBe(403);
      expect((await f(`/v1/orgs/${world.settingA1}/staff`, { headers: platform })).status).toBe(404);
      expect((await f(`/v1/orgs/${setting.id}/keys`, { headers: platform })).status).toBe(403);
    });
  });

  describe(`accounts on ${runtime}: sessions, invites and keys`, () => {
    it('sets the session cookie HttpOnly, Secure, SameSite=Lax with the __Host- prefix, and sign-out ends it', async () => {
      const made = await call<{ invite: { token: string } }>(f, `/v1/orgs/${world.settingA1}/leaders`, json('POST', { email: world.email('cookie'), name: 'Cookie Leader' }, world.headers.admin), 201);
      const res = await f('/v1/auth/invites/accept', json('POST', { token: made.invite.token, password: PASSWORD }));
      expect(res.status).toBe(200);
      const set = res.headers.getSetCookie().find((c) => c.startsWith('__Host-sp_session='))!;
      expect(set).toMatch(/; HttpOnly/i);
      expect(set).toMatch(/; Secure/i);
      expect(set).toMatch(/; SameSite=Lax/i);
      expect(set).toMatch(/; Path=\//i);
      expect(set).not.toMatch(/Domain=/i);
      const cookie = { cookie: set.split(';')[0]! };
      expect((await f('/v1/me', { headers: cookie })).status).toBe(200);
      const out = await f('/v1/auth/sign-out', { method: 'POST', headers: cookie });
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie().join()).toMatch(/__Host-sp_session=;/);
      expect((await f('/v1/me', { headers: cookie })).status).toBe(401);
    });

    it('uses an invite once; a weak password leaves it usable; a wrong password or unknown email gets one answer', async () => {
      const email = world.email('once');
      const made = await call<{ invite: { token: string } }>(f, `/v1/orgs/${world.settingA1}/leaders`, json('POST', { email, name: 'Once' }, world.headers.admin), 201);
      const weak = await f('/v1/auth/invites/accept', json('POST', { token: made.invite.token, password: 'short' }));
      expect(weak.status).toBe(422);
      expect(((await weak.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('password');
      const same = await f('/v1/auth/invites/accept', json('POST', { token: made.invite.token, password: email }));
      expect(same.status).toBe(422);
      await accept(f, made.invite.token);
      expect((await f('/v1/auth/invites/accept', json('POST', { token: made.invite.token, password: PASSWORD }))).status).toBe(404);
      const wrong = await f('/v1/auth/sign-in', json('POST', { email, password: 'not the password at all' }));
      const unknown = await f('/v1/auth/sign-in', json('POST', { email: world.email('nobody'), password: 'not the password at all' }));
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(((await wrong.json()) as { detail: string }).detail).toBe(((await unknown.json()) as { detail: string }).detail);
    });

    it('refuses a tampered cookie, an unknown or revoked key and a malformed Authorization header', async () => {
      expect((await f('/v1/me', { headers: { cookie: '__Host-sp_session=' + 'A'.repeat(43) } })).status).toBe(401);
      expect((await f('/v1/orgs', { headers: { authorization: 'Bearer spk_' + 'x'.repeat(43) } })).status).toBe(401);
      expect((await f('/v1/orgs', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
      const made = await call<{ key: string; apiKey: { id: string } }>(f, `/v1/orgs/${world.settingA1}/keys`, json('POST', { name: 'short-lived', scopes: ['staff:read'] }, world.headers.leader), 201);
      const bearer = { authorization: `Bearer ${made.key}` };
      expect((await f(`/v1/orgs/${world.settingA1}/staff`, { headers: bearer })).status).toBe(200);
      const listed = await call<{ data: Record<string, unknown>[] }>(f, `/v1/orgs/${world.settingA1}/keys`, { headers: world.headers.leader }, 200);
      expect(JSON.stringify(listed)).not.toContain(made.key);
      await call(f, `/v1/keys/${made.apiKey.id}`, { method: 'DELETE', headers: world.headers.leader }, 204);
      const revoked = await f(`/v1/orgs/${world.settingA1}/staff`, { headers: bearer });
      expect(revoked.status).toBe(401);
      expect(revoked.headers.get('www-authenticate')).toMatch(/^Bearer/);
      // A revoked key is refused on public routes too, so the integrator notices.
      expect((await f('/v1/recommendations', json('POST', { role: 'teacher', phase: 'primary' }, bearer))).status).toBe(401);
    });

    it('refuses a cross-site write made with the session cookie', async () => {
      const res = await f('/v1/me', json('PATCH', {}, { ...world.headers.staff, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }));
      expect(res.status).toBe(403);
    });
  });

  describe(`accounts on ${runtime}: staff import and idempotency`, () => {
    it('imports nothing when any row is wrong and names each row and field', async () => {
      const csv = `name,email,job_role,phase\nGood Person,${world.email('good')},teacher,\n,bad-email,astronaut,primary\nDup,${world.email('dup')},teacher,\n`;
      const res = await f(`/v1/orgs/${world.settingA1}/staff/import`, { method: 'POST', headers: { 'content-type': 'text/csv', ...world.headers.leader }, body: csv });
      expect(res.status).toBe(422);
      const paths = ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['row 3.name', 'row 3.email', 'row 3.job_role']));
      const list = await call<{ data: { name: string }[] }>(f, `/v1/orgs/${world.settingA1}/staff?limit=200`, { headers: world.headers.leader }, 200);
      expect(list.data.map((s) => s.name)).not.toContain('Good Person');
    });

    it('replays a retried POST with the same Idempotency-Key, and refuses the key with a different body', async () => {
      const key = `retry-${world.run}`;
      const headers = { ...world.headers.staff, 'idempotency-key': key };
      const body = { moduleId: 'understanding-autism', ratings: { asd: 4 } };
      const a = await f('/v1/me/checkins', json('POST', body, headers));
      expect(a.status).toBe(201);
      const b = await f('/v1/me/checkins', json('POST', body, headers));
      expect(b.status).toBe(201);
      expect(b.headers.get('idempotent-replayed')).toBe('true');
      expect(await b.text()).toBe(await a.text());
      const export1 = await call<{ checkIns: unknown[] }>(f, '/v1/me/export', { headers: world.headers.staff }, 200);
      expect(export1.checkIns.filter((c) => (c as { moduleId: string }).moduleId === 'understanding-autism')).toHaveLength(1);
      const c = await f('/v1/me/checkins', json('POST', { ...body, ratings: { asd: 5 } }, headers));
      expect(c.status).toBe(422);
      expect(((await c.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('Idempotency-Key');
    });
  });

  describe(`accounts on ${runtime}: OpenAPI`, () => {
    it('registers both security schemes and gives every accounts route its security and 401/403 answers', async () => {
      const doc = (await (await f('/openapi.json')).json()) as {
        components: { securitySchemes: Record<string, { type: string; in?: string; scheme?: string }> };
        paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
      };
      expect(doc.components.securitySchemes.sessionCookie).toMatchObject({ type: 'apiKey', in: 'cookie' });
      expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
      const guarded = Object.entries(doc.paths).filter(([p]) => /^\/v1\/(me|orgs|staff|keys|assignments|xapi|admin)/.test(p));
      expect(guarded.flatMap(([, ops]) => Object.keys(ops)).length).toBeGreaterThanOrEqual(36);
      for (const [path, ops] of guarded) {
        for (const [method, op] of Object.entries(ops)) {
          expect([path, method, op.security?.length ?? 0]).not.toEqual([path, method, 0]);
          expect([path, method, Object.keys(op.responses)]).toEqual([path, method, expect.arrayContaining(['401', '403'])]);
        }
      }
      expect(doc.paths['/v1/recommendations']!.post!.security).toEqual([{}, { apiKey: ['recommendations:write'] }]);
    });
  });

  describe(`accounts on ${runtime}: recompute`, () => {
    it('re-plans every stored pathway in the background and reports the job done, its plans written in one statement a chunk', async () => {
      const admin = { authorization: `Bearer ${adminToken}` };
      const started = await call<{ id: string; total: number }>(f, '/v1/recompute-jobs', json('POST', {}, admin), 202);
      expect(started.total).toBeGreaterThanOrEqual(2); // the seeded world's staff have pathways
      let job: { status: string; done: number; total: number; progress: number } | undefined;
      for (let i = 0; i < 200 && job?.status !== 'completed'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        job = await call(f, `/v1/recompute-jobs/${started.id}`, { headers: admin }, 200);
      }
      expect(job).toMatchObject({ status: 'completed', done: started.total, total: started.total, progress: 1 });
      // The staff member's pathway still reads, with its provenance, after the plans are written.
      const pathway = await call<Pathway>(f, '/v1/me/pathway', { headers: world.headers.staff }, 200);
      expect(pathway.provenance?.evidenceSetId).toBeTruthy();
    });
  });
}
