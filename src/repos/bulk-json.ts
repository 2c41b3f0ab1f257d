// Bulk statements on SQLite and D1 alike: rows travel as one bound JSON array that the statement reads with
// json_each, so a statement binds a parameter or two however many rows it carries (D1 allows 100 bound parameters a
// statement). Used by the staff import, the recompute's plan writes and coverage's lookups by staff id.

/** Characters of JSON one bulk statement carries: far below D1's 2 MB value limit, so a row never gets near it. */
const BULK_JSON_CHARS = 250_000;

/** `items` as JSON arrays of at most `maxChars` characters each (one item longer than that goes alone). */
export function chunksOfJson(items: readonly unknown[], maxChars = BULK_JSON_CHARS): string[] {
  const out: string[] = [];
  let part: string[] = [];
  let size = 2;
  for (const item of items) {
    const text = JSON.stringify(item);
    if (part.length && size + text.length + 1 > maxChars) {
      out.push(`[${part.join(',')}]`);
      part = [];
      size = 2;
    }
    part.push(text);
    size += text.length + 1;
  }
  if (part.length) out.push(`[${part.join(',')}]`);
  return out;
}
