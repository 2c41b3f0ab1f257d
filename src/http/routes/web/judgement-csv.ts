// Reads panel judgements uploaded as CSV (one row per judgement) or JSON (one submission or a list) into
// submissions checked by the API's JudgementSubmitSchema, with row-numbered errors a panel member can act on.
// CSV columns: expert, weight (optional), type, item_a, item_b, value. Types: `areas` (item_a vs item_b on
// Saaty's 1/9..9 scale, "1/3" allowed), `modules:<areaId>` (modules within an area), `strength` (item_a = module,
// 0..5) and `impact` (item_a = module, 0..1).
import { parseCsv } from '../../../services/csv.js';
import { JudgementSubmitSchema } from '../../schemas/evidence.js';
import { formatPath } from '../../../content/problems.js';
import type { z } from '@hono/zod-openapi';

export type JudgementSubmit = z.infer<typeof JudgementSubmitSchema>;

export interface UploadError {
  /** Spreadsheet row (header = 1) for CSV; 0 for JSON. */
  readonly row: number;
  readonly message: string;
}

export const CSV_COLUMNS = ['expert', 'weight', 'type', 'item_a', 'item_b', 'value'] as const;

/** "3", "0.5", "1/3" → number; NaN when not a number. */
export function parseRatio(text: string): number {
  const t = text.trim();
  const m = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (m) return Number(m[1]) / Number(m[2]);
  return t === '' ? NaN : Number(t);
}

interface Draft {
  expert: string;
  weight?: number;
  ratings: Map<string, { moduleId: string; strength?: number; expectedImpact?: number }>;
  areas: { a: string; b: string; value: number }[];
  modules: Map<string, { a: string; b: string; value: number }[]>;
}

function fromCsv(text: string): { subs: unknown[]; errors: UploadError[] } {
  const table = parseCsv(text).filter((r) => r.some((c) => c.trim() !== ''));
  const errors: UploadError[] = [];
  if (!table.length) return { subs: [], errors: [{ row: 1, message: 'The file is empty; the first row must name the columns.' }] };
  const header = table[0]!.map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  for (const need of ['expert', 'type', 'item_a', 'value']) if (col(need) < 0) errors.push({ row: 1, message: `The column "${need}" is missing. Use: ${CSV_COLUMNS.join(', ')}.` });
  if (errors.length) return { subs: [], errors };
  const experts = new Map<string, Draft>();
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (name: string) => (col(name) >= 0 ? (cells[col(name)] ?? '').trim() : '');
    const expert = cell('expert');
    if (!expert) return errors.push({ row, message: 'Give the expert’s name or code.' });
    const d: Draft = experts.get(expert) ?? { expert, ratings: new Map(), areas: [], modules: new Map() };
    experts.set(expert, d);
    if (cell('weight')) {
      const w = Number(cell('weight'));
      if (!Number.isFinite(w) || w < 0) return errors.push({ row, message: 'The weight must be a number of 0 or more.' });
      d.weight = w;
    }
    const type = cell('type').toLowerCase();
    const a = cell('item_a');
    const b = cell('item_b');
    const value = parseRatio(cell('value'));
    if (!a) return errors.push({ row, message: 'Give item_a.' });
    if (!Number.isFinite(value)) return errors.push({ row, message: `The value "${cell('value')}" is not a number (fractions like 1/3 are fine).` });
    if (type === 'strength' || type === 'impact') {
      const r = d.ratings.get(a) ?? { moduleId: a };
      if (type === 'strength') r.strength = value;
      else r.expectedImpact = value;
      d.ratings.set(a, r);
      return;
    }
    if (!b) return errors.push({ row, message: 'A comparison needs item_b.' });
    if (type === 'areas') d.areas.push({ a, b, value });
    else if (type.startsWith('modules:') && type.length > 8) d.modules.set(type.slice(8), [...(d.modules.get(type.slice(8)) ?? []), { a, b, value }]);
    else errors.push({ row, message: `Unknown type "${cell('type')}": use areas, modules:<area id>, strength or impact.` });
    return;
  });
  const subs = [...experts.values()].map((d) => ({
    expert: d.expert,
    ...(d.weight !== undefined ? { weight: d.weight } : {}),
    ratings: [...d.ratings.values()],
    ...(d.areas.length ? { areaComparison: { judgements: d.areas } } : {}),
    moduleComparisons: [...d.modules].map(([areaId, judgements]) => ({ areaId, judgements })),
  }));
  return { subs, errors };
}

/** Parses an upload (JSON when it starts with { or [, else CSV) into schema-checked submissions, or errors. */
export function readJudgements(text: string): { submissions: JudgementSubmit[]; errors: UploadError[] } {
  const trimmed = text.trim();
  let raw: unknown[];
  const errors: UploadError[] = [];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      raw = Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      return { submissions: [], errors: [{ row: 0, message: 'The JSON could not be read. Check it is valid JSON.' }] };
    }
  } else {
    const csv = fromCsv(text);
    if (csv.errors.length) return { submissions: [], errors: csv.errors };
    raw = csv.subs;
  }
  if (!raw.length) return { submissions: [], errors: [{ row: 0, message: 'There are no judgements in the upload.' }] };
  const submissions: JudgementSubmit[] = [];
  raw.forEach((r, i) => {
    const parsed = JudgementSubmitSchema.safeParse(r);
    if (parsed.success) submissions.push(parsed.data);
    else for (const issue of parsed.error.issues) errors.push({ row: 0, message: `Submission ${i + 1}, ${formatPath(issue.path)}: ${issue.message}` });
  });
  return { submissions: errors.length ? [] : submissions, errors };
}
