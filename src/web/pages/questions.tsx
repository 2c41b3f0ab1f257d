// A page of self-assessment questions: each a fieldset of the 1..5 confidence scale plus "Not relevant to my role".
import type { FC } from 'hono/jsx';
import type { Questionnaire, QuestionItem } from '../../domain/types.js';
import { BackLink, ErrorSummary, PostForm, Radios, type FieldError } from '../components/forms.js';
import type { JourneyState } from '../journey/state.js';

export const NOT_RELEVANT = 'na';

/** Form field name of an item. */
export const itemField = (id: string) => `q-${id}`;

export interface QuestionsProps {
  readonly token: string;
  readonly questionnaire: Questionnaire;
  readonly items: readonly QuestionItem[];
  /** Number of the first item on this page, counting from 1. */
  readonly firstNumber: number;
  readonly state: JourneyState;
  /** Values from a failed submit, shown back to the person. */
  readonly submitted?: Readonly<Record<string, string>>;
  readonly errors: readonly FieldError[];
  readonly step: number;
  readonly total: number;
  readonly action: string;
  readonly back: string;
}

export const QuestionsPage: FC<QuestionsProps> = (p) => {
  const { scale } = p.questionnaire;
  const last = p.firstNumber + p.items.length - 1;
  const count = p.questionnaire.items.length;
  const choices = [
    ...scale.labels.map((label, i) => ({ value: String(i + scale.min), label: `${i + scale.min} – ${label}` })),
    { value: NOT_RELEVANT, label: scale.notRelevantLabel },
  ];
  const current = (id: string): string | undefined => {
    if (p.submitted && itemField(id) in p.submitted) return p.submitted[itemField(id)];
    if (!(id in p.state.answers)) return undefined;
    const v = p.state.answers[id];
    return v === null ? NOT_RELEVANT : String(v);
  };
  return (
    <>
      <BackLink href={p.back} />
      <ErrorSummary errors={p.errors} />
      <p class="caption">
        Step {p.step} of {p.total}
      </p>
      <h1>How confident do you feel?</h1>
      <p>
        Questions {p.firstNumber} to {last} of {count}. For each one, choose how confident you feel today. If it never comes up in
        your work, choose “{scale.notRelevantLabel}”.
      </p>
      <PostForm action={p.action} token={p.token}>
        {p.items.map((item, i) => (
          <Radios
            name={itemField(item.id)}
            legend={
              <>
                <span class="q-number">Question {p.firstNumber + i}. </span>I feel confident to {item.prompt}
              </>
            }
            hint={item.hint}
            choices={choices}
            dividerBefore={scale.labels.length}
            value={current(item.id)}
            error={p.errors.find((e) => e.field === itemField(item.id))?.text}
          />
        ))}
        <button type="submit">Continue</button>
      </PostForm>
    </>
  );
};
