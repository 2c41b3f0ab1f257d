// loadContent: validates the four content files (shapes, then cross-file rules) into the engine's Content.
// Runtime-neutral (no fs): bundled.ts feeds it the shipped JSON, fs.ts feeds it a directory's files.
import type { z } from 'zod';
import type { Content } from '../domain/types.js';
import { checkCoverage } from './coverage.js';
import type { ContentFileNames, ContentFiles } from './files.js';
import { ContentError, zodProblems, type Problem } from './problems.js';
import { checkReferences } from './rules.js';
import { catalogueSchema, evidenceSetSchema, questionnaireSchema, taxonomySchema } from './schemas.js';

export type { ContentFiles } from './files.js';

/** Says "required field is missing" instead of zod's "expected string, received undefined". */
const missingFieldMessage = (iss: { code?: string; input?: unknown }) =>
  iss.code === 'invalid_type' && iss.input === undefined ? 'required field is missing' : undefined;

function parse<S extends z.ZodType>(schema: S, named: { file: string; data: unknown }, problems: Problem[]): z.output<S> | undefined {
  const result = schema.safeParse(named.data, { error: missingFieldMessage });
  if (result.success) return result.data;
  problems.push(...zodProblems(named.file, result.error.issues));
  return undefined;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Validates the four content files and returns them as the engine's Content (deeply frozen).
 * Checks every file's shape first; if all four are well-formed, checks the cross-file rules.
 * @throws ContentError listing every problem found, each as `file: path: message`.
 */
export function loadContent(files: ContentFiles): Content {
  const problems: Problem[] = [];
  const taxonomy = parse(taxonomySchema, files.taxonomy, problems);
  const questionnaire = parse(questionnaireSchema, files.questionnaire, problems);
  const catalogue = parse(catalogueSchema, files.catalogue, problems);
  const evidence = parse(evidenceSetSchema, files.evidence, problems);
  if (!taxonomy || !questionnaire || !catalogue || !evidence) throw new ContentError(problems);

  const content: Content = { taxonomy, questionnaire, catalogue, evidence };
  const names: ContentFileNames = {
    taxonomy: files.taxonomy.file,
    questionnaire: files.questionnaire.file,
    catalogue: files.catalogue.file,
    evidence: files.evidence.file,
  };
  problems.push(...checkReferences(content, names), ...checkCoverage(content, names));
  if (problems.length > 0) throw new ContentError(problems);
  return deepFreeze(content);
}
