// `npm run evidence -- publish <file> | list | show <id>`: evidence sets in the Node database for deployments that
// keep weightings as files. Exit codes: 0 done, 1 invalid file or refused (message says why), 2 usage.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getShippedContent } from '../src/content/bundled.js';
import { loadContentFromDir } from '../src/content/fs.js';
import { loadContent } from '../src/content/load.js';
import { ContentError } from '../src/content/problems.js';
import type { Content, EvidenceSet } from '../src/domain/types.js';
import { openSqlite, type SqliteDatabase } from '../src/repos/drivers/sqlite.js';
import { getEvidenceSet, listEvidenceSets } from '../src/repos/evidence-sets.js';
import { cliDeps } from '../src/services/cli-deps.js';
import { publishEvidenceSet } from '../src/services/evidence-publish.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../src/repos/migrations/', import.meta.url));
const USAGE = `Usage: npm run evidence -- <command>
  publish <file>  validate an evidence-set JSON file and publish it as the new version (the set in force)
  list            every stored version, newest first
  show <id>       one stored set as JSON
Environment: DATABASE_PATH (default var/send-pathways.sqlite), CONTENT_DIR (validate against that content).`;

class Refused extends Error {}

/** The file's evidence set, validated in shape and against the taxonomy and catalogue it will be used with. */
function readEvidenceFile(path: string, base: Content): EvidenceSet {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Refused(`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `not valid JSON (${(err as Error).message})`}`);
  }
  const named = (file: string, value: unknown) => ({ file, data: value });
  return loadContent({
    taxonomy: named('taxonomy', base.taxonomy),
    questionnaire: named('questionnaire', base.questionnaire),
    catalogue: named('catalogue', base.catalogue),
    evidence: named(path, data),
  }).evidence;
}

async function publish(database: SqliteDatabase, path: string): Promise<string> {
  const base = process.env.CONTENT_DIR ? loadContentFromDir(resolve(process.env.CONTENT_DIR)) : getShippedContent();
  const evidence = readEvidenceFile(path, base);
  const done = await publishEvidenceSet(cliDeps(database, base), evidence);
  if (!done.ok && done.reason === 'id-taken') throw new Refused(`The id '${evidence.id}' is already stored (${done.status}, version ${done.version}); give the file a new id and version.`);
  if (!done.ok) throw new Refused(`Version ${evidence.version} is not above the latest stored version ${done.latest}; set "version" to ${done.latest + 1} or more.`);
  if (done.already) return `${evidence.id} is already the set in force; nothing to do.`;
  return `Published ${evidence.id} (version ${evidence.version})${done.superseded ? `; ${done.superseded} is superseded` : ''}.`;
}

async function list(database: SqliteDatabase): Promise<string> {
  const rows = [];
  let cursor: number | undefined;
  for (;;) {
    const page = await listEvidenceSets(database, { statuses: ['draft', 'published', 'superseded'], limit: 100, cursor });
    rows.push(...page.data);
    if (!page.nextCursor) break;
    cursor = Number(page.nextCursor);
  }
  if (!rows.length) return 'No evidence sets stored yet (the server loads the shipped set on first use).';
  const lines = rows.map((r) => [String(r.version).padStart(7), r.status.padEnd(10), r.id.padEnd(28), (r.publishedAt ?? r.createdAt).slice(0, 19), r.body.provenance.panel].join('  '));
  return [`${'version'.padStart(7)}  ${'status'.padEnd(10)}  ${'id'.padEnd(28)}  ${'published/created'.padEnd(19)}  panel`, ...lines].join('\n');
}

async function show(database: SqliteDatabase, id: string): Promise<string> {
  const r = await getEvidenceSet(database, id);
  if (!r) throw new Refused(`There is no evidence set '${id}'.`);
  const { aggregation: _aggregation, body, ...meta } = r;
  return JSON.stringify({ ...body, ...meta }, null, 2);
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, arg] = argv;
  const run = { publish, list, show }[command as 'publish' | 'list' | 'show'];
  if (!run || ((command === 'publish' || command === 'show') && !arg) || (command === 'list' && arg)) {
    console.error(USAGE);
    return 2;
  }
  const database = openSqlite(process.env.DATABASE_PATH || 'var/send-pathways.sqlite', MIGRATIONS_DIR);
  try {
    console.log(await run(database, arg!));
    return 0;
  } catch (err) {
    if (err instanceof ContentError || err instanceof Refused) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
