// Cursor pagination over time-sortable ids: opaque cursors, `limit + 1` fetch, and the next cursor.

export interface PageRequest {
  /** Opaque cursor from a previous page's nextCursor; absent for the first page. */
  readonly after?: string | undefined;
  /** 1..200 rows. */
  readonly limit: number;
}

export interface Page<T> {
  readonly data: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

const ID = /^[a-z]{2,5}_[0-9a-z]{24}$/;

/** The opaque cursor that resumes after `id`. */
export function encodeCursor(id: string): string {
  return btoa(id).replace(/=+$/, '');
}

/** The id a cursor resumes after, or null when it is not one of ours. */
export function decodeCursor(cursor: string): string | null {
  try {
    const id = atob(cursor);
    return ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

/** Trims a `limit + 1` fetch to a page; `rows` must be ordered by id. */
export function toPage<R extends { id: string }, T>(rows: readonly R[], limit: number, map: (r: R) => T): Page<T> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  return { data: shown.map(map), nextCursor: more ? encodeCursor(shown[shown.length - 1]!.id) : null };
}

/** Splits a list into chunks so that no query binds more than D1's 100 parameters. */
export function chunks<T>(items: readonly T[], size = 90): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
