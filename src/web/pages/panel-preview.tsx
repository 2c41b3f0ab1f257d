// The impact preview of a draft: how many example pathways change, which modules gain or lose, and examples.
import type { FC } from 'hono/jsx';
import type { ExposureChange, ImpactPreview } from '../../domain/preview.js';
import { BackLink } from '../components/forms.js';
import { phaseLabel, roleLabel } from './dashboard.js';

const pct = (v: number) => `${Math.round(v * 100)}%`;

const Exposure: FC<{ id: string; caption: string; rows: readonly ExposureChange[]; label: (id: string) => string }> = ({ id, caption, rows, label }) =>
  rows.length ? (
    <div class="table-wrap" role="region" aria-labelledby={id} tabindex={0}>
      <table>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col" class="num">
              Pathways now
            </th>
            <th scope="col" class="num">
              With the draft
            </th>
            <th scope="col" class="num">
              In the first steps, now
            </th>
            <th scope="col" class="num">
              In the first steps, with the draft
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 10).map((r) => (
            <tr>
              <th scope="row">{label(r.moduleId)}</th>
              <td class="num">{r.before}</td>
              <td class="num">{r.after}</td>
              <td class="num">{r.beforeTopK}</td>
              <td class="num">{r.afterTopK}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  ) : (
    <p>None.</p>
  );

export const PanelPreviewPage: FC<{ preview: ImpactPreview; label: (id: string) => string }> = ({ preview, label }) => (
  <>
    <BackLink href={`/panel/sets/${encodeURIComponent(preview.draftSetId)}`} label="Back to the draft" />
    <p class="caption">Draft {preview.draftSetId}</p>
    <h1>What would change</h1>
    <p class="lead">
      For {preview.population} example staff, the first {preview.topK} steps change for {preview.changedTopK.count} people (
      {pct(preview.changedTopK.share)}), and some step changes for {preview.changedAny.count} ({pct(preview.changedAny.share)}).
    </p>
    <p>The example staff are a fixed, made-up mix of roles, settings and answers, so previews of different drafts compare fairly.</p>
    <h2>Modules recommended more often</h2>
    <Exposure id="gaining-caption" caption="Modules in more pathways with the draft (up to 10)" rows={preview.gaining} label={label} />
    <h2>Modules recommended less often</h2>
    <Exposure id="losing-caption" caption="Modules in fewer pathways with the draft (up to 10)" rows={preview.losing} label={label} />
    <h2>Examples</h2>
    {preview.examples.length ? (
      <ul class="list">
        {preview.examples.map((e) => (
          <li>
            A {roleLabel(e.role).toLowerCase()} in {phaseLabel(e.phase).toLowerCase()}: now {e.before.map(label).join(', then ') || 'no steps'}; with the
            draft {e.after.map(label).join(', then ') || 'no steps'}.
          </li>
        ))}
      </ul>
    ) : (
      <p>No example pathway changes in its first steps.</p>
    )}
  </>
);
