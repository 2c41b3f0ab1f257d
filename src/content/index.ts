// Public surface of content/ for any runtime (Node and Workers). The Node-only directory loader is in ./fs.
export { getShippedContent, shippedContentFiles } from './bundled.js';
export { MIN_MODULES_PER_AREA, MIN_MODULES_PER_ROLE_PHASE, rolePhaseCounts, STRONG_RELEVANCE, suits } from './coverage.js';
export { CONTENT_FILE_NAMES, type ContentFileNames, type ContentFiles, type NamedFile } from './files.js';
export { loadContent } from './load.js';
export { ContentError, formatProblems, type Problem } from './problems.js';
export { catalogueSchema, evidenceSetSchema, questionnaireSchema, taxonomySchema } from './schemas.js';
