// The panel's learning page: what check-ins have taught per module (an interval chart with a table of the same
// figures), how much the service explores, a form to draft a set from learned effects alone (with the exploration
// setting, 0 switching it off) and the sign-off that publishes such a draft.
import type { FC } from 'hono/jsx';
import type { LearningReport, LearningRow } from '../../domain/learning-report.js';
import { Checkboxes, ErrorSummary, PostForm, TextInput, type FieldError } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';

export interface LearnedDraft {
  readonly id: string;
  readonly changes: number;
  readonly observations: number;
}

const pct = (share: number) => `${(Math.round(share * 1000) / 10).toString()}%`;
const n3 = (x: number) => x.toFixed(3);

const W = 720;
const LABEL_W = 300;
const X0 = LABEL_W + 16;
const X1 = W - 20;
const ROW_H = 28;
const TOP = 40;

/** Modules with observations, most observed first: prior (open circle), learned (filled square) and its interval. */
const IntervalChart: FC<{ rows: readonly LearningRow[] }> = ({ rows }) => {
  const top = Math.max(0.5, ...rows.map((r) => r.interval[1]), ...rows.map((r) => r.prior));
  const x = (v: number) => X0 + (Math.min(v, top) / top) * (X1 - X0);
  const ticks = [0, top / 4, top / 2, (3 * top) / 4, top];
  const height = TOP + rows.length * ROW_H + 10;
  return (
    <figure class="chart">
      <div class="chart-wrap" role="region" aria-label="Chart (scrolls sideways on small screens)" tabindex={0}>
        <svg viewBox={`0 0 ${W} ${height}`} width={W} height={height} role="img" aria-labelledby="learning-title learning-desc" font-family="system-ui, sans-serif" font-size="14">
          <title id="learning-title">Learned effect of the {rows.length} most observed modules</title>
          <desc id="learning-desc">
            For each module an open circle marks the panel's figure, a filled square the learned effect and a line its 95% credible
            interval, on a scale of expected rise in confidence from 0 to {top.toFixed(2)}. The table after the chart gives the same figures.
          </desc>
          {ticks.map((t) => (
            <g>
              <line x1={x(t)} x2={x(t)} y1={TOP - 8} y2={height - 10} stroke="#b1b4b6" stroke-width="1" />
              <text x={x(t)} y={TOP - 14} text-anchor="middle" fill="#0b0c0c">
                {t.toFixed(2)}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y = TOP + i * ROW_H + ROW_H / 2;
            return (
              <g>
                <text x={LABEL_W} y={y + 5} text-anchor="end" fill="#0b0c0c">
                  {r.title.length > 34 ? `${r.title.slice(0, 33).trimEnd()}…` : r.title}
                </text>
                <line x1={x(r.interval[0])} x2={x(r.interval[1])} y1={y} y2={y} stroke="#0b0c0c" stroke-width="2" />
                <circle cx={x(r.prior)} cy={y} r="6" fill="#fff" stroke="#0b0c0c" stroke-width="2" />
                <rect x={x(r.learned) - 5} y={y - 5} width="10" height="10" fill="#1d70b8" stroke="#0b0c0c" stroke-width="1" />
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>Open circle: the panel's figure. Filled square: the learned effect. Line: its 95% credible interval.</figcaption>
    </figure>
  );
};

const ModuleTable: FC<{ rows: readonly LearningRow[] }> = ({ rows }) => (
  <div class="table-wrap" role="region" aria-labelledby="learning-caption" tabindex={0}>
    <table>
      <caption id="learning-caption">Every module: the panel's figure, the figure in force and what check-ins suggest</caption>
      <thead>
        <tr>
          <th scope="col">Module</th>
          <th scope="col" class="num">Panel</th>
          <th scope="col" class="num">In force</th>
          <th scope="col" class="num">Learned</th>
          <th scope="col" class="num">95% interval</th>
          <th scope="col" class="num">Observations</th>
          <th scope="col" class="num">Pathways exploring it</th>
          <th scope="col">Data</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <th scope="row">{r.title}</th>
            <td class="num">{n3(r.prior)}</td>
            <td class="num">{n3(r.inForce)}</td>
            <td class="num">{n3(r.learned)}</td>
            <td class="num">
              {n3(r.interval[0])} to {n3(r.interval[1])}
            </td>
            <td class="num">{r.observations}</td>
            <td class="num">{pct(r.exploringShare)}</td>
            <td>{r.needsData ? 'Needs more data' : 'Enough'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

export const PanelLearningPage: FC<{ token: string; report: LearningReport; draft: LearnedDraft | null; errors: readonly FieldError[]; notice?: string | undefined }> = ({ token, report, draft, errors, notice }) => {
  const e = report.exploration;
  const channels = Object.entries(report.byChannel).map(([k, v]) => `${v} from ${k === 'xapi' ? 'learning platforms (xAPI)' : 'check-ins'}`).join(', ') || 'none yet';
  const observed = report.modules.filter((m) => m.observations > 0).sort((a, b) => b.observations - a.observations || (a.moduleId < b.moduleId ? -1 : 1));
  const err = (field: string) => errors.find((x) => x.field === field)?.text;
  return (
    <>
      <ErrorSummary errors={errors} />
      {notice ? (
        <div class="notice" role="status">
          {notice}
        </div>
      ) : null}
      <h1>What check-ins have taught</h1>
      <p>
        After each module, staff re-rate their confidence. Across many people those changes show how well each module works. Every
        figure here is fitted against the panel's own judgements, so each check-in counts once however often learned sets are published.
      </p>
      <SummaryList
        rows={[
          { key: 'Evidence set in force', value: report.evidenceSetId },
          { key: 'Observations', value: `${report.observations} (${channels})` },
          { key: 'Months covered', value: report.window.from ? `${report.window.from} to ${report.window.to}` : 'No observations yet' },
          { key: 'Exploration', value: e && e.margin > 0 ? `On: margin ${pct(e.margin)}, each pathway gives up at most ${pct(e.maxLossShare)} of its expected benefit` : 'Off' },
          {
            key: 'Pathways exploring',
            value: report.pathways.sampled
              ? `${report.pathways.exploring} of the latest ${report.pathways.sampled} pathways (${pct(report.pathways.exploring / report.pathways.sampled)}); expected benefit given up: ${pct(report.pathways.meanLossShare)} on average, ${pct(report.pathways.maxLossShare)} at most`
              : 'No pathways under this set yet',
          },
          { key: 'Modules needing more data', value: `${report.needsData.length} of ${report.modules.length}` },
        ]}
      />
      <h2>Learned effects</h2>
      {observed.length ? <IntervalChart rows={observed.slice(0, 30)} /> : <p>No module has been observed yet.</p>}
      <ModuleTable rows={report.modules} />
      {draft ? (
        <>
          <h2>Sign off and publish draft {draft.id}</h2>
          <p>
            The draft holds {draft.changes} changed module {draft.changes === 1 ? 'figure' : 'figures'} learned from {draft.observations} observations.{' '}
            <a href={`/panel/sets/${encodeURIComponent(draft.id)}`}>Check its report and preview</a> before you publish. Your name, the time,
            the months covered and the counts are recorded in the set's provenance.
          </p>
          <PostForm action={`/panel/learning/drafts/${encodeURIComponent(draft.id)}/publish`} token={token}>
            <TextInput name="signedOffBy" label="Signed off by" hint="Your name and role, for example: A Chair, panel chair" error={err('signedOffBy')} />
            <Checkboxes name="confirm" legend="Before you publish" choices={[{ value: 'yes', label: 'I have checked the learned figures, their intervals and the preview' }]} error={err('confirm')} />
            <button type="submit" class="warning">
              Sign off and publish
            </button>
          </PostForm>
        </>
      ) : (
        <>
          <h2>Draft a set from learned effects</h2>
          <p>
            The draft copies the set in force, takes the learned effect of every module with enough observations and keeps every other
            figure. Set the exploration margin to 0 to switch exploration off.
          </p>
          <PostForm action="/panel/learning/drafts" token={token}>
            <TextInput name="minObservations" type="number" width="short" label="Observations a module needs" value={String(report.minObservations)} error={err('minObservations')} />
            <TextInput name="margin" type="number" width="short" label="Exploration margin (%)" hint="How far a module's sampled effect may stray from its mean; 0 switches exploration off" value={String(Math.round((e?.margin ?? 0) * 100))} error={err('margin')} />
            <TextInput name="maxLoss" type="number" width="short" label="Most benefit a pathway may give up to explore (%)" hint="At most 10" value={String(Math.round((e?.maxLossShare ?? 0.02) * 1000) / 10)} error={err('maxLoss')} />
            <button type="submit">Draft from learned effects</button>
          </PostForm>
        </>
      )}
    </>
  );
};
