// Check your answers: every answer in a summary list with a Change link, then the button to see the pathway.
import type { FC } from 'hono/jsx';
import { FORMATS, type Questionnaire } from '../../domain/types.js';
import { BackLink, PostForm } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { DEFAULT_BUDGET_MINUTES, DEFAULT_WEEKLY_MINUTES, type JourneyState } from '../journey/state.js';
import { ABOUT_PATH, questionPages, questionsPath, TIME_PATH } from '../journey/steps.js';
import { duration, FORMAT_LABELS, PHASE_LABELS, ROLE_LABELS } from '../labels.js';
import { itemField } from './questions.js';

export interface CheckAnswersProps {
  readonly token: string;
  readonly questionnaire: Questionnaire;
  readonly state: JourneyState;
  readonly step: number;
  readonly total: number;
  readonly back: string;
  readonly signedIn: boolean;
}

const ret = (path: string, anchor: string) => `${path}?return=check#${anchor}`;

export const CheckAnswersPage: FC<CheckAnswersProps> = ({ token, questionnaire, state, step, total, back, signedIn }) => {
  const { scale } = questionnaire;
  const answerText = (v: number | null | undefined) =>
    v === undefined ? 'Not answered' : v === null ? scale.notRelevantLabel : `${v} – ${scale.labels[v - scale.min] ?? ''}`;
  let n = 0;
  return (
    <>
      <BackLink href={back} />
      <p class="caption">
        Step {step} of {total}
      </p>
      <h1>Check your answers</h1>
      <h2>About you</h2>
      <SummaryList
        rows={[
          { key: 'Role', value: state.role ? ROLE_LABELS[state.role].label : 'Not answered', change: { href: ret(ABOUT_PATH, 'role'), what: 'your role' } },
          { key: 'Where you work', value: state.phase ? PHASE_LABELS[state.phase].label : 'Not answered', change: { href: ret(ABOUT_PATH, 'phase'), what: 'where you work' } },
        ]}
      />
      <h2>Your confidence</h2>
      <SummaryList
        rows={questionPages(questionnaire).flatMap((items, p) =>
          items.map((item) => {
            n += 1;
            return {
              key: (
                <>
                  {n}. I feel confident to {item.prompt}
                </>
              ),
              value: answerText(state.answers[item.id]),
              change: { href: ret(questionsPath(p + 1), itemField(item.id)), what: `your answer to question ${n}` },
            };
          }),
        )}
      />
      <h2>Time and format</h2>
      <SummaryList
        rows={[
          { key: 'Each week', value: duration(state.weeklyMinutes ?? DEFAULT_WEEKLY_MINUTES), change: { href: ret(TIME_PATH, 'weekly'), what: 'time each week' } },
          { key: 'In total', value: duration(state.budgetMinutes ?? DEFAULT_BUDGET_MINUTES), change: { href: ret(TIME_PATH, 'budget'), what: 'total time' } },
          {
            key: 'Kinds of training',
            value: (
              <ul class="plain">
                {(state.formats ?? FORMATS).map((f) => (
                  <li>{FORMAT_LABELS[f]}</li>
                ))}
              </ul>
            ),
            change: { href: ret(TIME_PATH, 'formats'), what: 'kinds of training' },
          },
        ]}
      />
      <h2>Now see your pathway</h2>
      <p>
        {signedIn
          ? 'We will save these answers to your account so you can see how your confidence changes over time.'
          : 'Your answers are kept in this browser only. You can save your pathway to an account on the next page.'}
      </p>
      <PostForm action="/assessment/check-answers" token={token}>
        <button type="submit">See my pathway</button>
      </PostForm>
    </>
  );
};
