// The panel console's front page: every evidence set (in force, drafts, retired) and the form to start a draft.
import type { FC } from 'hono/jsx';
import { ErrorSummary, PostForm, TextInput, type FieldError } from '../components/forms.js';

export interface SetLine {
  readonly id: string;
  readonly version: number;
  readonly status: 'draft' | 'published' | 'superseded';
  readonly panel: string;
  readonly date: string;
  readonly judgements: number | null;
}

const STATUS_WORDS = { draft: 'Draft', published: 'In force', superseded: 'Retired' } as const;

export const PanelPage: FC<{ token: string; sets: readonly SetLine[]; errors: readonly FieldError[]; values: { panel?: string; members?: string; notes?: string } }> = ({
  token,
  sets,
  errors,
  values,
}) => (
  <>
    <ErrorSummary errors={errors} />
    <h1>Evidence panel</h1>
    <p>
      The evidence set holds the weights the service uses to choose training: how important each area of need is, and how strong
      the evidence is for each module. Panel members compare areas and rate modules; the service combines their judgements,
      checks them for consistency and shows what would change before anything is published.
    </p>
    <h2>Evidence sets</h2>
    <div class="table-wrap" role="region" aria-labelledby="sets-caption" tabindex={0}>
      <table>
        <caption id="sets-caption">Evidence sets, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">Status</th>
            <th scope="col">Panel</th>
            <th scope="col">Date</th>
            <th scope="col" class="num">
              Judgements
            </th>
          </tr>
        </thead>
        <tbody>
          {sets.map((s) => (
            <tr>
              <th scope="row">
                <a href={`/panel/sets/${encodeURIComponent(s.id)}`}>{s.id}</a>
                <span class="cell-hint">Version {s.version}</span>
              </th>
              <td>
                <span class="tag">{STATUS_WORDS[s.status]}</span>
              </td>
              <td>{s.panel}</td>
              <td>{s.date}</td>
              <td class="num">{s.judgements ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <h2>Start a new draft</h2>
    <p>A draft starts as a copy of the set in force. Nobody sees its weights until it is published.</p>
    <PostForm action="/panel/sets" token={token}>
      <TextInput name="panel" label="Panel name" hint="For example: SEND advisory panel, spring 2027 round" value={values.panel} error={errors.find((e) => e.field === 'panel')?.text} />
      <TextInput name="members" label="Members (optional)" hint="Names or codes, separated by commas" value={values.members} />
      <div class="form-group">
        <label for="notes">Notes (optional)</label>
        <textarea id="notes" name="notes" rows={3}>
          {values.notes ?? ''}
        </textarea>
      </div>
      <button type="submit">Start a draft</button>
    </PostForm>
  </>
);
