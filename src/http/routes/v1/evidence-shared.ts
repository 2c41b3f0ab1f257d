// The security and error responses every panel route documents (the views and lookups are in
// src/services/evidence-find.ts).
import { ADMIN_SECURITY } from '../../middleware/admin-token.js';
import { authErrors, commonErrors, problemDoc } from '../../problem.js';

/** Security requirement and error responses for admin-only routes. */
export const adminDoc = {
  security: ADMIN_SECURITY,
  responses: { ...commonErrors, ...authErrors, 404: problemDoc('No evidence set with this id') },
} as const;

export const conflictDoc = { 409: problemDoc('The evidence set is not a draft (or the draft is stale)') } as const;
