// The security and error responses every panel route documents (the views and lookups are in
// src/services/evidence-find.ts).
import { authErrors, commonErrors, problemDoc } from '../../problem.js';

/** Error responses for panel and admin routes. */
export const adminDoc = {
  responses: { ...commonErrors, ...authErrors, 404: problemDoc('No evidence set with this id') },
} as const;

export const conflictDoc = { 409: problemDoc('The evidence set is not a draft (or the draft is stale)') } as const;
