// Self-assessment answers as stored. A list of {itemId, value} is kept as one object (item id → value), which takes
// about half the bytes, whenever that loses nothing: no item answered twice, no numeric item id (a numeric key would
// move to the front of the object), and nothing on an answer but its item id and value. Readers take either form.

/** One answer: an item id and a rating 1..5, or null for "not relevant to my role". */
interface Answer {
  readonly itemId: string;
  readonly value: number | null;
}

/** The answers as one object (item id → value), or null when that would lose something (then store the list). */
export function answersRecord(responses: readonly Answer[]): Record<string, number | null> | null {
  const record: Record<string, number | null> = {};
  for (const r of responses) {
    if (Object.keys(r).length !== 2 || typeof r.itemId !== 'string' || /^\d+$/.test(r.itemId) || Object.hasOwn(record, r.itemId)) return null;
    if (r.value !== null && typeof r.value !== 'number') return null;
    record[r.itemId] = r.value;
  }
  return record;
}

/** The answers in the form they are stored: the object when lossless, else the list as given. */
export function storedAnswers(responses: readonly Answer[]): Record<string, number | null> | readonly Answer[] {
  return answersRecord(responses) ?? responses;
}

/** The list of answers a stored form holds: the object back as a list (in its key order), a list as it is. */
export function answersList(stored: unknown): unknown {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return stored;
  return Object.entries(stored).map(([itemId, value]) => ({ itemId, value: value as number | null }));
}
