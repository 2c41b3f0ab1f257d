// `npm run content:check [dir]`: validates the shipped content (or a content directory) and prints a summary.
// Exits 0 when the content is valid; on problems prints each `file: path: message` and exits 1.
import { resolve } from 'node:path';
import { LEVELS } from '../src/domain/types.js';
import type { Content } from '../src/domain/types.js';
import { getShippedContent } from '../src/content/bundled.js';
import { rolePhaseCounts } from '../src/content/coverage.js';
import { loadContentFromDir } from '../src/content/fs.js';
import { ContentError } from '../src/content/problems.js';

function summarise(content: Content, from: string): string {
  const { taxonomy, questionnaire, catalogue, evidence } = content;
  const census = taxonomy.areas.filter((a) => a.censusCode !== undefined).length;
  const subTags = taxonomy.areas.reduce((n, a) => n + (a.subTags?.length ?? 0), 0);
  const byLevel = LEVELS.map((l) => `${catalogue.modules.filter((m) => m.level === l).length} ${l}`).join(', ');
  const counts = rolePhaseCounts(catalogue);
  const fewest = counts.reduce((a, b) => (b.count < a.count ? b : a));
  return [
    `Content OK (${from})`,
    `  areas:         ${taxonomy.areas.length} (${census} census needs, ${taxonomy.areas.length - census} practice domains), ${subTags} sub-tags; taxonomy ${taxonomy.version}`,
    `  questionnaire: ${questionnaire.items.length} items; version ${questionnaire.version}`,
    `  modules:       ${catalogue.modules.length} (${byLevel}); catalogue ${catalogue.version}`,
    `  evidence:      ${evidence.id} (version ${evidence.version}), ${Object.keys(evidence.modules).length} module entries`,
    `  role x phase:  at least ${fewest.count} suitable modules for every pair (fewest: ${fewest.role} x ${fewest.phase})`,
  ].join('\n');
}

const dir = process.argv[2];
try {
  const content = dir === undefined ? getShippedContent() : loadContentFromDir(resolve(dir));
  console.log(summarise(content, dir === undefined ? 'shipped data/' : resolve(dir)));
} catch (err) {
  if (!(err instanceof ContentError)) throw err;
  console.error(`Content has ${err.problems.length} problem(s):`);
  console.error(err.message);
  process.exitCode = 1;
}
