// Self-assessments, kept as history: each submission's answers and planning preferences, per member of staff.
import type { CompiledQuery, Kysely } from 'kysely';
import { newId } from './crypto.js';
import { toPage, type Page, type PageRequest } from './page.js';
import { answersList, storedAnswers } from './stored-answers.js';
import type { DB } from './schema.js';

export interface Assessment {
  readonly id: string;
  readonly staffId: string;
  /** The answers as given: responses, direct confidence ratings and preferences. */
  readonly answers: Record<string, unknown>;
  readonly createdAt: string;
}

/** The insert for a new assessment; its responses are stored as one object where that loses nothing (stored-answers.ts). */
export function newAssessment(db: Kysely<DB>, staffId: string, answers: Readonly<Record<string, unknown>>, now: Date): { id: string; query: CompiledQuery } {
  const id = newId('asm', now);
  const stored = Array.isArray(answers.responses) ? { ...answers, responses: storedAnswers(answers.responses) } : answers;
  return {
    id,
    query: db.insertInto('assessments').values({ id, staff_id: staffId, answers: JSON.stringify(stored), created_at: now.toISOString() }).compile(),
  };
}

/** The answers as given, from their stored JSON (responses back as a list). */
function answersAsGiven(json: string): Record<string, unknown> {
  const stored = JSON.parse(json) as Record<string, unknown>;
  return 'responses' in stored ? { ...stored, responses: answersList(stored.responses) } : stored;
}

/** A page of a person's assessments, newest first. */
export async function listAssessments(db: Kysely<DB>, staffId: string, page: PageRequest): Promise<Page<Assessment>> {
  let q = db.selectFrom('assessments').selectAll().where('staff_id', '=', staffId);
  if (page.after) q = q.where('id', '<', page.after);
  const rows = await q.orderBy('id', 'desc').limit(page.limit + 1).execute();
  return toPage(rows, page.limit, (r) => ({ id: r.id, staffId: r.staff_id, answers: answersAsGiven(r.answers), createdAt: r.created_at }));
}
