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
  /** Present after a preview: every row checked, the first rows shown, and the columns that were not read. */
  readonly preview?:
    | {
        readonly csv: string;
        readonly rows: readonly PreviewRow[];
        readonly rowErrors: readonly RowError[];
        readonly total: number;
        readonly checked: number;
        readonly ignoredColumns: readonly string[];
      }
    | undefined;
  readonly pasted?: string | undefined;
  /** The most data rows one import takes. */
  readonly maxRows: number;
}

const SHOWN_ROWS = 100;
const SHOWN_ERRORS = 200;

/** How far the check got: every row is read before anything is saved. */
const Checked: FC<{ total: number; checked: number }> = ({ total, checked }) => (
  <div class="progress-report" role="status">
    <p>
      Checked all {total.toLocaleString('en-GB')} row{total === 1 ? '' : 's'}: {checked.toLocaleString('en-GB')} ready to import
      {total - checked ? `, ${(total - checked).toLocaleString('en-GB')} with problems` : ''}.
    </p>
    <progress max={Math.max(1, total)} value={checked} aria-label="Rows ready to import">
      {checked} of {total}
    </progress>
  </div>
);

export const ImportStaffPage: FC<ImportProps> = ({ token, base, settingName, errors, preview, pasted, maxRows }) => (
  <>
    <BackLink href={base} label="Back to the dashboard" />
    <ErrorSummary errors={errors} />
    <p class="caption">{settingName}</p>
    <h1>{preview && !preview.rowErrors.length ? 'Check the staff to import' : 'Import staff from a CSV file'}</h1>
    {preview ? (
      preview.rowErrors.length ? (
        <>
          <h2 id="row-errors">Rows to fix</h2>
          <Checked total={preview.total} checked={preview.checked} />
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
                {preview.rowErrors.slice(0, SHOWN_ERRORS).map((e) => (
                  <tr>
                    <td class="num">{e.row}</td>
                    <td>{e.field}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.rowErrors.length > SHOWN_ERRORS ? <p>The first {SHOWN_ERRORS} problems are listed; fix them and check the file again to see the rest.</p> : null}
        </>
      ) : (
        <>
          <Checked total={preview.total} checked={preview.checked} />
          {preview.ignoredColumns.length ? (
            <p>
              These columns are not used and will be ignored: {preview.ignoredColumns.map((c) => `“${c}”`).join(', ')}.
            </p>
          ) : null}
          <div class="table-wrap" role="region" aria-labelledby="preview-caption" tabindex={0}>
            <table>
              <caption id="preview-caption">
                {preview.rows.length} member{preview.rows.length === 1 ? '' : 's'} of staff to add
                {preview.rows.length > SHOWN_ROWS ? ` (the first ${SHOWN_ROWS} are shown)` : ''}
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
                {preview.rows.slice(0, SHOWN_ROWS).map((r) => (
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
          <code>groups</code>. Only <code>name</code> and <code>job_role</code> are required; other columns are ignored, so the staff
          list you download from the dashboard can be imported again. Separate columns with commas (save as “CSV UTF-8” or “CSV (comma
          delimited)”) and several groups with a semicolon. One file can hold up to {maxRows.toLocaleString('en-GB')} people; nothing
          is imported unless every row is right.
        </p>
        <p>
          Job roles and phases can be written as they appear in this service, for example “Teaching assistant” or “Secondary school”.
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
