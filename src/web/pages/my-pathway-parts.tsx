// Parts of the pathway page for signed-in staff: a notice, finished steps, who assigned a step and by when, the
// per-step "Mark as done" link to the check-in, and the form that saves this browser's answers to the account.
import type { FC } from 'hono/jsx';
import type { MergedStep } from '../../domain/merge-assigned.js';
import { PostForm } from '../components/forms.js';
import { ROLE_LABELS } from '../labels.js';
import type { Role } from '../../domain/types.js';

export interface DoneStep {
  readonly title: string;
  readonly on: string;
}

/** Under each step: who assigned it (and the due date), whether it is started, and the check-in link. */
export const StepExtras: FC<{ step: MergedStep; dueText: (iso: string) => string }> = ({ step, dueText }) => (
  <>
    {step.assignment ? (
      <p>
        <span class="tag">Assigned</span> {step.assignment.assignedBy ? `by ${step.assignment.assignedBy}` : 'by your leader'}
        {step.assignment.dueDate ? `, due ${dueText(step.assignment.dueDate)}` : ''}
      </p>
    ) : null}
    {step.status === 'started' ? <p><span class="tag">Started</span></p> : null}
    <p class="no-print">
      <a class="button secondary" href={`/pathway/steps/${encodeURIComponent(step.moduleId)}/check-in`}>
        Mark as done<span class="visually-hidden">: step {step.position}, {step.title}</span>
      </a>
    </p>
  </>
);

export const SignedInBefore: FC<{ notice?: string | undefined; done: readonly DoneStep[]; updated: string | null }> = ({ notice, done, updated }) => (
  <>
    {notice ? (
      <div class="notice success" role="status">
        <p>{notice}</p>
      </div>
    ) : null}
    {updated ? <p>Saved to your account. Last updated {updated}.</p> : null}
    {done.length ? (
      <>
        <h2>Steps you have done</h2>
        <ul class="list">
          {done.map((d) => (
            <li>
              <span class="tag done">Done</span> {d.title}
              {d.on ? ` (${d.on})` : ''}
            </li>
          ))}
        </ul>
      </>
    ) : null}
  </>
);

export const SaveJourneyForm: FC<{ token: string }> = ({ token }) => (
  <div class="notice no-print">
    <p>This pathway is not saved to your account yet.</p>
    <PostForm action="/pathway/save" token={token}>
      <button type="submit">Save my pathway</button>
    </PostForm>
  </div>
);

/** Says where the plan's role comes from when it differs from the setting's staff list (which leaders' figures use). */
export const RoleNote: FC<{ chosen: string | undefined; listed: string }> = ({ chosen, listed }) => {
  if (!chosen || chosen === listed) return null;
  const label = (r: string) => (ROLE_LABELS[r as Role]?.label ?? r).toLowerCase();
  return (
    <p class="notice">
      Your plan is for a {label(chosen)}, the role you chose. Your setting’s staff list has you as a {label(listed)}; your leader’s
      figures use the staff list. If that is wrong, ask your leader to change it.
    </p>
  );
};
