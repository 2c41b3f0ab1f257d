// The step after the questions: time each week, total time and the training formats the person can use.
import type { FC } from 'hono/jsx';
import { FORMATS } from '../../domain/types.js';
import { BackLink, Checkboxes, ErrorSummary, PostForm, Radios, type FieldError } from '../components/forms.js';
import { BUDGET_CHOICES, WEEKLY_CHOICES, type JourneyState } from '../journey/state.js';
import { duration, FORMAT_LABELS } from '../labels.js';

export interface TimeProps {
  readonly token: string;
  readonly state: JourneyState;
  readonly errors: readonly FieldError[];
  readonly step: number;
  readonly total: number;
  readonly action: string;
  readonly back: string;
}

export const TimePage: FC<TimeProps> = ({ token, state, errors, step, total, action, back }) => {
  const err = (f: string) => errors.find((e) => e.field === f)?.text;
  return (
    <>
      <BackLink href={back} />
      <ErrorSummary errors={errors} />
      <p class="caption">
        Step {step} of {total}
      </p>
      <h1>Time for training</h1>
      <PostForm action={action} token={token}>
        <Radios
          name="weekly"
          legend="How much time can you give to training each week?"
          choices={WEEKLY_CHOICES.map((m) => ({ value: String(m), label: duration(m) }))}
          value={state.weeklyMinutes === undefined ? undefined : String(state.weeklyMinutes)}
          error={err('weekly')}
        />
        <Radios
          name="budget"
          legend="How much time in total?"
          hint="Your plan will not go over this."
          choices={BUDGET_CHOICES.map((m) => ({ value: String(m), label: duration(m) }))}
          value={state.budgetMinutes === undefined ? undefined : String(state.budgetMinutes)}
          error={err('budget')}
        />
        <Checkboxes
          name="formats"
          legend="Which kinds of training can you do?"
          hint="Choose all that apply."
          choices={FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
          values={state.formats ?? []}
          error={err('formats')}
        />
        <button type="submit">Continue</button>
      </PostForm>
    </>
  );
};
