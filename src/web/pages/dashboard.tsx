// The leader dashboard for one setting: progress toward "all staff trained", the area × role confidence heatmap
// (small groups hidden), training coverage per area, the staff list with status and invite links, and the leader's actions.
import type { FC } from 'hono/jsx';
import type { Coverage } from '../../domain/coverage.js';
import type { Role, Taxonomy } from '../../domain/types.js';
import { ErrorSummary, PostForm, type FieldError } from '../components/forms.js';
import { Heatmap, type HeatColumn, type HeatRow, type HiddenReason } from '../components/heatmap.js';
import { OwnTrainingStats } from '../components/own-training-summary.js';
import type { OwnTrainingSummary } from '../../services/own-coverage.js';
import { PHASE_LABELS, ROLE_LABELS } from '../labels.js';

export interface StaffLine {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly jobRole: string;
  readonly phase: string;
  readonly groups: readonly string[];
  readonly assessed: boolean;
  readonly completed: number;
  readonly assigned: string;
  readonly status: string;
  /** none: no account; invited / invite-expired: an account whose invite is unused; active: can sign in. */
  readonly account: 'none' | 'invited' | 'invite-expired' | 'active';
}

/** The id of a person's row header on the staff list (error summary links point to it). */
export const staffRowId = (staffId: string) => `staff-${staffId}`;

export const roleLabel = (r: string) => ROLE_LABELS[r as Role]?.label ?? r;
export const phaseLabel = (p: string) => PHASE_LABELS[p as keyof typeof PHASE_LABELS]?.label ?? p;
const pct = (v: number | null) => (v === null ? 'Hidden' : `${Math.round(v * 100)}%`);

/** People per job role on the staff list, and how many of them answered the self-assessment. */
export type RoleCounts = ReadonlyMap<string, { readonly members: number; readonly assessed: number }>;

export function roleCounts(staff: readonly StaffLine[]): RoleCounts {
  const counts = new Map<string, { members: number; assessed: number }>();
  for (const s of staff) {
    const c = counts.get(s.jobRole) ?? { members: 0, assessed: 0 };
    c.members += 1;
    if (s.assessed) c.assessed += 1;
    counts.set(s.jobRole, c);
  }
  return counts;
}

/**
 * Heatmap rows and columns from coverage: one column per job role, then all staff. A hidden cell says why: a group
 * under the minimum, or (`complement`) a big enough group hidden so that a smaller one cannot be worked out.
 */
export function heatFrom(taxonomy: Taxonomy, coverage: Coverage, counts: RoleCounts): { rows: HeatRow[]; columns: HeatColumn[] } {
  const columns: HeatColumn[] = [...coverage.byRole.map((g) => ({ key: g.value, label: roleLabel(g.value) })), { key: '*', label: 'All staff' }];
  const total = [...counts.values()].reduce((t, c) => ({ members: t.members + c.members, assessed: t.assessed + c.assessed }), { members: 0, assessed: 0 });
  const reason = (key: string): HiddenReason => {
    const c = key === '*' ? total : counts.get(key);
    return !c || c.members < coverage.minGroupSize || c.assessed < coverage.minGroupSize ? 'small' : 'complement';
  };
  const rows = taxonomy.areas.map((a) => {
    const cells: Record<string, number | null> = {};
    const hidden: Record<string, HiddenReason> = {};
    for (const g of coverage.byRole) cells[g.value] = g.areas.find((x) => x.areaId === a.id)?.secureShare ?? null;
    cells['*'] = coverage.overall.areas.find((x) => x.areaId === a.id)?.secureShare ?? null;
    for (const key of Object.keys(cells)) if (cells[key] === null) hidden[key] = reason(key);
    return { areaId: a.id, name: a.name, cells, hidden };
  });
  return { rows, columns };
}

export interface DashboardProps {
  /** The dashboard's URL, e.g. /dashboard/set_123; action links hang off it. */
  readonly base: string;
  /** CSRF token for the invite forms. */
  readonly token: string;
  readonly errors?: readonly FieldError[] | undefined;
  readonly settingName: string;
  readonly notice?: string | undefined;
  readonly coverage: Coverage;
  readonly ownTraining: OwnTrainingSummary;
  readonly taxonomy: Taxonomy;
  readonly staff: readonly StaffLine[];
}

const ACCOUNT_TEXT: Readonly<Record<StaffLine['account'], string>> = {
  none: 'No account yet',
  invited: 'Invited: link not used yet',
  'invite-expired': 'Invited: link expired',
  active: 'Can sign in',
};

/** The account cell: where the person is, and a form to create (or re-create) their invite link. */
const AccountCell: FC<{ base: string; token: string; person: StaffLine }> = ({ base, token, person: s }) => (
  <td>
    {ACCOUNT_TEXT[s.account]}
    {s.account === 'active' ? null : s.email ? (
      <PostForm action={`${base}/staff/${encodeURIComponent(s.id)}/invite`} token={token} class="cell-form">
        <button type="submit" class="secondary">
          {s.account === 'none' ? 'Create invite link' : 'Create a new invite link'}
          <span class="visually-hidden"> for {s.name}</span>
        </button>
      </PostForm>
    ) : (
      <span class="cell-hint">Add an email address to invite them</span>
    )}
  </td>
);

export const DashboardPage: FC<DashboardProps> = ({ base, token, errors = [], settingName, notice, coverage, ownTraining, taxonomy, staff }) => {
  const heat = heatFrom(taxonomy, coverage, roleCounts(staff));
  const all = coverage.allStaffTrained;
  const assessed = staff.filter((s) => s.assessed).length;
  return (
    <>
      <ErrorSummary errors={errors} />
      <p class="caption">{settingName}</p>
      <h1>Staff training dashboard</h1>
      {notice ? (
        <div class="notice success" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <div class="actions">
        <a class="button" href={`${base}/assign`}>
          Assign training
        </a>
        <a class="button secondary" href={`${base}/import`}>
          Import staff from a CSV file
        </a>
        <a class="button secondary" href={`${base}/staff.csv`} download="staff.csv">
          Download the staff list (CSV)
        </a>
        <a class="button secondary" href={`${base}/training`}>
          Your own modules and sessions
        </a>
        <a class="button secondary" href={`${base}/webhooks`}>
          Webhooks
        </a>
        <a class="button secondary" href={`${base}/closures`}>
          Term dates and closures
        </a>
      </div>

      <h2>Towards all staff trained</h2>
      <div class="stat-grid">
        <p class="stat">
          <span class="figure">{all.trained === null ? 'Hidden' : `${all.trained} of ${all.total}`}</span>
          staff have done at least one SEND module{all.share === null ? '' : ` (${pct(all.share)})`}
        </p>
        <p class="stat">
          <span class="figure">
            {assessed} of {staff.length}
          </span>
          staff have answered the self-assessment
        </p>
      </div>
      {all.share !== null ? (
        <svg class="progress-bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label={`${pct(all.share)} of staff trained`}>
          <rect width="100" height="6" fill="#ffffff" />
          <rect width={Math.round(all.share * 100)} height="6" fill="#00703c" />
        </svg>
      ) : (
        <p>Figures are hidden while fewer than {coverage.minGroupSize} staff are on the list, so nobody can be picked out.</p>
      )}

      <h2>Confidence by area and job role</h2>
      <p>
        The share of staff who rated themselves 4 (“confident”) or higher. Groups of fewer than {coverage.minGroupSize} people are
        hidden to protect privacy. Where one group is hidden, the next smallest is hidden too, so that the smaller group cannot be
        worked out from the totals; each hidden cell says which applies.
      </p>
      <Heatmap rows={heat.rows} columns={heat.columns} minGroup={coverage.minGroupSize} />

      <h2>Training in each area</h2>
      <div class="table-wrap" role="region" aria-labelledby="areas-caption" tabindex={0}>
        <table>
          <caption id="areas-caption">Confident and trained staff in each area (all staff)</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col" class="num">
                Feel confident
              </th>
              <th scope="col" class="num">
                Done a module on it
              </th>
            </tr>
          </thead>
          <tbody>
            {taxonomy.areas.map((a) => {
              const cell = coverage.overall.areas.find((x) => x.areaId === a.id);
              return (
                <tr>
                  <th scope="row">{a.name}</th>
                  <td class="num">{pct(cell?.secureShare ?? null)}</td>
                  <td class="num">{pct(cell?.trainedShare ?? null)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <OwnTrainingStats summary={ownTraining} base={base} />

      <h2>Staff</h2>
      {staff.length ? (
        <div class="table-wrap" role="region" aria-labelledby="staff-caption" tabindex={0}>
          <table>
            <caption id="staff-caption">
              {staff.length} member{staff.length === 1 ? '' : 's'} of staff
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Job role</th>
                <th scope="col">Groups</th>
                <th scope="col">Self-assessment</th>
                <th scope="col" class="num">
                  Modules done
                </th>
                <th scope="col">Assigned</th>
                <th scope="col">Status</th>
                <th scope="col">Account</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr>
                  <th scope="row" id={staffRowId(s.id)} tabindex={-1}>
                    {s.name}
                    {s.email ? <span class="cell-hint">{s.email}</span> : null}
                  </th>
                  <td>
                    {roleLabel(s.jobRole)}
                    <span class="cell-hint">{phaseLabel(s.phase)}</span>
                  </td>
                  <td>{s.groups.length ? s.groups.join(', ') : 'None'}</td>
                  <td>{s.assessed ? 'Done' : 'Not yet'}</td>
                  <td class="num">{s.completed}</td>
                  <td>{s.assigned}</td>
                  <td>{s.status}</td>
                  <AccountCell base={base} token={token} person={s} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>
          There are no staff on the list yet. <a href={`${base}/import`}>Import staff from a CSV file</a>.
        </p>
      )}
    </>
  );
};

export const ChooseSettingPage: FC<{ settings: readonly { id: string; name: string }[] }> = ({ settings }) => (
  <>
    <h1>Choose a setting</h1>
    {settings.length ? (
      <ul class="list">
        {settings.map((s) => (
          <li>
            <a href={`/dashboard/${encodeURIComponent(s.id)}`}>{s.name}</a>
          </li>
        ))}
      </ul>
    ) : (
      <p>There are no settings linked to your account yet.</p>
    )}
  </>
);
