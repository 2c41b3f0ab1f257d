// Change over time: an SVG dot chart of each area's confidence then (open circle) and now (filled square), joined
// by a line, with both numbers printed; followed by a table of the same figures. Shapes, not colour, tell them apart.
import type { FC } from 'hono/jsx';
import { wrapWords } from './svg-text.js';

export interface ChangeRow {
  readonly name: string;
  /** 1..5 */
  readonly before: number;
  readonly after: number;
}

const W = 720;
const LABEL_W = 330;
const X0 = LABEL_W + 20;
const X1 = W - 110;
const ROW_H = 30;
const LINE_H = 18;
const LABEL_CHARS = 38;
const TOP = 40;
const x = (v: number) => X0 + ((v - 1) / 4) * (X1 - X0);
const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
const signed = (v: number) => (v > 0 ? `+${v.toFixed(1)}` : v < 0 ? `−${Math.abs(v).toFixed(1)}` : '0.0');

export const ChangeChart: FC<{ rows: readonly ChangeRow[]; beforeLabel: string; afterLabel: string }> = ({ rows, beforeLabel, afterLabel }) => {
  let top = TOP;
  const placed = rows.map((r) => {
    const lines = wrapWords(r.name, LABEL_CHARS);
    const h = Math.max(ROW_H, lines.length * LINE_H + 12);
    const row = { r, lines, y: top + h / 2 };
    top += h;
    return row;
  });
  const height = top + 10;
  return (
    <>
      <figure class="chart">
        <div class="chart-wrap" role="region" aria-label="Chart (scrolls sideways on small screens)" tabindex={0}>
          <svg viewBox={`0 0 ${W} ${height}`} width={W} height={height} role="img" aria-labelledby="change-title change-desc" font-family="system-ui, sans-serif" font-size="15">
            <title id="change-title">How your confidence has changed in {rows.length} areas</title>
            <desc id="change-desc">
              For each area an open circle marks your confidence {beforeLabel} and a filled square marks it {afterLabel}, on a scale of
              1 to 5. The change is printed at the end of each row, and the table after the chart gives the same figures.
            </desc>
            {[1, 2, 3, 4, 5].map((t) => (
              <g>
                <line x1={x(t)} x2={x(t)} y1={TOP - 8} y2={height - 10} stroke="#b1b4b6" stroke-width="1" />
                <text x={x(t)} y={TOP - 14} text-anchor="middle" fill="#0b0c0c">
                  {String(t)}
                </text>
              </g>
            ))}
            {placed.map(({ r, lines, y }) => {
              return (
                <g>
                  <text x={LABEL_W} y={y + 5 - ((lines.length - 1) * LINE_H) / 2} text-anchor="end" fill="#0b0c0c">
                    {lines.map((l, k) => (
                      <tspan x={LABEL_W} dy={k === 0 ? 0 : LINE_H}>
                        {l}
                      </tspan>
                    ))}
                  </text>
                  <line x1={x(r.before)} x2={x(r.after)} y1={y} y2={y} stroke="#0b0c0c" stroke-width="2" />
                  <circle cx={x(r.before)} cy={y} r="7" fill="#fff" stroke="#0b0c0c" stroke-width="2" />
                  <rect x={x(r.after) - 6} y={y - 6} width="12" height="12" fill="#1d70b8" stroke="#0b0c0c" stroke-width="1" />
                  <text x={X1 + 20} y={y + 5} fill="#0b0c0c" font-weight="700">
                    {signed(r.after - r.before)}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
        <figcaption>
          Open circle: {beforeLabel}. Filled square: {afterLabel}. The number at the end of each row is the change.
        </figcaption>
      </figure>
      <div class="table-wrap" role="region" aria-labelledby="change-caption" tabindex={0}>
        <table>
          <caption id="change-caption">How your confidence has changed, as a table</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col" class="num">
                {beforeLabel[0]!.toUpperCase() + beforeLabel.slice(1)}
              </th>
              <th scope="col" class="num">
                {afterLabel[0]!.toUpperCase() + afterLabel.slice(1)}
              </th>
              <th scope="col" class="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{r.name}</th>
                <td class="num">{fmt(r.before)}</td>
                <td class="num">{fmt(r.after)}</td>
                <td class="num">{signed(r.after - r.before)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};
