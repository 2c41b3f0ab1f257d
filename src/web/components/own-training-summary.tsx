// The dashboard's summary of a setting's own training: own modules and who has done one, and the live sessions
// coming up with places booked and left. People counts are hidden while the staff list is too small to show them.
import type { FC } from 'hono/jsx';
import type { OwnTrainingSummary } from '../../services/own-coverage.js';

const people = (n: number | null) => (n === null ? 'Hidden' : String(n));

export const OwnTrainingStats: FC<{ summary: OwnTrainingSummary; base: string }> = ({ summary, base }) => {
  const s = summary.sessions;
  return (
    <>
      <h2>Your own training</h2>
      <p>
        Your own modules count as training in the areas they cover, in the figures above. <a href={`${base}/training`}>Add or change your own modules and sessions</a>.
      </p>
      <dl class="facts">
        <div>
          <dt>Own modules staff can take now</dt>
          <dd>{summary.activeModules}</dd>
        </div>
        <div>
          <dt>Staff who have done an own module</dt>
          <dd>{people(summary.completedBy)}</dd>
        </div>
        <div>
          <dt>Live sessions coming up</dt>
          <dd>
            {s.upcoming === 0 ? 'None' : `${s.upcoming}: ${s.placesBooked} ${s.placesBooked === 1 ? 'place' : 'places'} booked by your staff, ${s.placesLeft} left`}
          </dd>
        </div>
        <div>
          <dt>Staff who have attended a session</dt>
          <dd>{people(s.staffAttended)}</dd>
        </div>
      </dl>
    </>
  );
};
