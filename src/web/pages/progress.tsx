// "Your progress": confidence then and now (chart and table), the history of assessments and check-ins, re-take.
import type { FC } from 'hono/jsx';
import { ChangeChart, type ChangeRow } from '../components/change-chart.js';
import { PostForm } from '../components/forms.js';

export interface HistoryRow {
  readonly date: string;
  readonly what: string;
  readonly stepsLeft: number;
}

export const ProgressPage: FC<{ token: string; rows: readonly ChangeRow[]; firstDate: string; lastDate: string; history: readonly HistoryRow[]; doneCount: number }> = ({
  token,
  rows,
  firstDate,
  lastDate,
  history,
  doneCount,
}) => (
  <>
    <h1>Your progress</h1>
    <p class="lead">
      You have done {doneCount} training step{doneCount === 1 ? '' : 's'}. Here is how your confidence has changed since {firstDate}.
    </p>
    {history.length > 1 ? (
      <>
        <p>
          “At the start” is your first self-assessment on {firstDate}; “now” is your latest update on {lastDate}.
        </p>
        <ChangeChart rows={rows} beforeLabel="at the start" afterLabel="now" />
      </>
    ) : (
      <p>You will see changes here after you mark a step as done or re-take the self-assessment.</p>
    )}
    <h2>History</h2>
    <div class="table-wrap" role="region" aria-labelledby="history-caption" tabindex={0}>
      <table>
        <caption id="history-caption">Your assessments and check-ins</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">What happened</th>
            <th scope="col" class="num">
              Steps left
            </th>
          </tr>
        </thead>
        <tbody>
          {history.map((h) => (
            <tr>
              <td>{h.date}</td>
              <td>{h.what}</td>
              <td class="num">{h.stepsLeft}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    <h2>Re-take the self-assessment</h2>
    <p>Your last answers will be filled in, so you only need to change what is different.</p>
    <PostForm action="/progress/retake" token={token}>
      <button type="submit">Re-take the self-assessment</button>
    </PostForm>
  </>
);
