// The in-house session planner on the dashboard: the leader gives times and rooms, sees the proposed group sessions
// (module, time, room, who) with figures beside the naive plan's, and accepts them with any sessions left out.
import type { FC } from 'hono/jsx';
import { sessionWhen } from '../components/step-access.js';
import { BackLink, ErrorSummary, PostForm, TextInput, type FieldError } from '../components/forms.js';

export interface PlannerTotals {
  readonly sessions: number;
  readonly minutesPerSession: number;
  readonly staffReached: number;
  readonly coveredShare: number;
}

export interface PlannerProposal {
  readonly id: string;
  readonly sessions: readonly { title: string; start: string; end: string; place: string; minutes: number; attendees: readonly { name: string }[] }[];
  readonly totals: PlannerTotals;
  readonly baseline: PlannerTotals;
}

export interface PlannerProps {
  readonly token: string;
  readonly base: string;
  readonly settingName: string;
  readonly staffCount: number;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly FieldError[];
  readonly proposal?: PlannerProposal | undefined;
}

/** Rows of availability the form offers. */
export const PLANNER_ROWS = 3;

const pct = (x: number) => `${Math.round(100 * x)}%`;

const Figures: FC<{ p: PlannerProposal }> = ({ p }) => (
  <div class="table-wrap" role="region" aria-labelledby="plan-figures-caption" tabindex={0}>
    <table>
      <caption id="plan-figures-caption">The proposal beside one session per most-requested module</caption>
      <thead>
        <tr>
          <th scope="col">Plan</th>
          <th scope="col">Sessions</th>
          <th scope="col">Pathway minutes per session</th>
          <th scope="col">Staff reached</th>
          <th scope="col">In-house pathway minutes covered</th>
        </tr>
      </thead>
      <tbody>
        {[['This proposal', p.totals], ['Most-requested modules', p.baseline]].map(([label, t]) => {
          const x = t as PlannerTotals;
          return (
            <tr>
              <th scope="row">{label as string}</th>
              <td>{x.sessions}</td>
              <td>{Math.round(x.minutesPerSession)}</td>
              <td>{x.staffReached}</td>
              <td>{pct(x.coveredShare)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  </div>
);

const Proposal: FC<{ props: PlannerProps; p: PlannerProposal }> = ({ props, p }) => (
  <>
    <h2>Proposed sessions</h2>
    {p.sessions.length ? (
      <PostForm action={`${props.base}/planner/${encodeURIComponent(p.id)}/accept`} token={props.token}>
        <ol class="steps">
          {p.sessions.map((s, i) => (
            <li>
              <h3>{s.title}</h3>
              <p>
                {sessionWhen(s)}, {s.place}. {s.attendees.length} people: {s.attendees.map((a) => a.name).join(', ')}.
              </p>
              <div class="form-group">
                <input type="checkbox" id={`skip-${i}`} name="skip" value={String(i)} />
                <label for={`skip-${i}`}>Leave this session out</label>
              </div>
              <TextInput name={`facilitator-${i}`} label="Facilitator (optional)" />
            </li>
          ))}
        </ol>
        <Figures p={p} />
        <button type="submit">Accept and book these sessions</button>
      </PostForm>
    ) : (
      <p>No session would bring together enough people in the times given. Try longer times or more rooms.</p>
    )}
  </>
);

export const SessionPlannerPage: FC<PlannerProps> = (props) => {
  const v = props.values;
  const err = (f: string) => props.errors.find((e) => e.field === f)?.text;
  return (
    <>
      <BackLink href={`${props.base}/training`} label="Back to your own training" />
      <ErrorSummary errors={props.errors} />
      <h1>Plan group sessions: {props.settingName}</h1>
      <p>
        From the current pathways of your {props.staffCount} staff, this proposes a few group sessions that cover the most pathway
        minutes. Give the times and rooms you have; UK time.
      </p>
      {props.proposal ? <Proposal props={props} p={props.proposal} /> : null}
      <h2>{props.proposal ? 'Plan again' : 'Times and rooms'}</h2>
      <PostForm action={`${props.base}/planner`} token={props.token}>
        {Array.from({ length: PLANNER_ROWS }, (_, i) => (
          <fieldset class="form-group">
            <legend>Time and room {i + 1}{i ? ' (optional)' : ''}</legend>
            <TextInput name={`date-${i}`} label="Date" type="date" width="short" value={v[`date-${i}`]} error={err(`date-${i}`)} />
            <TextInput name={`from-${i}`} label="From (24-hour)" width="short" value={v[`from-${i}`]} error={err(`from-${i}`)} />
            <TextInput name={`to-${i}`} label="To (24-hour)" width="short" value={v[`to-${i}`]} error={err(`to-${i}`)} />
            <TextInput name={`place-${i}`} label="Room or place" value={v[`place-${i}`]} error={err(`place-${i}`)} />
            <TextInput name={`capacity-${i}`} label="Places" type="number" width="short" value={v[`capacity-${i}`]} error={err(`capacity-${i}`)} />
          </fieldset>
        ))}
        <TextInput name="maxSessions" label="At most this many sessions" type="number" width="short" value={v.maxSessions ?? '6'} error={err('maxSessions')} />
        <button type="submit">Propose sessions</button>
      </PostForm>
    </>
  );
};
