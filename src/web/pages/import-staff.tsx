// Import staff from a CSV file: upload (or paste), then a preview of the rows and every row error before anything
// is saved; the confirmed file travels in a hidden field so no server state is needed between the two steps.
import type { FC } from 'hono/jsx';
import { BackLink, ErrorSummary, PostForm, type FieldError } from '../components/forms.js';
import { phaseLabel, roleLabel } from './dashboard.js';

export interface PreviewRow {
  readonly name: string;
  readonly email: string | null;
  readonly jobRole: string;
  readonly phase: string;
  readonly groups: readonly string[];
}

export interface RowError {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

export interface ImportProps {
  readonly token: string;
  readonly base: string;
  readonly settingName: string;
  readonly errors: readonly FieldError[];
  /** Present after a preview. */
  readonly preview?: { readonly csv: string; readonly rows: readonly PreviewRow[]; readonly rowErrors: readonly RowError[] } | undefined;
  readonly pasted?: string | undefined;
}

export const ImportStaffPage: FC<ImportProps> = ({ token, base, settingName, errors, preview, pasted }) => (
  <>
    <BackLink href={base} label="Back to the dashboard" />
    <ErrorSummary errors={errors} />
    <p class="caption">{settingName}</p>
    <h1>{preview && !preview.rowErrors.length ? 'Check the staff to import' : 'Import staff from a CSV file'}</h1>
    {preview ? (
      preview.rowErrors.length ? (
        <>
          <h2 id="row-errors">Rows to fix</h2>
          <p>Nothing has been imported. Fix these rows in your file and upload it again.</p>
          <div class="table-wrap" role="region" aria-labelledby="row-errors-caption" tabindex={0}>
            <table>
              <caption id="row-errors-caption">{preview.rowErrors.length} problem{preview.rowErrors.length === 1 ? '' : 's'} in the file</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    Row
                  </th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {preview.rowErrors.map((e) => (
                  <tr>
                    <td class="num">{e.row}</td>
                    <td>{e.field}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <>
          <div class="table-wrap" role="region" aria-labelledby="preview-caption" tabindex={0}>
            <table>
              <caption id="preview-caption">
                {preview.rows.length} member{preview.rows.length === 1 ? '' : 's'} of staff to add
              </caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Job role</th>
                  <th scope="col">Phase</th>
                  <th scope="col">Groups</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr>
                    <td>{r.name}</td>
                    <td>{r.email ?? 'None'}</td>
                    <td>{roleLabel(r.jobRole)}</td>
                    <td>{phaseLabel(r.phase)}</td>
                    <td>{r.groups.join(', ') || 'None'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PostForm action={`${base}/import`} token={token}>
            <input type="hidden" name="step" value="confirm" />
            <input type="hidden" name="csv" value={preview.csv} />
            <button type="submit">
              Import {preview.rows.length} member{preview.rows.length === 1 ? '' : 's'} of staff
            </button>
          </PostForm>
          <p>
            <a href={`${base}/import`}>Choose a different file</a>
          </p>
        </>
      )
    ) : null}
    {!preview || preview.rowErrors.length ? (
      <>
        <p>
          The first row must name the columns: <code>name</code>, <code>email</code>, <code>job_role</code>, <code>phase</code> and{' '}
          <code>groups</code>. Only <code>name</code> and <code>job_role</code> are required. Separate several groups with a
          semicolon.
        </p>
        <PostForm action={`${base}/import`} token={token} enctype="multipart/form-data">
          <input type="hidden" name="step" value="preview" />
          <div class={errors.some((e) => e.field === 'file') ? 'form-group has-error' : 'form-group'}>
            <label for="file">Upload a CSV file</label>
            {errors.find((e) => e.field === 'file') ? (
              <p class="field-error" id="file-error">
                <span class="visually-hidden">Error:</span> {errors.find((e) => e.field === 'file')!.text}
              </p>
            ) : null}
            <input type="file" id="file" name="file" accept=".csv,text/csv" aria-describedby={errors.some((e) => e.field === 'file') ? 'file-error' : undefined} />
          </div>
          <div class="form-group">
            <label for="pasted">Or paste the rows here</label>
            <p class="hint" id="pasted-hint">
              For example: name,email,job_role,phase,groups
            </p>
            <textarea id="pasted" name="pasted" rows={8} aria-describedby="pasted-hint" spellcheck={false}>
              {pasted ?? ''}
            </textarea>
          </div>
          <button type="submit">Check the file</button>
        </PostForm>
      </>
    ) : null}
  </>
);
