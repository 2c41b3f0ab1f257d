// The four content files: their names inside a content directory and the NamedFile shape loaders pass around.

/** A content file's display path (e.g. `data/modules.json`) and its parsed JSON. */
export interface NamedFile {
  readonly file: string;
  readonly data: unknown;
}

export interface ContentFiles {
  readonly taxonomy: NamedFile;
  readonly questionnaire: NamedFile;
  readonly catalogue: NamedFile;
  readonly evidence: NamedFile;
}

/** Display path of each content file, used to label problems. */
export type ContentFileNames = { readonly [K in keyof ContentFiles]: string };

/** File names inside a content directory. The evidence set is the highest-numbered `evidence/v<N>.json`. */
export const CONTENT_FILE_NAMES = {
  taxonomy: 'needs-areas.json',
  questionnaire: 'questionnaire.json',
  catalogue: 'modules.json',
  evidenceDir: 'evidence',
} as const;
