// Area × role heatmap of confident staff: an SVG grid with the percentage printed in every cell (or "Hidden" for
// groups too small to show), five shades that each keep 4.5:1 text contrast, a legend, and a table with the same data.
import type { FC } from 'hono/jsx';
import { wrapWords } from './svg-text.js';

export interface HeatColumn {
  readonly key: string;
  readonly label: string;
}

export interface HeatRow {
  readonly areaId: string;
  readonly name: string;
  /** Column key → share 0..1, or null when suppressed. */
  readonly cells: Readonly<Record<string, number | null>>;
  /**
   * Why a suppressed cell is hidden: `small`, the group has fewer people than the minimum; `complement`, the group is
   * big enough but hidden so that a smaller hidden group cannot be worked out from the totals.
   */
  readonly hidden?: Readonly<Record<string, HiddenReason>>;
}

export type HiddenReason = 'small' | 'complement';

/** Words for a hidden cell: short in the chart, full in the table and the legend. */
export const HIDDEN_WORDS: Readonly<Record<HiddenReason, { short: string; long: (min: number) => string }>> = {
  small: { short: 'Under {min}', long: (min) => `Hidden: fewer than ${min} people, so nobody can be picked out` },
  complement: { short: 'Hidden', long: () => 'Hidden so that a smaller group cannot be worked out from the totals' },
};
const shortWords = (reason: HiddenReason, min: number) => HIDDEN_WORDS[reason].short.replace('{min}', String(min));

/** Shade bins: fill and a text colour with at least 4.5:1 contrast on it. */
export const SHADES: readonly { readonly min: number; readonly fill: string; readonly text: string; readonly label: string }[] = [
  { min: 0, fill: '#f4f8fb', text: '#0b0c0c', label: 'Under 20%' },
  { min: 0.2, fill: '#c6dbef', text: '#0b0c0c', label: '20% to 39%' },
  { min: 0.4, fill: '#85b3dd', text: '#0b0c0c', label: '40% to 59%' },
  { min: 0.6, fill: '#2f6eb5', text: '#ffffff', label: '60% to 79%' },
  { min: 0.8, fill: '#0f3d70', text: '#ffffff', label: '80% or more' },
];

export function shadeFor(share: number) {
  let s = SHADES[0]!;
  for (const b of SHADES) if (share >= b.min) s = b;
  return s;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

const LABEL_W = 250;
const LABEL_CHARS = 30;
const CELL_W = 110;
const COL_CHARS = 13;
const LINE_H = 17;
const PAD = 13;

/** Row geometry: each row is as tall as its wrapped label needs. */
function layout(rows: readonly HeatRow[], columns: readonly HeatColumn[]) {
  const colLines = columns.map((c) => wrapWords(c.label, COL_CHARS));
  const headH = Math.max(...colLines.map((l) => l.length), 1) * LINE_H + PAD;
  let y = headH;
  const placed = rows.map((r) => {
    const lines = wrapWords(r.name, LABEL_CHARS);
    const h = Math.max(30, lines.length * LINE_H + PAD);
    const row = { row: r, lines, y, h };
    y += h;
    return row;
  });
  return { colLines, headH, placed, height: y + 10, width: LABEL_W + columns.length * CELL_W + 10 };
}

const hiddenReason = (r: HeatRow, key: string): HiddenReason => r.hidden?.[key] ?? 'small';

/**
 * The heatmap: first a table (read first on every screen, and the same figures), then the chart drawn at its
 * natural size so its text stays readable; on a narrow screen the chart scrolls sideways inside its own region.
 */
export const Heatmap: FC<{ rows: readonly HeatRow[]; columns: readonly HeatColumn[]; minGroup: number; id?: string }> = ({ rows, columns, minGroup, id = 'heat' }) => {
  const { colLines, headH, placed, height, width } = layout(rows, columns);
  const reasons = new Set(rows.flatMap((r) => columns.filter((c) => r.cells[c.key] === null || r.cells[c.key] === undefined).map((c) => hiddenReason(r, c.key))));
  return (
    <>
      <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabindex={0}>
        <table>
          <caption id={`${id}-caption`}>Share of staff who feel confident, by area and job role</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              {columns.map((col) => (
                <th scope="col" class="num">
                  {col.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <th scope="row">{r.name}</th>
                {columns.map((col) => {
                  const v = r.cells[col.key];
                  return <td class="num">{v === null || v === undefined ? HIDDEN_WORDS[hiddenReason(r, col.key)].long(minGroup) : pct(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <figure class="chart">
        <div class="chart-wrap" role="region" aria-label="Heatmap chart (scrolls sideways on small screens)" tabindex={0}>
          <svg class="natural" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={`${id}-title ${id}-desc`} font-family="system-ui, sans-serif" font-size="14">
            <title id={`${id}-title`}>Share of staff who feel confident, by area and job role</title>
            <desc id={`${id}-desc`}>
              Each cell prints the percentage of assessed staff in that job role who rated themselves 4 (confident) or higher in that area. The
              table before the chart gives the same figures.
            </desc>
            <defs>
              <pattern id={`${id}-hatch`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="8" height="8" fill="#ffffff" />
                <line x1="0" y1="0" x2="0" y2="8" stroke="#b1b4b6" stroke-width="3" />
              </pattern>
            </defs>
            {columns.map((col, j) => {
              const x = LABEL_W + j * CELL_W + CELL_W / 2;
              const lines = colLines[j]!;
              return (
                <text x={x} y={headH - 10 - (lines.length - 1) * LINE_H} text-anchor="middle" fill="#0b0c0c" font-weight="700">
                  {lines.map((l, k) => (
                    <tspan x={x} dy={k === 0 ? 0 : LINE_H}>
                      {l}
                    </tspan>
                  ))}
                </text>
              );
            })}
            {placed.map(({ row: r, lines, y, h }) => {
              const mid = y + h / 2;
              return (
                <g>
                  <text x={LABEL_W - 8} y={mid + 5 - ((lines.length - 1) * LINE_H) / 2} text-anchor="end" fill="#0b0c0c">
                    {lines.map((l, k) => (
                      <tspan x={LABEL_W - 8} dy={k === 0 ? 0 : LINE_H}>
                        {l}
                      </tspan>
                    ))}
                  </text>
                  {columns.map((col, j) => {
                    const v = r.cells[col.key];
                    const x = LABEL_W + j * CELL_W;
                    const shade = v === null || v === undefined ? null : shadeFor(v);
                    return (
                      <g>
                        <rect x={x + 1} y={y + 1} width={CELL_W - 2} height={h - 2} fill={shade ? shade.fill : `url(#${id}-hatch)`} stroke="#505a5f" stroke-width="1" />
                        {shade ? (
                          <text x={x + CELL_W / 2} y={mid + 5} text-anchor="middle" fill={shade.text} font-weight="700">
                            {pct(v!)}
                          </text>
                        ) : (
                          <g>
                            <rect x={x + CELL_W / 2 - 38} y={mid - 9} width="76" height="18" fill="#ffffff" />
                            <text x={x + CELL_W / 2} y={mid + 5} text-anchor="middle" fill="#0b0c0c">
                              {shortWords(hiddenReason(r, col.key), minGroup)}
                            </text>
                          </g>
                        )}
                      </g>
                    );
                  })}
                </g>
              );
            })}
          </svg>
        </div>
        <figcaption>
          <ul class="heat-legend">
            {SHADES.map((s) => (
              <li>
                <svg class="swatch" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
                  <rect width="20" height="20" fill={s.fill} stroke="#0b0c0c" />
                </svg>
                {s.label}
              </li>
            ))}
            <li>“{shortWords('small', minGroup)}”: fewer than {minGroup} people, so nobody can be picked out</li>
            {reasons.has('complement') ? <li>“Hidden”: {minGroup} or more people, but hidden so that a smaller group cannot be worked out from the totals</li> : null}
          </ul>
        </figcaption>
      </figure>
    </>
  );
};
