// The confidence profile: a server-rendered SVG bar chart (1..5 scale, likely range, printed values)
// followed by a data table with the same figures, so the chart is never the only way to read them.
import type { FC } from 'hono/jsx';
import type { AreaEstimate, Taxonomy } from '../../domain/types.js';
import { ownAnswer, scaleText, shownConfidence, toScale } from '../labels.js';

export interface ProfileRow {
  readonly areaId: string;
  readonly name: string;
  readonly group: string;
  /** 1..5: what the chart shows (the person's own answer when they gave one, else the estimate). */
  readonly confidence: number;
  /** 1..5: the person's own answer, as given; null when they gave none. */
  readonly answer: number | null;
  /** 1..5: the service's estimate (their answers weighed with what is typical), shown apart from the answer. */
  readonly estimate: number;
  /** 1..5 bounds of the likely range (mean ± 1 sd, clamped). */
  readonly low: number;
  readonly high: number;
  readonly priority: 'High' | 'Medium' | 'Low';
  /** "Your answers", "Typical for your role" and so on. */
  readonly basis: string;
}

const BASIS_WORDS: Readonly<Record<string, string>> = {
  prior: 'Typical for your role (no answer covered this)',
  responses: 'Your answers',
  direct: 'Your rating',
  checkin: 'Your check-in',
};

/** Rows in taxonomy order; priority is by need rank (top third High, bottom third Low). */
export function profileRows(taxonomy: Taxonomy, profile: Readonly<Record<string, AreaEstimate>>): ProfileRow[] {
  const groupName = new Map(taxonomy.groups.map((g) => [g.id as string, g.name]));
  const present = taxonomy.areas.filter((a) => profile[a.id]);
  const ranked = [...present].sort((a, b) => profile[b.id]!.need - profile[a.id]!.need || (a.id < b.id ? -1 : 1));
  const rank = new Map(ranked.map((a, i) => [a.id, i]));
  const third = Math.max(1, Math.round(present.length / 3));
  return present.map((a) => {
    const e = profile[a.id]!;
    const r = rank.get(a.id)!;
    return {
      areaId: a.id,
      name: a.name,
      group: groupName.get(a.group) ?? a.group,
      confidence: shownConfidence(e),
      answer: ownAnswer(e),
      estimate: toScale(e.confidence),
      low: toScale(e.confidence - e.uncertainty),
      high: toScale(e.confidence + e.uncertainty),
      priority: r < third ? 'High' : r >= present.length - third ? 'Low' : 'Medium',
      basis: e.notRelevant ? 'You said this is not relevant to your role' : (BASIS_WORDS[e.basis ?? 'prior'] ?? 'Your answers'),
    };
  });
}

const fmt = (v: number) => v.toFixed(1);
/** 1..5 → 0..400 along a bar's viewBox. */
const bx = (v: number) => ((v - 1) / 4) * 400;

/** One row's bar: the confidence as a filled bar, the likely range as a line with end caps, 4 as a dashed mark. */
export const Bar: FC<{ value: number; low: number; high: number; range?: boolean }> = ({ value, low, high, range = true }) => (
  <svg class="bar" viewBox="0 0 400 24" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    {[2, 3, 5].map((t) => (
      <line x1={bx(t)} x2={bx(t)} y1="0" y2="24" stroke="#b1b4b6" stroke-width="1" vector-effect="non-scaling-stroke" />
    ))}
    <rect x="0" y="4" width={Math.max(2, bx(value))} height="16" fill="#1d70b8" />
    <line x1={bx(4)} x2={bx(4)} y1="0" y2="24" stroke="#0b0c0c" stroke-width="2" stroke-dasharray="4 3" vector-effect="non-scaling-stroke" />
    {range ? (
      <g>
        <line x1={bx(low)} x2={bx(high)} y1="12" y2="12" stroke="#0b0c0c" stroke-width="2" vector-effect="non-scaling-stroke" />
        <line x1={bx(low)} x2={bx(low)} y1="6" y2="18" stroke="#0b0c0c" stroke-width="2" vector-effect="non-scaling-stroke" />
        <line x1={bx(high)} x2={bx(high)} y1="6" y2="18" stroke="#0b0c0c" stroke-width="2" vector-effect="non-scaling-stroke" />
      </g>
    ) : null}
  </svg>
);

/** The scale under the bars: 1 to 5, with 4 marked "confident". */
export const Axis: FC = () => (
  <div class="bar-row axis" aria-hidden="true">
    <span class="bar-label"></span>
    <span class="axis-ticks">
      <span>1</span>
      <span>2</span>
      <span>3</span>
      <span>4</span>
      <span>5</span>
    </span>
    <span class="bar-value"></span>
  </div>
);

/** The chart (a labelled image made of rows that reflow on small screens) plus its table; `id` prefixes ids. */
export const ProfileChart: FC<{ rows: readonly ProfileRow[]; id?: string; caption?: string; tableInDetails?: boolean }> = ({
  rows,
  tableInDetails = false,
  id = 'profile',
  caption = 'Your confidence in each area, on a scale of 1 (not at all confident) to 5 (very confident)',
}) => {
  const titleId = `${id}-title`;
  return (
    <>
      <figure class="chart">
        <div class="bars" role="img" aria-labelledby={titleId}>
          <Axis />
          {rows.map((r) => (
            <div class="bar-row">
              <span class="bar-label">{r.name}</span>
              <Bar value={r.confidence} low={r.low} high={r.high} range={r.answer === null} />
              <span class="bar-value">{scaleText(r.confidence)}</span>
            </div>
          ))}
        </div>
        <p class="visually-hidden" id={titleId}>
          Bar chart of your confidence in {rows.length} areas. The table after the chart gives the same figures.
        </p>
        <figcaption>
          {caption}. Each bar ends at your own answer, printed on the right. Where you did not answer, the bar shows our estimate (from what
          is typical for your role) and a thin line shows its likely range. The dashed line marks 4, “confident”.
        </figcaption>
      </figure>
      {tableInDetails ? (
        <details class="table-details">
          <summary>See every figure as a table, with our estimates</summary>
          <ProfileTable rows={rows} id={id} />
        </details>
      ) : (
        <ProfileTable rows={rows} id={id} />
      )}
    </>
  );
};

/** The same figures as the chart, with the estimate and its likely range beside each answer. */
const ProfileTable: FC<{ rows: readonly ProfileRow[]; id: string }> = ({ rows, id }) => (
      <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabindex={0}>
        <table>
          <caption id={`${id}-caption`}>Your confidence profile as a table</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Your answer (1 to 5)</th>
              <th scope="col">Our estimate and likely range</th>
              <th scope="col">Training priority</th>
              <th scope="col">Based on</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">
                  {r.name}
                  <span class="cell-hint">{r.group}</span>
                </th>
                <td>{r.answer === null ? 'Not answered' : scaleText(r.answer)}</td>
                <td>
                  {fmt(r.estimate)} ({fmt(r.low)} to {fmt(r.high)})
                </td>
                <td>{r.priority}</td>
                <td>{r.basis}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
);
