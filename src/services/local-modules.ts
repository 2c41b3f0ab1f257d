// An organisation's own modules: add, change and retire, each checked like shipped content against the catalogue
// its staff plan with, and stored as the next catalogue version. Used by the API and the dashboard alike.
import type { z } from 'zod';
import type { localModulePatchSchema, localModuleSchema } from '../content/schemas.js';
import { localCatalogueVersion, type LocalModule } from '../domain/local-catalogue.js';
import type { Org } from '../repos/orgs.js';
import { ProblemError } from './problems.js';
import { assertNoProblems, candidateContent, editing, moduleProblems, writeNext, type Editing } from './local-catalogue.js';
import type { Deps } from './deps.js';
export type LocalModuleInput = z.output<typeof localModuleSchema>;
export type LocalModulePatch = z.output<typeof localModulePatchSchema>;

export interface ModuleWritten {
  readonly module: LocalModule;
  /** The catalogue version the org's staff now plan with. */
  readonly catalogueVersion: string;
}

function versionAfter(deps: Deps, e: Editing, version: number): string {
  const layers = e.chain.map((l) => (l.orgId === e.org.id ? { ...l, version } : l));
  if (!layers.some((l) => l.orgId === e.org.id)) layers.push({ ...e.own, version });
  return localCatalogueVersion(deps.content.catalogue.version, layers);
}

/** The org's modules (active first, then retired, each by id) and the catalogue version its staff plan with. */
export async function listLocalModules(deps: Deps, org: Org): Promise<{ modules: LocalModule[]; catalogueVersion: string }> {
  const e = await editing(deps, org);
  const modules = [...e.own.body.modules].sort((a, b) => (a.status === b.status ? (a.id < b.id ? -1 : 1) : a.status === 'active' ? -1 : 1));
  return { modules, catalogueVersion: versionAfter(deps, e, e.own.version) };
}

/** One of the org's modules, or a 404 (another organisation's modules are never visible). */
export function ownModule(e: Editing, moduleId: string): LocalModule {
  const m = e.own.body.modules.find((x) => x.id === moduleId);
  if (!m) throw new ProblemError('not-found', `No module ${moduleId} belongs to this organisation.`);
  return m;
}

function check(deps: Deps, e: Editing, modules: readonly LocalModule[], id: string): void {
  const content = candidateContent(deps.content, e, { ...e.own.body, modules });
  assertNoProblems(moduleProblems(content, id), 'The module refers to areas, sub-tags or modules this catalogue does not have.');
}

/** Adds a module; 422 when its id is taken (shipped, the trust's or the setting's) or a reference is unknown. */
export async function addLocalModule(deps: Deps, org: Org, input: LocalModuleInput, actor: string | null): Promise<ModuleWritten> {
  const e = await editing(deps, org);
  const taken = deps.content.catalogue.modules.some((m) => m.id === input.id) || e.chain.some((l) => l.body.modules.some((m) => m.id === input.id));
  if (taken) throw new ProblemError('validation', `The id ${input.id} is already used; choose another.`, [{ path: 'id', message: `"${input.id}" is already a module id` }]);
  const now = deps.now().toISOString();
  const module: LocalModule = { ...input, status: 'active', createdAt: now, updatedAt: now };
  const modules = [...e.own.body.modules, module];
  check(deps, e, modules, module.id);
  const layer = await writeNext(deps, e, { ...e.own.body, modules }, actor);
  return { module, catalogueVersion: versionAfter(deps, e, layer.version) };
}

/** Changes a module's fields (not its id); the result is checked whole. */
export async function changeLocalModule(deps: Deps, org: Org, moduleId: string, patch: LocalModulePatch, actor: string | null, parse: (m: unknown) => LocalModuleInput): Promise<ModuleWritten> {
  const e = await editing(deps, org);
  const current = ownModule(e, moduleId);
  const { status, createdAt, updatedAt: _updatedAt, ...fields } = current;
  const next = parse({ ...fields, ...patch, id: moduleId });
  const module: LocalModule = { ...next, status, createdAt, updatedAt: deps.now().toISOString() };
  const modules = e.own.body.modules.map((m) => (m.id === moduleId ? module : m));
  if (status === 'active') check(deps, e, modules, moduleId);
  const layer = await writeNext(deps, e, { ...e.own.body, modules }, actor);
  return { module, catalogueVersion: versionAfter(deps, e, layer.version) };
}

/**
 * Retires a module: it is no longer recommended, and its scheduled sessions are cancelled; it stays listed (as
 * retired) so earlier pathways still show its title. 409 while an active module lists it as a prerequisite.
 */
export async function retireLocalModule(deps: Deps, org: Org, moduleId: string, actor: string | null): Promise<ModuleWritten> {
  const e = await editing(deps, org);
  const current = ownModule(e, moduleId);
  if (current.status === 'retired') return { module: current, catalogueVersion: versionAfter(deps, e, e.own.version) };
  const needed = e.chain.flatMap((l) => l.body.modules).filter((m) => m.status === 'active' && m.prerequisites.includes(moduleId));
  if (needed.length) throw new ProblemError('conflict', `Retire or change ${needed.map((m) => m.id).join(', ')} first: it needs ${moduleId} as a prerequisite.`);
  const module: LocalModule = { ...current, status: 'retired', updatedAt: deps.now().toISOString() };
  const modules = e.own.body.modules.map((m) => (m.id === moduleId ? module : m));
  const sessions = e.own.body.sessions.map((s) => (s.moduleId === moduleId && s.status === 'scheduled' ? { ...s, status: 'cancelled' as const } : s));
  const layer = await writeNext(deps, e, { modules, sessions }, actor);
  return { module, catalogueVersion: versionAfter(deps, e, layer.version) };
}
