// Content problems: the Problem record, ContentError, and turning zod issues and paths into `file: path: message`.
// Every content check reports through these so a broken file always names the file and the exact place.
import type { z } from 'zod';

/** One thing wrong with a content file. `path` is like `modules[12].prerequisites[0]`, or `(root)`. */
export interface Problem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

/** Thrown when content fails validation. `problems` lists every problem found; `message` has one line per problem. */
export class ContentError extends Error {
  override readonly name = 'ContentError';
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.problems = problems;
  }
}

/** One line per problem: `file: path: message`. */
export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n');
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Renders a path such as ['modules', 12, 'prerequisites', 0] as `modules[12].prerequisites[0]`; [] as `root`. */
export function formatPath(path: readonly PropertyKey[], root = '(root)'): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      if (PLAIN_KEY.test(name)) out += out === '' ? name : `.${name}`;
      else out += `[${JSON.stringify(name)}]`;
    }
  }
  return out === '' ? root : out;
}

/** Converts zod issues into problems for `file`, one problem per unknown key so typos are named exactly. */
export function zodProblems(file: string, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ file, path: formatPath([...issue.path, key]), message: 'unknown field (check the spelling)' });
      }
    } else {
      problems.push({ file, path: formatPath(issue.path), message: issue.message });
    }
  }
  return problems;
}
