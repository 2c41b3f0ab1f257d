// "Your pathway": ordered steps (format, minutes, week, why, evidence), the confidence profile chart and table,
// the calendar download and provenance. Print-friendly through the stylesheet's print rules.
import type { Child, FC } from 'hono/jsx';
import { evidenceSentence } from '../../domain/explain.js';
import type { Content, PathwayStep, RecommendationResponse } from '../../domain/types.js';

/** What the page shows: the steps, and the profile and provenance when there is an assessment behind them. */
export interface PathwayView {
  readonly pathway: RecommendationResponse['pathway'];
  readonly profile: RecommendationResponse['profile'];
  readonly provenance?: RecommendationResponse['provenance'] | undefined;
}
import { PostForm } from '../components/forms.js';
import { StepAccess } from '../components/step-access.js';
import { ProfileChart, profileRows } from '../components/profile-chart.js';
import { duration, FORMAT_SHORT, LEVEL_LABELS, PHASE_LABELS, ROLE_LABELS, strengthWords } from '../labels.js';
import type { JourneyState } from '../journey/state.js';
import { acronymExpander, evidenceOrigin, forStaff, staffText } from '../staff-text.js';

export interface PathwayProps {
  readonly token: string;
  readonly content: Content;
  readonly state: JourneyState;
  readonly result: PathwayView;
  /** The first day of week 1 the person can train on, as "Monday 30 November 2026". */
  readonly startsOn: string;
  /** How many closures the person's setting has recorded (term holidays, training days); the schedule skips them. */
  readonly closures?: number | undefined;
  /** The day a step is planned for, as "Tuesday 8 December 2026". */
  readonly dateOf?: ((step: PathwayStep) => string | undefined) | undefined;
  readonly signedIn: boolean;
  /** Extra controls under each step for signed-in people (mark done, check in). */
  readonly stepActions?: ((step: PathwayStep) => Child) | undefined;
  /** Shown above the steps (e.g. completed modules, a check-in result). */
  readonly before?: Child;
  readonly heading?: string;
  /** Replaces the "Change your plan" section (signed-in people re-take the assessment instead). */
  readonly change?: Child;
  /** Where the role and phase come from, when the page should say (e.g. they differ from the staff list). */
  readonly roleNote?: Child;
  /** Live sessions the person is booked on, and the time now (ms) to hide past sessions. */
  readonly booked?: ReadonlySet<string> | undefined;
  readonly now?: number | undefined;
}

/**
 * The step's explanation split for a short page: its first sentence (shown beside the step) and the rest (under
 * "More about this step"), which ends with how strong the evidence is (assigned steps' notes do not say it).
 */
export function splitExplanation(step: PathwayStep): { first: string; rest: string } {
  const sentence = evidenceSentence(step.evidence.strength);
  const full = step.explanation.includes(sentence) || step.evidence.strength <= 0 ? step.explanation : `${step.explanation} ${sentence}`;
  const at = full.search(/[.!?][”"]?\s+(?=[A-Z“"])/);
  if (at < 0) return { first: full, rest: '' };
  const end = full.slice(at).search(/\s/) + at;
  return { first: full.slice(0, end), rest: full.slice(end).trim() };
}

/** One step of the pathway; `text` readies content text for staff (notes out, acronyms spelt out at first use). */
const Step: FC<{
  step: PathwayStep;
  content: Content;
  actions?: Child;
  text: (s: string) => string;
  booked?: ReadonlySet<string> | undefined;
  now?: number | undefined;
  on?: string | undefined;
}> = ({ step, content, actions, text, booked, now, on }) => {
  const mod = content.catalogue.modules.find((m) => m.id === step.moduleId);
  const areaName = (id: string) => content.taxonomy.areas.find((a) => a.id === id)?.name ?? id;
  const id = `step-${step.position}`;
  const why = splitExplanation(step);
  return (
    <li aria-labelledby={id}>
      <h3 id={id}>
        <span class="step-number">Step {step.position}:</span> {step.title}
      </h3>
      <ul class="meta">
        <li>
          <strong>Week {step.week}</strong>
        </li>
        <li>{duration(step.minutes)}</li>
        <li>{FORMAT_SHORT[step.format]}</li>
        <li>{LEVEL_LABELS[step.level]}</li>
        <li>Evidence: {strengthWords(step.evidence.strength)}</li>
      </ul>
      {mod ? <StepAccess module={mod} booked={booked} now={now} /> : null}
      <p>
        <strong>Why this step:</strong> {text(why.first)}
      </p>
      <details>
        <summary>
          More about this step<span class="visually-hidden"> ({step.position}): the module, reasons and evidence</span>
        </summary>
        {on ? <p>In your calendar file: {on}.</p> : null}
        {why.rest ? <p>{text(why.rest)}</p> : null}
        {mod ? <p>{text(mod.summary)}</p> : null}
        {mod?.illustrative ? <p>{text(mod.illustrative)}</p> : null}
        <h4>Reasons</h4>
        <ul class="list">
          {step.reasons.map((r) => (
            <li>{text(r.text)}</li>
          ))}
        </ul>
        {step.targets.length ? (
          <>
            <h4>Areas it builds</h4>
            <ul class="list">
              {step.targets.map((t) => (
                <li>{areaName(t.areaId)}</li>
              ))}
            </ul>
          </>
        ) : null}
        <h4>Evidence behind it</h4>
        <p>
          Strength of evidence: {strengthWords(step.evidence.strength)} ({step.evidence.strength} out of 5).
        </p>
        {step.evidence.sources.length ? (
          <ul class="list">
            {step.evidence.sources.map((s) => (
              <li>{text(s)}</li>
            ))}
          </ul>
        ) : null}
      </details>
      {actions}
    </li>
  );
};

export const PathwayPage: FC<PathwayProps> = (props) => {
  const { token, content, state, result, startsOn, signedIn, stepActions, before, heading, change, roleNote, booked, now, closures = 0, dateOf } = props;
  const { steps, totalMinutes } = result.pathway;
  const expand = acronymExpander();
  const text = (s: string) => staffText(expand, s);
  const weeks = steps.reduce((w, s) => Math.max(w, s.week), 0);
  return (
    <>
      <h1>{heading ?? 'Your training pathway'}</h1>
      <p class="lead">
        {steps.length
          ? `${steps.length} step${steps.length === 1 ? '' : 's'}, ${duration(totalMinutes)} in total, over ${weeks} week${weeks === 1 ? '' : 's'}.`
          : 'There are no more steps to recommend with your answers and time.'}
      </p>
      <p>
        For a {state.role ? ROLE_LABELS[state.role].label.toLowerCase() : 'member of staff'}
        {state.phase ? ` in ${PHASE_LABELS[state.phase].label.toLowerCase()}` : ''}. Week 1 starts on {startsOn}. No step falls on a
        weekend or a bank holiday in England
        {closures ? `, nor on the ${closures === 1 ? 'closure' : `${closures} closures`} your setting has recorded (term holidays and training days)` : ''}.
      </p>
      {roleNote}
      <div class="actions no-print">
        {steps.length ? (
          <a class="button secondary" href="/pathway.ics" download="send-training-pathway.ics">
            Download calendar file (.ics)
          </a>
        ) : null}
        {signedIn ? null : (
          <a class="button" href="/sign-in?next=/pathway&save=1">
            Save my pathway
          </a>
        )}
      </div>
      <p class="no-print hint">To print or save as a PDF, use your browser’s print option.</p>
      {before}
      <h2>Steps</h2>
      {steps.length ? (
        <ol class="steps">
          {steps.map((s) => (
            <Step step={s} content={content} actions={stepActions?.(s)} text={text} booked={booked} now={now} on={dateOf?.(s)} />
          ))}
        </ol>
      ) : (
        <p>You have done every step that suits your role and setting. Check back when new modules are added.</p>
      )}
      {Object.keys(result.profile).length ? (
        <>
          <h2>Your confidence profile</h2>
          <p>The plan aims at areas where your confidence is low and that matter most in your setting.</p>
          <ProfileChart rows={profileRows(content.taxonomy, result.profile)} tableInDetails />
        </>
      ) : null}
      {result.provenance ? (
        <>
          <h2>How this plan was made</h2>
          <details>
            <summary>The evidence, the versions and a reference for this plan</summary>
            <SummaryProvenance provenance={result.provenance} content={content} />
          </details>
        </>
      ) : null}
      <div class="no-print">
        <h2>Change your plan</h2>
        {change ?? (
          <>
            <p>
              <a href="/assessment/check-answers">Change your answers</a>
            </p>
            <PostForm action="/assessment/reset" token={token}>
              <button type="submit" class="secondary">
                Clear my answers and start again
              </button>
            </PostForm>
          </>
        )}
      </div>
    </>
  );
};

const SummaryProvenance: FC<{ provenance: RecommendationResponse['provenance']; content: Content }> = ({ provenance, content }) => (
  <>
    <p>{forStaff(content.catalogue.notice)}</p>
    <dl class="facts">
      <div>
        <dt>Evidence ratings</dt>
        <dd>
          {evidenceOrigin(content.evidence.provenance)} Reference: {provenance.evidenceSetId}.
        </dd>
      </div>
      <div>
        <dt>Module catalogue version</dt>
        <dd>{provenance.catalogueVersion}</dd>
      </div>
      <div>
        <dt>Method version</dt>
        <dd>{provenance.algorithmVersion}</dd>
      </div>
      <div>
        <dt>Plan reference</dt>
        <dd>
          <code>{planReference(provenance.inputHash)}</code> (quote it if you ask about this plan)
        </dd>
      </div>
    </dl>
  </>
);

/** A short reference for a plan: the first 10 characters of its input hash, without the algorithm name. */
export function planReference(inputHash: string): string {
  return inputHash.replace(/^[a-z0-9-]+:/i, '').slice(0, 10);
}
