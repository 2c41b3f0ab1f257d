// Coverage rules: every area is asked about and well served by modules, and every role and phase has enough
// suitable modules at every level. Also exports the counts the content-check script prints.
import { LEVELS, PHASES, ROLES, type Catalogue, type Content, type Phase, type Role } from '../domain/types.js';
import type { ContentFileNames } from './files.js';
import type { Problem } from './problems.js';

/** A module counts towards an area's coverage when its relevance to the area is at least this. */
export const STRONG_RELEVANCE = 0.5;
/** Each area needs at least this many modules with relevance >= STRONG_RELEVANCE. */
export const MIN_MODULES_PER_AREA = 3;
/** Each role x phase pair needs at least this many suitable modules. */
export const MIN_MODULES_PER_ROLE_PHASE = 8;

/** True when a module lists both the role and the phase. */
export function suits(module: { readonly roles: readonly Role[]; readonly phases: readonly Phase[] }, role: Role, phase: Phase): boolean {
  return module.roles.includes(role) && module.phases.includes(phase);
}

/** Number of suitable modules for every role x phase pair. */
export function rolePhaseCounts(catalogue: Catalogue): { role: Role; phase: Phase; count: number }[] {
  const out: { role: Role; phase: Phase; count: number }[] = [];
  for (const role of ROLES) {
    for (const phase of PHASES) {
      out.push({ role, phase, count: catalogue.modules.filter((m) => suits(m, role, phase)).length });
    }
  }
  return out;
}

/** All coverage problems in validated content. */
export function checkCoverage(content: Content, files: ContentFileNames): Problem[] {
  const problems: Problem[] = [];
  const { taxonomy, questionnaire, catalogue } = content;
  const modules = catalogue.modules;

  for (const area of taxonomy.areas) {
    const asked = questionnaire.items.some((it) => it.areas.some((l) => l.areaId === area.id && l.loading > 0));
    if (!asked) {
      problems.push({
        file: files.questionnaire,
        path: 'items',
        message: `no item covers area "${area.id}" (every area needs at least one item with a loading above 0)`,
      });
    }
    const strong = modules.filter((m) => m.areas.some((a) => a.areaId === area.id && a.relevance >= STRONG_RELEVANCE)).length;
    if (strong < MIN_MODULES_PER_AREA) {
      problems.push({
        file: files.catalogue,
        path: 'modules',
        message: `area "${area.id}" has ${strong} module(s) with relevance >= ${STRONG_RELEVANCE}; it needs at least ${MIN_MODULES_PER_AREA}`,
      });
    }
  }

  for (const { role, phase, count } of rolePhaseCounts(catalogue)) {
    if (count < MIN_MODULES_PER_ROLE_PHASE) {
      problems.push({
        file: files.catalogue,
        path: 'modules',
        message: `role ${role} in phase ${phase} has ${count} suitable module(s); it needs at least ${MIN_MODULES_PER_ROLE_PHASE}`,
      });
    }
  }

  for (const level of LEVELS) {
    for (const role of ROLES) {
      if (!modules.some((m) => m.level === level && m.roles.includes(role))) {
        problems.push({ file: files.catalogue, path: 'modules', message: `role ${role} has no ${level} module` });
      }
    }
    for (const phase of PHASES) {
      if (!modules.some((m) => m.level === level && m.phases.includes(phase))) {
        problems.push({ file: files.catalogue, path: 'modules', message: `phase ${phase} has no ${level} module` });
      }
    }
  }
  return problems;
}
