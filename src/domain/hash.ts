// Input hashing for provenance: the canonical JSON of a request, hashed with SHA-256. On Node the digest comes from
// node:crypto (native, synchronous); where there is no Node runtime (workerd without nodejs_compat, a browser) from
// @noble/hashes (synchronous, pure JavaScript). Both compute the same FIPS 180-4 digest of the same bytes.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { RecommendationRequest } from './types.js';

/** SHA-256 of `bytes` as 64 lower-case hex characters. */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** node:crypto's one-shot hash where the runtime is Node (process.getBuiltinModule: Node ≥ 20.16), else undefined. */
type NodeHash = (algorithm: 'sha256', data: string) => string;
const nodeHash: NodeHash | undefined = (() => {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const crypto = proc?.getBuiltinModule?.('node:crypto') as { hash?: NodeHash } | undefined;
  return typeof crypto?.hash === 'function' ? crypto.hash : undefined;
})();

/** SHA-256 (hex) of the UTF-8 encoding of `text`. */
export function sha256Text(text: string): string {
  return nodeHash ? nodeHash('sha256', text) : sha256Hex(utf8ToBytes(text));
}

const byCodeUnit = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** JSON with object keys sorted (recursively) and undefined members dropped; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => byCodeUnit(a, b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type Response = RecommendationRequest['responses'][number];

/** Responses by item id, then value ("not relevant" first): the engine treats responses as a set. */
const byItemThenValue = (x: Response, y: Response): number => byCodeUnit(x.itemId, y.itemId) || (x.value ?? -1) - (y.value ?? -1);

/**
 * The request's canonical JSON, written directly in canonicalJson's key order: responses sorted by itemId then
 * value (each as {itemId, value}), completedModuleIds sorted and de-duplicated; formats keep their order (it
 * chooses each step's format); an absent settingProfile is left out. The one JSON string hashed on every
 * recommendation, so the responses are written by hand (responsesJson) rather than through JSON.stringify.
 */
export function canonicalRequestJson(request: RecommendationRequest): string {
  const setting = request.settingProfile === undefined ? '' : `,"settingProfile":${canonicalJson(request.settingProfile)}`;
  return (
    `{"completedModuleIds":${JSON.stringify([...new Set(request.completedModuleIds)].sort(byCodeUnit))}` +
    `,"confidence":${recordJson(request.confidence)},"formats":${canonicalJson(request.formats)}` +
    `,"phase":${canonicalJson(request.phase)},"priorities":${recordJson(request.priorities)}` +
    `,"responses":${responsesJson(request.responses)},"role":${canonicalJson(request.role)}${setting}` +
    `,"timeBudgetMinutes":${canonicalJson(request.timeBudgetMinutes)},"weeklyMinutes":${canonicalJson(request.weeklyMinutes)}}`
  );
}

/**
 * JSON.stringify of the responses sorted by byItemThenValue, each as {itemId, value}, written by concatenation:
 * under half the time of mapping them to objects and stringifying those (JSON.stringify costs over 100 ns an
 * object on Node 20). An id of plain characters (letters, digits, `_`, `-`, `.`, `:`) needs no escaping; any other
 * goes through JSON.stringify. A value that is not a finite number is written `null`, as JSON.stringify writes it.
 */
function responsesJson(responses: readonly Response[]): string {
  let json = '';
  for (const { itemId, value } of [...responses].sort(byItemThenValue)) {
    const id = PLAIN_ID.test(itemId) ? `"${itemId}"` : JSON.stringify(itemId);
    json += `${json ? ',' : ''}{"itemId":${id},"value":${value !== null && Number.isFinite(value) ? String(value) : 'null'}}`;
  }
  return `[${json}]`;
}

const PLAIN_ID = /^[\w.:-]*$/;

/** canonicalJson of a flat record of numbers (usually empty): skips the generic path when there is nothing to sort. */
function recordJson(record: Readonly<Record<string, number>>): string {
  for (const _ in record) return canonicalJson(record);
  return '{}';
}

/**
 * `sha256:` + SHA-256 hex of the canonical JSON of the request, or, when there are extra inputs (e.g. a check-in),
 * of `{"extra":<canonical extra>,"request":<canonical request>}`.
 */
export function inputHash(request: RecommendationRequest, extra?: unknown): string {
  // canonicalJson({ extra, request }) with the request in its canonical form (keys in code-unit order: extra, request).
  const text = extra === undefined ? canonicalRequestJson(request) : `{"extra":${canonicalJson(extra)},"request":${canonicalRequestJson(request)}}`;
  return 'sha256:' + sha256Text(text);
}
