// Node-only: loads content from a directory laid out like data/ (for deployments that set CONTENT_DIR).
// A missing file or invalid JSON is reported as a ContentError naming the file, like any other content problem.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content } from '../domain/types.js';
import { CONTENT_FILE_NAMES, type ContentFiles, type NamedFile } from './files.js';
import { loadContent } from './load.js';
import { ContentError, type Problem } from './problems.js';

const EVIDENCE_FILE = /^v(\d+)\.json$/;

/** Path of the highest-numbered `evidence/v<N>.json` in `dir`, or undefined when there is none. */
export function latestEvidenceFile(dir: string): string | undefined {
  const evidenceDir = join(dir, CONTENT_FILE_NAMES.evidenceDir);
  if (!existsSync(evidenceDir)) return undefined;
  let best: { n: number; name: string } | undefined;
  for (const name of readdirSync(evidenceDir)) {
    const match = EVIDENCE_FILE.exec(name);
    if (match) {
      const n = Number(match[1]);
      if (!best || n > best.n) best = { n, name };
    }
  }
  return best && join(evidenceDir, best.name);
}

function readJson(file: string, problems: Problem[]): NamedFile {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.push({ file, path: '(root)', message: code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(err)})` });
    return { file, data: undefined };
  }
  try {
    return { file, data: JSON.parse(raw) as unknown };
  } catch (err) {
    problems.push({ file, path: '(root)', message: `invalid JSON: ${(err as Error).message}` });
    return { file, data: undefined };
  }
}

/**
 * Reads and validates needs-areas.json, questionnaire.json, modules.json and the highest-numbered
 * evidence/v<N>.json from `dir`.
 * @throws ContentError for a missing file, invalid JSON, or any content problem, each naming its file.
 */
export function loadContentFromDir(dir: string): Content {
  const problems: Problem[] = [];
  const evidencePath = latestEvidenceFile(dir);
  if (evidencePath === undefined) {
    problems.push({
      file: join(dir, CONTENT_FILE_NAMES.evidenceDir, 'v1.json'),
      path: '(root)',
      message: `file not found (expected at least one evidence set named ${CONTENT_FILE_NAMES.evidenceDir}/v<N>.json)`,
    });
  }
  const files: ContentFiles = {
    taxonomy: readJson(join(dir, CONTENT_FILE_NAMES.taxonomy), problems),
    questionnaire: readJson(join(dir, CONTENT_FILE_NAMES.questionnaire), problems),
    catalogue: readJson(join(dir, CONTENT_FILE_NAMES.catalogue), problems),
    evidence: evidencePath === undefined ? { file: '', data: undefined } : readJson(evidencePath, problems),
  };
  if (problems.length > 0) throw new ContentError(problems);
  return loadContent(files);
}
