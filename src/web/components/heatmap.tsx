// Area × role heatmap of confident staff: an SVG grid with the percentage printed in every cell (or "Hidden" for
// groups too small to show), five shades that each keep 4.5:1 text contrast, a legend, and a table with the same data.
import type { FC } from 'hono/jsx';

export interface HeatColumn {
  readonly key: string;
  readonly label: string;
}

export interface HeatRow {
  readonly areaId: string;
  readonly name: string;
  /** Column key → share 0..1, or null when suppressed. */
  readonly cells: Readonly<Record<string, number | null>>;
}

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

/** A column label in at most two lines of about `width` characters (the second shortened with … if needed). */
export function twoLines(label: string, width: number): string[] {
  if (label.length <= width) return [label];
  const words = label.split(' ');
  let first = '';
  while (words.length && (first + ' ' + words[0]).trim().length <= width) first = (first + ' ' + words.shift()).trim();
  if (!first) first = words.shift() ?? '';
  const rest = words.join(' ');
  return rest ? [first, rest.length > width ? `${rest.slice(0, width - 1).trimEnd()}…` : rest] : [first];
}
const LABEL_W = 300;
const CELL_W = 110;
const CELL_H = 30;
const HEAD_H = 52;

export const Heatmap: FC<{ rows: readonly HeatRow[]; columns: readonly HeatColumn[]; minGroup: number; id?: string }> = ({ rows, columns, minGroup, id = 'heat' }) => {
  const width = LABEL_W + columns.length * CELL_W + 10;
  const height = HEAD_H + rows.length * CELL_H + 10;
  return (
    <>
      <figure class="chart">
        <div class="chart-wrap" role="region" aria-label="Heatmap (scrolls sideways on small screens)" tabindex={0}>
          <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={`${id}-title ${id}-desc`} font-family="system-ui, sans-serif" font-size="14">
            <title id={`${id}-title`}>Share of staff who feel confident, by area and job role</title>
            <desc id={`${id}-desc`}>
              Each cell prints the percentage of assessed staff in that job role who rated themselves 4 (confident) or higher in that area.
              Cells for groups of fewer than {minGroup} people are hidden. The table after the chart gives the same figures.
            </desc>
            <defs>
              <pattern id={`${id}-hatch`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="8" height="8" fill="#ffffff" />
                <line x1="0" y1="0" x2="0" y2="8" stroke="#b1b4b6" stroke-width="3" />
              </pattern>
            </defs>
            {columns.map((col, j) => {
              const lines = twoLines(col.label, 14);
              return (
                <text x={LABEL_W + j * CELL_W + CELL_W / 2} y={HEAD_H - 10 - (lines.length - 1) * 17} text-anchor="middle" fill="#0b0c0c" font-weight="700">
                  {lines.map((l, k) => (
                    <tspan x={LABEL_W + j * CELL_W + CELL_W / 2} dy={k === 0 ? 0 : 17}>
                      {l}
                    </tspan>
                  ))}
                </text>
              );
            })}
            {rows.map((r, i) => {
              const y = HEAD_H + i * CELL_H;
              return (
                <g>
                  <text x={LABEL_W - 8} y={y + 20} text-anchor="end" fill="#0b0c0c">
                    {r.name.length > 34 ? `${r.name.slice(0, 33).trimEnd()}…` : r.name}
                  </text>
                  {columns.map((col, j) => {
                    const v = r.cells[col.key];
                    const x = LABEL_W + j * CELL_W;
                    const shade = v === null || v === undefined ? null : shadeFor(v);
                    return (
                      <g>
                        <rect x={x + 1} y={y + 1} width={CELL_W - 2} height={CELL_H - 2} fill={shade ? shade.fill : `url(#${id}-hatch)`} stroke="#505a5f" stroke-width="1" />
                        {shade ? (
                          <text x={x + CELL_W / 2} y={y + 20} text-anchor="middle" fill={shade.text} font-weight="700">
                            {pct(v!)}
                          </text>
                        ) : (
                          <g>
                            <rect x={x + CELL_W / 2 - 28} y={y + 6} width="56" height="18" fill="#ffffff" />
                            <text x={x + CELL_W / 2} y={y + 20} text-anchor="middle" fill="#0b0c0c">
                              Hidden
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
            <li>“Hidden”: fewer than {minGroup} people, so nobody can be picked out</li>
          </ul>
        </figcaption>
      </figure>
      <div class="table-wrap" role="region" aria-labelledby={`${id}-caption`} tabindex={0}>
        <table>
          <caption id={`${id}-caption`}>Share of staff who feel confident, by area and job role, as a table</caption>
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
                  return <td class="num">{v === null || v === undefined ? 'Hidden' : pct(v)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
};
