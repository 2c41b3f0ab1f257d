// The quick check-in after finishing a step: optional 1..5 re-ratings of the areas the step builds.
import type { FC } from 'hono/jsx';
import type { Questionnaire } from '../../domain/types.js';
import { BackLink, PostForm, Radios } from '../components/forms.js';

export const SKIP = 'skip';
export const ratingField = (areaId: string) => `r-${areaId}`;

export interface CheckInProps {
  readonly token: string;
  readonly moduleId: string;
  readonly title: string;
  readonly position: number;
  readonly areas: readonly { readonly id: string; readonly name: string }[];
  readonly questionnaire: Questionnaire;
}

export const CheckInPage: FC<CheckInProps> = ({ token, moduleId, title, position, areas, questionnaire }) => {
  const { scale } = questionnaire;
  const choices = [
    ...scale.labels.map((label, i) => ({ value: String(i + scale.min), label: `${i + scale.min} – ${label}` })),
    { value: SKIP, label: 'Skip this question' },
  ];
  return (
    <>
      <BackLink href="/pathway" label="Back to your pathway" />
      <p class="caption">Step {position} done</p>
      <h1>Check in: {title}</h1>
      <p>
        Well done for finishing this step. Tell us how confident you feel now, so we can plan what comes next. Each question is
        optional: leave one unanswered to skip it.
      </p>
      <PostForm action={`/pathway/steps/${encodeURIComponent(moduleId)}/check-in`} token={token}>
        {areas.map((a) => (
          <Radios name={ratingField(a.id)} legend={`How confident do you feel now about ${a.name.toLowerCase()}?`} choices={choices} dividerBefore={scale.labels.length} />
        ))}
        <button type="submit">Mark as done and update my pathway</button>
      </PostForm>
    </>
  );
};
