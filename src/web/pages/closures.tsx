// Term dates and closures of a setting: the days already recorded (each with a Remove button) and a form to add
// one (a name, the first and the last day closed). Staff pathways and calendars put no step on these days.
import type { FC } from 'hono/jsx';
import { BackLink, ErrorSummary, PostForm, TextInput, type FieldError } from '../components/forms.js';

export interface ClosureRow {
  readonly id: string;
  readonly label: string;
  /** "21 December 2026 to 1 January 2027". */
  readonly dates: string;
  /** True when the last day is before today (it no longer changes any schedule). */
  readonly past: boolean;
}

export interface ClosureValues {
  readonly label?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export interface ClosuresProps {
  readonly token: string;
  readonly base: string;
  readonly settingName: string;
  readonly closures: readonly ClosureRow[];
  readonly values: ClosureValues;
  readonly errors: readonly FieldError[];
  readonly notice?: string | undefined;
}

export const ClosuresPage: FC<ClosuresProps> = (p) => {
  const err = (f: string) => p.errors.find((e) => e.field === f)?.text;
  return (
    <>
      <BackLink href={p.base} label="Back to the dashboard" />
      <ErrorSummary errors={p.errors} />
      {p.notice ? (
        <div class="notice success" role="status">
          <p>{p.notice}</p>
        </div>
      ) : null}
      <p class="caption">{p.settingName}</p>
      <h1>Term dates and closures</h1>
      <p>
        Record the days your setting is closed: holidays between terms and training days. Your staff’s pathways and calendar files
        put no training step on these days, nor on weekends and bank holidays in England.
      </p>

      <h2>Closures recorded</h2>
      {p.closures.length ? (
        <ul class="plain cards" aria-label="Closures recorded for this setting">
          {p.closures.map((x) => (
            <li class="card">
              <dl class="facts">
                <div>
                  <dt>Name</dt>
                  <dd>{x.label}</dd>
                </div>
                <div>
                  <dt>Closed</dt>
                  <dd>
                    {x.dates}
                    {x.past ? ' (past)' : ''}
                  </dd>
                </div>
              </dl>
              <PostForm action={`${p.base}/closures/${encodeURIComponent(x.id)}/remove`} token={p.token} class="inline-form">
                <button type="submit" class="secondary">
                  Remove<span class="visually-hidden"> {x.label}, {x.dates}</span>
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      ) : (
        <p>No closures are recorded yet.</p>
      )}

      <h2>Add a closure</h2>
      <PostForm action={`${p.base}/closures`} token={p.token}>
        <TextInput name="label" label="Name" hint="For example, Christmas holiday or Training day" value={p.values.label} error={err('label')} width="medium" />
        <TextInput name="from" label="First day closed" type="date" hint="For example, 2026-12-21" value={p.values.from} error={err('from')} width="medium" />
        <TextInput
          name="to"
          label="Last day closed"
          type="date"
          hint="For a single day, the same as the first day. For example, 2027-01-01"
          value={p.values.to}
          error={err('to')}
          width="medium"
        />
        <button type="submit">Add closure</button>
      </PostForm>
    </>
  );
};
