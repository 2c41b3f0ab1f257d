// What each problem kind means and what to do about it: served at /problems/<kind>, where every problem's `type` points.
import type { ProblemKind } from './problem.js';

export interface ProblemHelp {
  /** What happened, in plain words. */
  readonly happened: string;
  /** What the caller (a person or a platform) can do next. */
  readonly todo: readonly string[];
}

export const PROBLEM_HELP: Readonly<Record<ProblemKind, ProblemHelp>> = {
  'malformed-json': {
    happened: 'The request body was not valid JSON, so nothing was read or saved.',
    todo: ['Check the body parses as JSON (for example with a JSON validator) and send it again.'],
  },
  'bad-request': {
    happened: 'The request could not be understood: a header, query parameter or file was missing or in the wrong form.',
    todo: ['Read the `detail` field: it names what was wrong.', 'Fix that part of the request and send it again.'],
  },
  unauthorized: {
    happened: 'The request did not prove who is making it: no API key, session or token, or one that has expired or been revoked.',
    todo: ['Send `Authorization: Bearer <key>` with a current API key, or sign in again.', 'Ask your organisation’s administrator for a new key if yours was revoked.'],
  },
  forbidden: {
    happened: 'The service knows who you are, but your role or key’s scopes do not allow this action, or the record belongs to another organisation.',
    todo: ['Check the key has the scope the operation lists in the API reference (/docs).', 'Ask a leader or administrator of the organisation if you need access.'],
  },
  'not-found': {
    happened: 'There is nothing at this address, or it is not visible to you.',
    todo: ['Check the identifier and the path.', 'Records in other organisations answer “not found” rather than revealing they exist.'],
  },
  'method-not-allowed': {
    happened: 'The address exists, but not with this HTTP method.',
    todo: ['The `Allow` response header lists the methods the address accepts.'],
  },
  conflict: {
    happened: 'The request clashes with the current state: for example a record that already exists, an idempotency key reused with a different body, or a change made by someone else first.',
    todo: ['Read the `detail` field, fetch the current state, and decide whether to retry.'],
  },
  'payload-too-large': {
    happened: 'The request body was over the size limit (1 MB), so it was not read.',
    todo: ['Send less at once: split a large import into several files.'],
  },
  'unsupported-media-type': {
    happened: 'The body was sent with a content type this operation does not accept.',
    todo: ['Send `Content-Type: application/json` (or the type the API reference gives for this operation).'],
  },
  validation: {
    happened: 'The body was JSON but some fields were missing or not allowed. Nothing was saved.',
    todo: ['The `errors` list names each field (`path`) and what is wrong with it (`message`).', 'Fix those fields and send the whole request again.'],
  },
  'rate-limited': {
    happened: 'Too many requests arrived from this client in a short time.',
    todo: ['Wait for the number of seconds in the `Retry-After` header, then try again.', 'Spread batch work over time, or ask for a higher limit.'],
  },
  internal: {
    happened: 'Something went wrong inside the service. It was not caused by your request, and nothing was half-saved.',
    todo: ['Try again in a minute.', 'If it keeps happening, contact the service and quote the `requestId` from the response.'],
  },
  'bad-gateway': {
    happened: 'A system the service depends on (for example a sign-in provider or a learning platform) gave an answer the service could not use.',
    todo: ['Try again later.', 'If it keeps happening, ask your administrator to check the connection settings for that system.'],
  },
  unavailable: {
    happened: 'The service cannot take this request right now: it is starting, stopping or cannot reach its database.',
    todo: ['Wait a short time and try again; `Retry-After` says how long when it is known.'],
  },
};
