// The part of a published set's page about pathways made before it: re-plan them all under the set (admins), and
// how far a re-plan has got. The job runs in the background (services/recompute.ts); the page shows it as stored.
import type { FC } from 'hono/jsx';
import { PostForm } from '../components/forms.js';

export interface RecomputeSection {
  /** True when the set is the one in force: only it can be re-planned under. */
  readonly inForce: boolean;
  /** True for an administrator, who may start the re-plan. */
  readonly canStart: boolean;
  /** The newest re-plan under this set, if any. */
  readonly job: { readonly status: 'running' | 'completed'; readonly done: number; readonly total: number; readonly finishedAt: string | null } | null;
  readonly token: string;
  readonly action: string;
  readonly pageHref: string;
  readonly error?: string | undefined;
}

const people = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'person' : 'people'}`;

export const RecomputeView: FC<RecomputeSection> = (p) => {
  if (!p.job && !p.inForce && !p.error) return null;
  const button = !p.job && p.inForce && p.canStart;
  return (
    <>
      {/* The error summary links to the button, or to this heading where there is no button. */}
      <h2 id={button ? undefined : 'recompute'}>Pathways already made</h2>
      {p.error ? (
        <p class="field-error" id="recompute-error">
          <span class="visually-hidden">Error:</span> {p.error}
        </p>
      ) : null}
      {p.job?.status === 'running' ? <Running job={p.job} pageHref={p.pageHref} /> : null}
      {p.job?.status === 'completed' ? <Finished job={p.job} /> : null}
      {!p.job && p.inForce ? <NotYet {...p} /> : null}
    </>
  );
};

const Finished: FC<{ job: NonNullable<RecomputeSection['job']> }> = ({ job }) => {
  const when = (job.finishedAt ?? '').slice(0, 16).replace('T', ' ');
  if (job.done === 0) return <p>There were no pathways to re-plan under this set (checked {when}).</p>;
  return (
    <p>
      Everyone’s latest pathway was re-planned under this set: {people(job.done)}, finished {when}.
    </p>
  );
};

const Running: FC<{ job: NonNullable<RecomputeSection['job']>; pageHref: string }> = ({ job, pageHref }) => {
  const percent = job.total > 0 ? Math.floor(Math.min(1, job.done / job.total) * 100) : 0;
  return (
    <>
      <p id="recompute-progress">
        Re-planning everyone’s latest pathway under this set: {job.done.toLocaleString('en-GB')} of {people(job.total)} so far ({percent}%).
      </p>
      <progress max={100} value={percent} aria-labelledby="recompute-progress">
        {percent}%
      </progress>
      <p>
        It runs in the background, and carries on by itself if it is interrupted. <a href={pageHref}>Check progress again</a>
      </p>
    </>
  );
};

const NotYet: FC<RecomputeSection> = (p) => (
  <>
    <p>
      Pathways made before this set was published keep the set they were made with. Re-planning plans each person’s latest
      pathway again from their own answers, under this set. Nobody’s answers or completed modules change.
    </p>
    {p.canStart ? (
      <PostForm action={p.action} token={p.token}>
        <button type="submit" id="recompute" aria-describedby={p.error ? 'recompute-error' : undefined}>
          Re-plan everyone’s pathways under this set
        </button>
      </PostForm>
    ) : (
      <p>An administrator can start this from this page.</p>
    )}
  </>
);
