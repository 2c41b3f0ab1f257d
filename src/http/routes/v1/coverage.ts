// Coverage for leaders: per area, the share of staff at a secure confidence level and trained in it, progress
// towards all staff trained, by role and phase, counting the organisation's own modules, and its own training (modules,
// live sessions); groups under 5 people suppressed. JSON, or CSV for a spreadsheet.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { GroupCoverage } from '../../../domain/coverage.js';
import { visibleOrg } from '../../auth/access.js';
import { jsonBody } from '../../auth/openapi.js';
import type { AppEnv } from '../../env.js';
import { toCsv } from '../../../services/csv.js';
import { secured } from '../../auth/secured.js';
import { authErrors, readErrors } from '../../problem.js';
import { OrgIdParam } from '../../schemas/accounts.js';
import { coverageWithOwnTraining, type CoverageWithOwnTraining } from '../../../services/own-coverage.js';
import { serviceDeps } from '../../service-deps.js';

const tags = ['Coverage'];
const guard = secured({ roles: ['leader', 'admin', 'platform'], scope: 'coverage:read' });

const Area = z.object({
  areaId: z.string(),
  assessed: z.number().int().nullable(),
  secureShare: z.number().nullable(),
  trainedShare: z.number().nullable(),
  suppressed: z.boolean(),
});
const Group = z
  .object({
    value: z.string(),
    suppressed: z.boolean().openapi({ description: 'True when fewer than minGroupSize people (or needed to protect another hidden group)' }),
    staffCount: z.number().int().nullable(),
    assessed: z.number().int().nullable(),
    trainedShare: z.number().nullable(),
    areas: z.array(Area),
  })
  .openapi('CoverageGroup');
const OwnTraining = z
  .object({
    activeModules: z.number().int().openapi({ description: 'Own modules staff can be recommended and assigned now: the organisation’s, its trust’s (for a setting) or its settings’ (for a trust)', example: 3 }),
    completedBy: z.number().int().nullable().openapi({ description: 'People who completed at least one own module (null while fewer than minGroupSize people are on the list)', example: 12 }),
    sessions: z.object({
      upcoming: z.number().int().openapi({ description: 'Scheduled live sessions that have not started yet', example: 2 }),
      placesBooked: z.number().int().openapi({ description: 'Places on those sessions booked by people on the list', example: 25 }),
      placesLeft: z.number().int().openapi({ description: 'Places still free on those sessions', example: 15 }),
      staffAttended: z.number().int().nullable().openapi({ description: 'People who attended at least one session (null while groups are hidden)', example: 30 }),
    }),
  })
  .openapi('OwnTrainingCoverage', {
    description: 'The organisation’s own modules and live sessions. Completed own modules also count in each area’s trainedShare, like shipped modules.',
  });

const CoverageSchema = z
  .object({
    orgId: z.string(),
    generatedAt: z.string(),
    minGroupSize: z.number().int(),
    secureConfidence: z.number().openapi({ description: 'Internal 0..1 threshold; 0.75 is a 4 on the 1..5 scale' }),
    areas: z.array(z.object({ id: z.string(), name: z.string() })),
    allStaffTrained: z.object({ trained: z.number().int().nullable(), total: z.number().int(), share: z.number().nullable() }),
    overall: Group,
    byRole: z.array(Group),
    byPhase: z.array(Group),
    ownTraining: OwnTraining,
  })
  .openapi('Coverage');

const json = createRoute({
  method: 'get',
  path: '/v1/orgs/{orgId}/coverage',
  tags,
  operationId: 'getCoverage',
  summary: 'Coverage of a setting or a whole trust (aggregates only; groups under 5 suppressed)',
  ...guard,
  request: { params: OrgIdParam },
  responses: { 200: jsonBody(CoverageSchema, 'Coverage'), ...authErrors, ...readErrors },
});

const csv = createRoute({
  method: 'get',
  path: '/v1/orgs/{orgId}/coverage/csv',
  tags,
  operationId: 'exportCoverageCsv',
  summary: 'The same coverage as CSV, one row per group and area',
  ...guard,
  request: { params: OrgIdParam },
  responses: { 200: { description: 'CSV download', content: { 'text/csv': { schema: z.string() } } }, ...authErrors, ...readErrors },
});

async function coverageOf(c: Context<AppEnv>, orgId: string): Promise<CoverageWithOwnTraining> {
  const org = await visibleOrg(c, orgId);
  return coverageWithOwnTraining(serviceDeps(c), org);
}

const cell = (v: number | null, suppressed: boolean) => (suppressed ? 'suppressed' : v);

export function registerCoverage(app: OpenAPIHono<AppEnv>): void {
  app.openapi(json, async (c) => {
    const { orgId } = c.req.valid('param');
    const { coverage, ownTraining } = await coverageOf(c, orgId);
    const areas = c.get('content').taxonomy.areas.map((a) => ({ id: a.id, name: a.name }));
    c.header('Cache-Control', 'private, no-store');
    return c.json({ orgId, generatedAt: c.get('clock')().toISOString(), areas, ...coverage, ownTraining } as z.infer<typeof CoverageSchema>, 200);
  });

  app.openapi(csv, async (c) => {
    const { orgId } = c.req.valid('param');
    const cov = (await coverageOf(c, orgId)).coverage;
    const names = new Map(c.get('content').taxonomy.areas.map((a) => [a.id, a.name]));
    const rows: (string | number | null)[][] = [['breakdown', 'group', 'area_id', 'area', 'staff', 'assessed', 'secure_share', 'trained_share']];
    const add = (breakdown: string, g: GroupCoverage) => {
      rows.push([breakdown, g.value, 'any', 'Any module (all staff trained)', cell(g.staffCount, g.suppressed), cell(g.assessed, g.suppressed), null, cell(g.trainedShare, g.suppressed)]);
      for (const a of g.areas) rows.push([breakdown, g.value, a.areaId, names.get(a.areaId) ?? a.areaId, cell(g.staffCount, g.suppressed), cell(a.assessed, a.suppressed), cell(a.secureShare, a.suppressed), cell(a.trainedShare, a.suppressed)]);
    };
    add('all', cov.overall);
    for (const g of cov.byRole) add('role', g);
    for (const g of cov.byPhase) add('phase', g);
    return c.body(toCsv(rows), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="coverage-${orgId}.csv"`,
      'cache-control': 'private, no-store',
    });
  });
}
