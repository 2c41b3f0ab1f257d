// Step 1 of the self-assessment: the person's role and the phase of their setting.
import type { FC } from 'hono/jsx';
import { PHASES, ROLES } from '../../domain/types.js';
import { BackLink, ErrorSummary, PostForm, Radios, type FieldError } from '../components/forms.js';
import type { JourneyState } from '../journey/state.js';
import { PHASE_LABELS, ROLE_LABELS } from '../labels.js';

export interface AboutYouProps {
  readonly token: string;
  readonly state: JourneyState;
  readonly errors: readonly FieldError[];
  readonly step: number;
  readonly total: number;
  readonly action: string;
  readonly back: string;
  /** Shown above the form, e.g. what a signed-in person's staff record says. */
  readonly note?: string | undefined;
}

export const AboutYouPage: FC<AboutYouProps> = ({ token, state, errors, step, total, action, back, note }) => {
  const err = (f: string) => errors.find((e) => e.field === f)?.text;
  return (
    <>
      <BackLink href={back} />
      <ErrorSummary errors={errors} />
      <p class="caption">
        Step {step} of {total}
      </p>
      <h1>About your role</h1>
      {note ? (
        <div class="notice">
          <p>{note}</p>
        </div>
      ) : null}
      <PostForm action={action} token={token}>
        <Radios
          name="role"
          legend="What is your role?"
          choices={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r].label, hint: ROLE_LABELS[r].hint }))}
          value={state.role}
          error={err('role')}
        />
        <Radios
          name="phase"
          legend="Where do you work?"
          hint="Choose the one that fits best."
          choices={PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p].label, hint: PHASE_LABELS[p].hint }))}
          value={state.phase}
          error={err('phase')}
        />
        <button type="submit">Continue</button>
      </PostForm>
    </>
  );
};
