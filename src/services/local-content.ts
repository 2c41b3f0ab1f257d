// Which catalogue a caller plans with: the shipped one, plus the own modules and sessions of the caller's setting
// and its trust (API key's organisation, or the signed-in person's). Versions are immutable, so their bodies and the
// merged engine Content are cached; one indexed query per request finds the newest versions.
import { EMPTY_LOCAL, localCatalogueVersion, parseCatalogueVersion, withLocalCatalogue, type LocalLayer } from '../domain/local-catalogue.js';
import type { Content } from '../domain/types.js';
import type { Database } from '../repos/database.js';
import { getLayer, latestVersions } from '../repos/local-catalogues.js';
import { getOrg } from '../repos/orgs.js';
import { evidenceInForce } from './evidence-cache.js';
import type { Deps } from './deps.js';

const MAX_CACHED = 64;
const layerCache = new WeakMap<Database, Map<string, LocalLayer>>();
const parentCache = new WeakMap<Database, Map<string, string | null>>();
const mergedCache = new WeakMap<Content, Map<string, Content>>();

function remember<V>(map: Map<string, V>, key: string, value: V): V {
  if (map.size >= MAX_CACHED) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

/** The org's chain of catalogues, outermost first: [trust, setting] for a setting in a trust, else [org]. */
export async function orgChain(database: Database, orgId: string): Promise<string[]> {
  const parents = parentCache.get(database) ?? new Map<string, string | null>();
  parentCache.set(database, parents);
  let parent = parents.get(orgId);
  if (parent === undefined) {
    const org = await getOrg(database.db, orgId);
    if (!org) return [];
    parent = remember(parents, orgId, org.kind === 'setting' ? org.trustId : null);
  }
  return parent ? [parent, orgId] : [orgId];
}

/** One stored version (cached: versions never change); version 0 is the empty catalogue. */
export async function layerAt(database: Database, orgId: string, version: number): Promise<LocalLayer | null> {
  if (version === 0) return { orgId, version: 0, body: EMPTY_LOCAL };
  const layers = layerCache.get(database) ?? new Map<string, LocalLayer>();
  layerCache.set(database, layers);
  const key = `${orgId}.${version}`;
  const hit = layers.get(key);
  if (hit) return hit;
  const found = await getLayer(database.db, orgId, version);
  return found ? remember(layers, key, found) : null;
}

/** The newest layer of each org in `orgIds`, in order. */
export async function latestLayersOf(database: Database, orgIds: readonly string[]): Promise<LocalLayer[]> {
  const versions = await latestVersions(database.db, orgIds);
  const out: LocalLayer[] = [];
  for (const id of orgIds) {
    const layer = await layerAt(database, id, versions.get(id) ?? 0);
    if (layer) out.push(layer);
  }
  return out;
}

/**
 * `base` with the layers merged in, cached per catalogue version. The version names the merge (the shipped version
 * plus each live layer's org and version), so it is looked up before merging: a request from an organisation with
 * its own modules no longer rebuilds the whole catalogue only to find the same merge in the cache.
 */
export function mergedContent(base: Content, layers: readonly LocalLayer[]): Content {
  const version = localCatalogueVersion(base.catalogue.version, layers);
  if (version === base.catalogue.version) return base; // no live layer: withLocalCatalogue would answer `base`
  const byVersion = mergedCache.get(base) ?? new Map<string, Content>();
  mergedCache.set(base, byVersion);
  return byVersion.get(version) ?? remember(byVersion, version, withLocalCatalogue(base, layers));
}

/** A catalogue in use: the engine's content and the layers it was merged from (for sessions on steps). */
export interface CatalogueInUse {
  readonly content: Content;
  readonly layers: readonly LocalLayer[];
}

async function inUse(base: Content, layers: LocalLayer[]): Promise<CatalogueInUse> {
  return { content: mergedContent(base, layers), layers };
}

/** The catalogue for members of staff of `orgId` (the setting and its trust). */
export async function catalogueForOrg(deps: Deps, base: Content, orgId: string): Promise<CatalogueInUse> {
  const database = deps.database;
  return inUse(base, await latestLayersOf(database, await orgChain(database, orgId)));
}

/**
 * The catalogue a stored catalogue version names (for replay): null when its shipped part is not this service's or
 * a layer is unknown.
 */
export async function catalogueAtVersion(deps: Deps, base: Content, catalogueVersion: string): Promise<CatalogueInUse | null> {
  const parsed = parseCatalogueVersion(catalogueVersion);
  if (!parsed || parsed.base !== base.catalogue.version) return null;
  const layers: LocalLayer[] = [];
  for (const l of parsed.layers) {
    const layer = await layerAt(deps.database, l.orgId, l.version);
    if (!layer) return null;
    layers.push(layer);
  }
  const merged = mergedContent(base, layers);
  return merged.catalogue.version === catalogueVersion ? { content: merged, layers } : null;
}

/** The catalogue a member of staff plans with: the evidence set in force, their setting's and trust's own modules. */
export async function staffCatalogue(deps: Deps, settingId: string): Promise<CatalogueInUse> {
  return catalogueForOrg(deps, (await evidenceInForce(deps)).content, settingId);
}
