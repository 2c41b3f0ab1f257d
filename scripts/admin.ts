// Admin CLI on the Node database: create trusts, settings, leaders, panel experts, admins and API keys; revoke keys;
// reset a forgotten password (audited); list what exists. Secrets (invite links, one-time passwords, keys) are printed once and stored only as hashes.
// Usage: npm run admin -- <command> [--option value …]   (DATABASE_PATH, default var/send-pathways.sqlite)
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { hashPassword } from '../src/http/auth/passwords.js';
import { SCOPES } from '../src/http/auth/principal.js';
import { CreateOrgBody, EmailSchema } from '../src/http/schemas/accounts.js';
import { createAccountWithInvite, resetPassword } from '../src/repos/accounts.js';
import { auditQuery } from '../src/repos/audit.js';
import { createApiKey, getApiKey, revokeApiKey } from '../src/repos/api-keys.js';
import { randomToken } from '../src/repos/crypto.js';
import type { Database } from '../src/repos/database.js';
import { isUniqueViolation } from '../src/repos/database.js';
import { openSqlite } from '../src/repos/drivers/sqlite.js';
import { createOrg, getOrg, listOrgs } from '../src/repos/orgs.js';
import type { UserRole } from '../src/repos/schema.js';
import { getUser, listUsers, newUser, setPasswordQuery } from '../src/repos/users.js';

export const USAGE = `Usage: npm run admin -- <command> [options]

  create-trust --name <name> [--urn <6 digits>] [--ukprn <8 digits>]
  create-setting --name <name> --type school|nursery|college [--trust <trust id>] [--phase <phase>] [--urn …] [--ukprn …]
  create-leader --org <setting or trust id> --email <email> --name <name> [--password]
  create-panel-expert --email <email> --name <name> [--password]
  create-admin --email <email> --name <name> [--password]
  create-key --org <org id> --name <name> --scopes <scope,scope,…>    scopes: ${SCOPES.join(', ')}
  revoke-key --id <key id>
  reset-password --user <user id> | --email <email> [--org <org id>]
  list

People get a single-use invite link (7 days) to set their own password; --password prints a generated password
instead. reset-password removes the person's password, signs out every session and prints a single-use link for
them to choose a new one (pass it to the person only); it is recorded in the audit log. Keys and passwords are shown once. The database is DATABASE_PATH (default var/send-pathways.sqlite);
invite links use PUBLIC_URL (default http://localhost:8787).`;

export class UsageError extends Error {}

export interface AdminContext {
  readonly database: Database;
  readonly now: () => Date;
  readonly out: (line: string) => void;
  readonly publicUrl: string;
}

const OPTIONS = {
  name: { type: 'string' },
  urn: { type: 'string' },
  ukprn: { type: 'string' },
  type: { type: 'string' },
  trust: { type: 'string' },
  phase: { type: 'string' },
  org: { type: 'string' },
  email: { type: 'string' },
  scopes: { type: 'string' },
  id: { type: 'string' },
  user: { type: 'string' },
  password: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function need<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === '') throw new UsageError(`--${flag} is required.`);
  return value;
}

function valid<T>(schema: z.ZodType<T>, value: unknown, label = ''): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new UsageError(r.error.issues.map((i) => `${[label, ...i.path].filter((x) => x !== '').join('.') || 'value'}: ${i.message}`).join('; '));
}

async function unique<T>(work: Promise<T>, what: string): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (isUniqueViolation(e)) throw new UsageError(`${what} already exists.`);
    throw e;
  }
}

const CLI = { kind: 'cli', id: null } as const;

/** The account `--user`, or the one `--email` names (with `--org` when the email has accounts in several organisations). */
async function accountFor(ctx: AdminContext, o: { user?: string | undefined; email?: string | undefined; org?: string | undefined }) {
  const db = ctx.database.db;
  if (o.user) {
    const u = await getUser(db, o.user);
    if (!u) throw new UsageError(`There is no account ${o.user}.`);
    return u;
  }
  const email = valid(EmailSchema, need(o.email, 'user or --email'));
  let q = db.selectFrom('users').selectAll().where('email', '=', email);
  if (o.org) q = q.where('org_id', '=', o.org);
  const found = await q.orderBy('created_at').execute();
  if (!found.length) throw new UsageError(`There is no account for ${email}${o.org ? ` in ${o.org}` : ''}.`);
  if (found.length > 1) throw new UsageError(`${email} has accounts in ${found.map((u) => u.org_id ?? 'no organisation').join(', ')}; add --org <org id> or use --user.`);
  return found[0]!;
}

/** Creates a person with an invite, or with a generated password when `password` is set; prints the secret once. */
async function createPerson(ctx: AdminContext, input: { email: string; name: string; role: UserRole; orgId: string | null }, password: boolean): Promise<void> {
  const email = valid(EmailSchema, input.email);
  const now = ctx.now();
  if (password) {
    const secret = randomToken(15);
    const { row, query } = newUser(ctx.database.db, { ...input, email }, now);
    const audit = auditQuery(ctx.database.db, { action: 'role.granted', actor: CLI, orgId: input.orgId, subjectUserId: row.id, detail: input.role }, now);
    await unique(ctx.database.atomic([query, setPasswordQuery(ctx.database.db, row.id, await hashPassword(secret), now), audit]), `An account for ${email}`);
    ctx.out(`Created ${input.role} ${row.id} <${email}>`);
    ctx.out(`Generated password (shown once; pass it on securely): ${secret}`);
    return;
  }
  const made = await unique(
    createAccountWithInvite(ctx.database, { ...input, email }, null, now, (userId) => [
      auditQuery(ctx.database.db, { action: 'role.granted', actor: CLI, orgId: input.orgId, subjectUserId: userId, detail: input.role }, now),
      auditQuery(ctx.database.db, { action: 'invite.issued', actor: CLI, orgId: input.orgId, subjectUserId: userId }, now),
    ]),
    `An account for ${email}`,
  );
  ctx.out(`Created ${input.role} ${made.user.id} <${email}>`);
  ctx.out(`Invite link (single use, until ${made.expiresAt}): ${ctx.publicUrl}/invite?token=${made.token}`);
}

/** Runs one command; throws UsageError for bad input. */
export async function runAdmin(argv: readonly string[], ctx: AdminContext): Promise<void> {
  const [command, ...rest] = argv;
  const { values: o } = parseArgs({ args: [...rest], options: OPTIONS, strict: true, allowPositionals: false });
  const db = ctx.database.db;
  switch (command) {
    case 'create-trust':
    case 'create-setting': {
      const body = valid(
        CreateOrgBody,
        command === 'create-trust'
          ? { kind: 'trust', name: need(o.name, 'name'), urn: o.urn, ukprn: o.ukprn }
          : { kind: 'setting', name: need(o.name, 'name'), settingType: need(o.type, 'type'), trustId: o.trust, phase: o.phase, urn: o.urn, ukprn: o.ukprn },
      );
      if (body.kind === 'setting' && body.trustId && (await getOrg(db, body.trustId))?.kind !== 'trust') throw new UsageError(`There is no trust ${body.trustId}.`);
      const org = await unique(createOrg(db, body, ctx.now()), 'An organisation with that URN or UKPRN');
      ctx.out(`Created ${org.kind} ${org.id} (${org.name})`);
      return;
    }
    case 'create-leader': {
      const org = await getOrg(db, need(o.org, 'org'));
      if (!org) throw new UsageError(`There is no organisation ${o.org}.`);
      await createPerson(ctx, { email: need(o.email, 'email'), name: need(o.name, 'name'), role: 'leader', orgId: org.id }, o.password === true);
      return;
    }
    case 'create-panel-expert':
    case 'create-admin':
      await createPerson(ctx, { email: need(o.email, 'email'), name: need(o.name, 'name'), role: command === 'create-admin' ? 'admin' : 'panel', orgId: null }, o.password === true);
      return;
    case 'create-key': {
      const org = await getOrg(db, need(o.org, 'org'));
      if (!org) throw new UsageError(`There is no organisation ${o.org}.`);
      const scopes = valid(z.array(z.enum(SCOPES)).min(1), need(o.scopes, 'scopes').split(',').map((s) => s.trim()).filter(Boolean), '--scopes');
      const made = await createApiKey(db, { orgId: org.id, name: need(o.name, 'name'), scopes, createdBy: null }, ctx.now());
      await ctx.database.atomic([auditQuery(db, { action: 'key.created', actor: CLI, orgId: org.id, targetId: made.record.id, detail: scopes.join(',') }, ctx.now())]);
      ctx.out(`Created key ${made.record.id} for ${org.name} with scopes ${made.record.scopes.join(', ')}`);
      ctx.out(`API key (shown once; send as Authorization: Bearer <key>): ${made.key}`);
      return;
    }
    case 'revoke-key': {
      const key = await getApiKey(db, need(o.id, 'id'));
      if (!key) throw new UsageError(`There is no key ${o.id}.`);
      await revokeApiKey(db, key.id, ctx.now());
      await ctx.database.atomic([auditQuery(db, { action: 'key.revoked', actor: CLI, orgId: key.orgId, targetId: key.id }, ctx.now())]);
      ctx.out(`Revoked key ${key.id} (${key.prefix}…)`);
      return;
    }
    case 'reset-password': {
      const user = await accountFor(ctx, o);
      const made = await resetPassword(ctx.database, user.id, CLI, ctx.now());
      ctx.out(`Reset the password of ${user.role} ${user.id} <${user.email}>: every session is signed out.`);
      ctx.out(`Reset link for the person only (single use, until ${made!.expiresAt}): ${ctx.publicUrl}/invite?token=${made!.token}`);
      return;
    }
    case 'list': {
      const orgs = (await listOrgs(db, null, { limit: 100_000 })).data;
      for (const org of orgs.filter((x) => x.kind === 'trust' || !x.trustId)) {
        ctx.out(`${org.kind} ${org.id} ${org.name}${org.urn ? ` URN ${org.urn}` : ''}${org.ukprn ? ` UKPRN ${org.ukprn}` : ''}`);
        for (const s of orgs.filter((x) => x.trustId === org.id)) ctx.out(`  setting ${s.id} ${s.name} (${s.settingType}${s.phase ? `, ${s.phase}` : ''})`);
      }
      for (const u of await listUsers(db, ['leader', 'panel', 'admin'])) {
        ctx.out(`${u.role} ${u.id} <${u.email}>${u.orgId ? ` of ${u.orgId}` : ''}${u.hasPassword ? '' : ' (invited)'}`);
      }
      const keys = await db.selectFrom('api_keys').select(['id', 'org_id', 'name', 'prefix', 'scopes', 'revoked_at']).orderBy('id').execute();
      for (const k of keys) ctx.out(`key ${k.id} ${k.prefix}… "${k.name}" of ${k.org_id} [${(JSON.parse(k.scopes) as string[]).join(', ')}]${k.revoked_at ? ' revoked' : ''}`);
      return;
    }
    case undefined:
    case 'help':
      ctx.out(USAGE);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const path = process.env.DATABASE_PATH || 'var/send-pathways.sqlite';
  const database = openSqlite(path, fileURLToPath(new URL('../src/repos/migrations/', import.meta.url)));
  try {
    await runAdmin(process.argv.slice(2), {
      database,
      now: () => new Date(),
      out: (line) => console.log(line),
      publicUrl: (process.env.PUBLIC_URL || 'http://localhost:8787').replace(/\/+$/, ''),
    });
  } catch (e) {
    if (e instanceof UsageError || (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${e.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else throw e;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
