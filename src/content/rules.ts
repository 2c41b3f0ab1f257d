// Cross-reference rules: unique ids, every referenced area, sub-tag and module id exists, prerequisites are
// acyclic and available wherever the module is, and evidence covers exactly the catalogue. Coverage is in coverage.ts.
import { PHASES, type Content, type Module, type Phase, type Role } from '../domain/types.js';
import type { ContentFileNames } from './files.js';
import { findPrerequisiteCycles } from './graph.js';
import type { Problem } from './problems.js';
import { formatPath } from './problems.js';

/** Roles whose modules must include their home phase, so that (say) early years staff are not sent secondary-only modules. */
export const HOME_PHASE: Readonly<Partial<Record<Role, Phase>>> = {
  early_years_practitioner: 'early_years',
  fe_lecturer: 'post16',
  learning_support: 'post16',
};

/** Sum of a phase's prevalence shares must fall in this range (shares of one base, allowing for rounding). */
export const PREVALENCE_SUM_RANGE = [0.98, 1.02] as const;

type Report = (path: readonly PropertyKey[], message: string) => void;

function reporter(problems: Problem[], file: string): Report {
  return (path, message) => problems.push({ file, path: formatPath(path), message });
}

/** Reports the second and later uses of each id, pointing back at the first. */
function checkUnique(ids: readonly string[], pathOf: (i: number) => PropertyKey[], what: string, report: Report): void {
  const first = new Map<string, number>();
  ids.forEach((id, i) => {
    const at = first.get(id);
    if (at === undefined) first.set(id, i);
    else report(pathOf(i), `duplicate ${what} "${id}" (first used at ${formatPath(pathOf(at))})`);
  });
}

function duplicatesIn(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/** All cross-reference problems in validated content. `files` labels each problem with its file. */
export function checkReferences(content: Content, files: ContentFileNames): Problem[] {
  const problems: Problem[] = [];
  const { taxonomy, questionnaire, catalogue, evidence } = content;
  const areaIds = new Set(taxonomy.areas.map((a) => a.id));
  const censusIds = new Set(taxonomy.areas.filter((a) => a.censusCode !== undefined).map((a) => a.id));
  const subTagIds = new Set(taxonomy.areas.flatMap((a) => (a.subTags ?? []).map((t) => t.id)));
  const moduleById = new Map(catalogue.modules.map((m) => [m.id, m] as const));
  const unknownArea = (id: string) => `unknown area "${id}" (not in ${files.taxonomy})`;

  // Taxonomy
  const t = reporter(problems, files.taxonomy);
  checkUnique(taxonomy.groups.map((g) => g.id), (i) => ['groups', i, 'id'], 'group id', t);
  checkUnique(taxonomy.areas.map((a) => a.id), (i) => ['areas', i, 'id'], 'area id', t);
  const declaredGroups = new Set(taxonomy.groups.map((g) => g.id));
  const codes: string[] = [];
  const codePaths: PropertyKey[][] = [];
  const tagIds: string[] = [];
  const tagPaths: PropertyKey[][] = [];
  taxonomy.areas.forEach((area, i) => {
    if (!declaredGroups.has(area.group)) t(['areas', i, 'group'], `group "${area.group}" is not listed in groups`);
    if (area.censusCode !== undefined) {
      codes.push(area.censusCode);
      codePaths.push(['areas', i, 'censusCode']);
    }
    (area.subTags ?? []).forEach((tag, j) => {
      tagIds.push(tag.id);
      tagPaths.push(['areas', i, 'subTags', j, 'id']);
      if (areaIds.has(tag.id)) t(['areas', i, 'subTags', j, 'id'], `sub-tag id "${tag.id}" is also an area id`);
    });
  });
  checkUnique(codes, (i) => codePaths[i] ?? [], 'census code', t);
  checkUnique(tagIds, (i) => tagPaths[i] ?? [], 'sub-tag id', t);

  // Questionnaire
  const q = reporter(problems, files.questionnaire);
  checkUnique(questionnaire.items.map((it) => it.id), (i) => ['items', i, 'id'], 'item id', q);
  questionnaire.items.forEach((item, i) => {
    item.areas.forEach((l, j) => {
      if (!areaIds.has(l.areaId)) q(['items', i, 'areas', j, 'areaId'], unknownArea(l.areaId));
    });
    for (const dup of duplicatesIn(item.areas.map((l) => l.areaId))) q(['items', i, 'areas'], `area "${dup}" is listed more than once`);
  });

  // Catalogue
  const c = reporter(problems, files.catalogue);
  checkUnique(catalogue.modules.map((m) => m.id), (i) => ['modules', i, 'id'], 'module id', c);
  const sessionPaths = catalogue.modules.flatMap((m, i) => (m.sessions ?? []).map((s, j) => ({ id: s.id, path: ['modules', i, 'sessions', j, 'id'] })));
  checkUnique(sessionPaths.map((s) => s.id), (i) => sessionPaths[i]?.path ?? [], 'session id', c);
  catalogue.modules.forEach((m, i) => {
    m.areas.forEach((a, j) => {
      if (!areaIds.has(a.areaId)) c(['modules', i, 'areas', j, 'areaId'], unknownArea(a.areaId));
    });
    for (const dup of duplicatesIn(m.areas.map((a) => a.areaId))) c(['modules', i, 'areas'], `area "${dup}" is listed more than once`);
    for (const key of ['formats', 'roles', 'phases', 'prerequisites', 'tags'] as const) {
      for (const dup of duplicatesIn(m[key] ?? [])) c(['modules', i, key], `"${dup}" is listed more than once`);
    }
    (m.tags ?? []).forEach((tag, j) => {
      if (!subTagIds.has(tag)) c(['modules', i, 'tags', j], `unknown sub-tag "${tag}" (not in ${files.taxonomy})`);
    });
    m.prerequisites.forEach((pre, j) => {
      const path = ['modules', i, 'prerequisites', j];
      const p = moduleById.get(pre);
      if (pre === m.id) c(path, 'a module cannot be its own prerequisite');
      else if (p === undefined) c(path, `unknown module "${pre}" (no module in ${files.catalogue} has this id)`);
      else checkPrerequisiteAvailable(m, p, (msg) => c(path, msg));
    });
    for (const [role, phase] of Object.entries(HOME_PHASE)) {
      if (m.roles.includes(role as Role) && !m.phases.includes(phase)) {
        c(['modules', i, 'phases'], `lists role ${role} but not phase ${phase}`);
      }
    }
  });
  for (const link of findPrerequisiteCycles(catalogue.modules)) {
    c(['modules', link.moduleIndex, 'prerequisites', link.prerequisiteIndex], `prerequisite cycle: ${link.cycle.join(' -> ')}`);
  }

  // Evidence
  const e = reporter(problems, files.evidence);
  for (const m of catalogue.modules) {
    if (!Object.hasOwn(evidence.modules, m.id)) e(['modules', m.id], `missing: module "${m.id}" in ${files.catalogue} has no evidence`);
  }
  for (const id of Object.keys(evidence.modules)) {
    if (!moduleById.has(id)) e(['modules', id], `unknown module "${id}" (not in ${files.catalogue})`);
  }
  for (const area of taxonomy.areas) {
    if (!Object.hasOwn(evidence.areaImportance, area.id)) e(['areaImportance', area.id], `missing: area "${area.id}" has no importance`);
  }
  for (const id of Object.keys(evidence.areaImportance)) {
    if (!areaIds.has(id)) e(['areaImportance', id], unknownArea(id));
  }
  for (const phase of PHASES) {
    const shares = evidence.prevalence.byPhase[phase];
    for (const id of censusIds) {
      if (!Object.hasOwn(shares, id)) e(['prevalence', 'byPhase', phase, id], `missing: census area "${id}" has no share`);
    }
    for (const id of Object.keys(shares)) {
      if (!censusIds.has(id)) e(['prevalence', 'byPhase', phase, id], `"${id}" is not a census area (areas with a censusCode)`);
    }
    const sum = Object.values(shares).reduce((a, b) => a + b, 0);
    const [lo, hi] = PREVALENCE_SUM_RANGE;
    if (sum < lo || sum > hi) {
      e(['prevalence', 'byPhase', phase], `shares add up to ${sum.toFixed(3)}; they are shares of one base and must add up to 1 (between ${lo} and ${hi})`);
    }
  }
  for (const id of Object.keys(evidence.prevalence.floors)) {
    if (!censusIds.has(id)) e(['prevalence', 'floors', id], `"${id}" is not a census area (areas with a censusCode)`);
  }
  for (const [role, multipliers] of Object.entries(evidence.roleRelevance)) {
    for (const id of Object.keys(multipliers ?? {})) {
      if (!areaIds.has(id)) e(['roleRelevance', role, id], unknownArea(id));
    }
  }
  return problems;
}

/** A prerequisite must be open to every role, phase and format its module is, or the planner could never schedule both. */
function checkPrerequisiteAvailable(m: Module, p: Module, report: (message: string) => void): void {
  const missing = (kind: string, need: readonly string[], have: readonly string[]) => {
    const gap = need.filter((x) => !have.includes(x));
    if (gap.length > 0) report(`prerequisite "${p.id}" is not offered for ${kind} ${gap.join(', ')}, which this module is`);
  };
  missing('role(s)', m.roles, p.roles);
  missing('phase(s)', m.phases, p.phases);
  missing('format(s)', m.formats, p.formats);
}
