// One evidence set in the panel console. A draft shows its judgements, the upload form (CSV or JSON), aggregation
// with its report, the link to the impact preview and the publish form; other sets show their weights read-only.
import type { FC } from 'hono/jsx';
import type { AggregationReport } from '../../domain/panel/index.js';
import type { EvidenceSet } from '../../domain/types.js';
import { BackLink, Checkboxes, ErrorSummary, PostForm, type FieldError } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { AggregationReportView } from './panel-report.js';
import { RecomputeView, type RecomputeSection } from './panel-recompute.js';

export interface SetPageProps {
  readonly token: string;
  readonly status: 'draft' | 'published' | 'superseded';
  readonly body: EvidenceSet;
  readonly basedOn: string | null;
  readonly judgements: readonly { expert: string; weight: number; submittedAt: string }[];
  readonly aggregation: (AggregationReport & { aggregatedAt: string }) | null;
  /** True when judgements changed after the stored aggregation. */
  readonly stale: boolean;
  readonly errors: readonly FieldError[];
  readonly notice?: string | undefined;
  readonly label: (id: string) => string;
  readonly pasted?: string | undefined;
  /** For a set that is not a draft: re-planning the pathways made before it. */
  readonly recompute?: RecomputeSection | undefined;
}

const STATUS_WORDS = { draft: 'Draft', published: 'In force', superseded: 'Retired' } as const;

const Weights: FC<{ body: EvidenceSet; label: (id: string) => string }> = ({ body, label }) => (
  <div class="table-wrap" role="region" aria-labelledby="importance-caption" tabindex={0}>
    <table>
      <caption id="importance-caption">Importance of each area of need (0 to 1)</caption>
      <thead>
        <tr>
          <th scope="col">Area</th>
          <th scope="col" class="num">
            Importance
          </th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(body.areaImportance)
          .sort((a, b) => b[1] - a[1])
          .map(([id, v]) => (
            <tr>
              <th scope="row">{label(id)}</th>
              <td class="num">{v.toFixed(3)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  </div>
);

export const PanelSetPage: FC<SetPageProps> = (p) => {
  const base = `/panel/sets/${encodeURIComponent(p.body.id)}`;
  const prov = p.body.provenance;
  return (
    <>
      <BackLink href="/panel" label="Back to evidence sets" />
      <ErrorSummary errors={p.errors} />
      <p class="caption">
        {STATUS_WORDS[p.status]} · version {p.body.version}
      </p>
      <h1>Evidence set {p.body.id}</h1>
      {p.notice ? (
        <div class="notice success" role="status">
          <p>{p.notice}</p>
        </div>
      ) : null}
      <SummaryList
        rows={[
          { key: 'Status', value: STATUS_WORDS[p.status] },
          { key: 'Panel', value: prov.panel },
          { key: 'Members', value: prov.members.length ? prov.members.join(', ') : 'Not recorded' },
          { key: 'Date', value: prov.date },
          ...(p.basedOn ? [{ key: 'Started from', value: p.basedOn }] : []),
          ...(prov.notes ? [{ key: 'Notes', value: prov.notes }] : []),
        ]}
      />
      {p.status !== 'draft' ? (
        <>
          <h2>Weights</h2>
          <Weights body={p.body} label={p.label} />
          {p.recompute ? <RecomputeView {...p.recompute} /> : null}
        </>
      ) : (
        <>
          <h2>1. Judgements</h2>
          {p.judgements.length ? (
            <div class="table-wrap" role="region" aria-labelledby="judgements-caption" tabindex={0}>
              <table>
                <caption id="judgements-caption">
                  {p.judgements.length} expert{p.judgements.length === 1 ? '' : 's'} have sent judgements
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Expert</th>
                    <th scope="col" class="num">
                      Weight
                    </th>
                    <th scope="col">Sent</th>
                  </tr>
                </thead>
                <tbody>
                  {p.judgements.map((j) => (
                    <tr>
                      <th scope="row">{j.expert}</th>
                      <td class="num">{j.weight}</td>
                      <td>{j.submittedAt.slice(0, 16).replace('T', ' ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>No judgements yet.</p>
          )}
          <h3>Upload judgements</h3>
          <p>
            Upload a CSV file with the columns <code>expert</code>, <code>weight</code>, <code>type</code>, <code>item_a</code>,{' '}
            <code>item_b</code> and <code>value</code>. Type <code>areas</code> compares two areas of need on the 1/9 to 9 scale (3
            means item_a matters 3 times as much); <code>modules:&lt;area id&gt;</code> compares two modules for that area;{' '}
            <code>strength</code> rates a module’s evidence from 0 to 5 and <code>impact</code> its expected effect from 0 to 1. You
            can also upload the API’s JSON. An expert who sends again replaces their earlier judgements.
          </p>
          <PostForm action={`${base}/judgements`} token={p.token} enctype="multipart/form-data">
            <div class={p.errors.some((e) => e.field === 'file') ? 'form-group has-error' : 'form-group'}>
              <label for="file">CSV or JSON file</label>
              {p.errors.find((e) => e.field === 'file') ? (
                <p class="field-error" id="file-error">
                  <span class="visually-hidden">Error:</span> {p.errors.find((e) => e.field === 'file')!.text}
                </p>
              ) : null}
              <input type="file" id="file" name="file" accept=".csv,.json,text/csv,application/json" />
            </div>
            <div class="form-group">
              <label for="pasted">Or paste them here</label>
              <textarea id="pasted" name="pasted" rows={6} spellcheck={false}>
                {p.pasted ?? ''}
              </textarea>
            </div>
            <button type="submit">Upload judgements</button>
          </PostForm>

          <h2>2. Aggregate</h2>
          <p>Combine every expert’s judgements into weights, and check their consistency. Nothing is published yet.</p>
          {p.stale && p.aggregation ? <p class="notice warning">Judgements have changed since the last aggregation. Aggregate again.</p> : null}
          <PostForm action={`${base}/aggregate`} token={p.token}>
            <button type="submit" class="secondary">
              {p.aggregation ? 'Aggregate again' : 'Aggregate the judgements'}
            </button>
          </PostForm>
          {p.aggregation ? <AggregationReportView report={p.aggregation} aggregatedAt={p.aggregation.aggregatedAt.slice(0, 16).replace('T', ' ')} label={p.label} /> : null}

          <h2>3. Preview the impact</h2>
          <p>
            <a href={`${base}/preview`}>See how pathways for 200 example staff would change</a>
          </p>

          <h2>4. Publish</h2>
          <p>Publishing puts this set in force for every new pathway. The set in force now is retired and kept for the record.</p>
          <PostForm action={`${base}/publish`} token={p.token}>
            <Checkboxes
              name="confirm"
              legend="Before you publish"
              choices={[{ value: 'yes', label: 'I have checked the weights, the consistency flags and the preview' }]}
              error={p.errors.find((e) => e.field === 'confirm')?.text}
            />
            <button type="submit" class="warning">
              Publish this evidence set
            </button>
          </PostForm>
        </>
      )}
    </>
  );
};
