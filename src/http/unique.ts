// Maps a database uniqueness violation to a 409 problem with a message a person can act on.
import { isUniqueViolation } from '../repos/database.js';
import { ProblemError } from './problem.js';

/** Awaits `work`; a UNIQUE constraint failure becomes a 409 with `detail`. */
export async function uniqueOr409<T>(work: Promise<T>, detail: string): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (isUniqueViolation(e)) throw new ProblemError('conflict', detail);
    throw e;
  }
}
