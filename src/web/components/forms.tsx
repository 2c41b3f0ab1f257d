// Form building blocks after the GOV.UK Design System: error summary, radios, checkboxes, CSRF field, back link.
import type { Child, FC } from 'hono/jsx';

/** One failing field: `field` is the id of the input the summary links to. */
export interface FieldError {
  readonly field: string;
  readonly text: string;
}

export const CsrfField: FC<{ token: string }> = ({ token }) => <input type="hidden" name="_csrf" value={token} />;

/** "There is a problem" box linking each message to its field; focused on load so screen readers hear it. */
export const ErrorSummary: FC<{ errors: readonly FieldError[] }> = ({ errors }) =>
  errors.length ? (
    <div class="error-summary" aria-labelledby="error-summary-title" role="alert" tabindex={-1} autofocus>
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.text}</a>
          </li>
        ))}
      </ul>
    </div>
  ) : null;

export const BackLink: FC<{ href: string; label?: string }> = ({ href, label = 'Back' }) => (
  <a class="back-link" href={href}>
    {label}
  </a>
);

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly hint?: string | undefined;
  /** Shown under the choice only while it is selected (CSS sibling selector, so no JavaScript is needed). */
  readonly reveal?: Child;
}

interface ChoiceGroupProps {
  /** Form field name; also the id of the first input, which error links point to. */
  readonly name: string;
  readonly legend: Child;
  /** Renders the legend as the page's h1 (one question on the page). */
  readonly legendIsHeading?: boolean;
  readonly hint?: Child;
  readonly choices: readonly Choice[];
  readonly error?: string | undefined;
  /** Choices after this index are shown after an "or" divider (e.g. "Not relevant to my role"). */
  readonly dividerBefore?: number | undefined;
  readonly inline?: boolean;
  /** Ids start from this instead of `name` (several groups sharing one field name on a page). */
  readonly idPrefix?: string | undefined;
}

const inputId = (name: string, i: number) => (i === 0 ? name : `${name}-${i + 1}`);

function Group(props: ChoiceGroupProps & { type: 'radio' | 'checkbox'; isChecked: (v: string) => boolean }) {
  const { name, legend, legendIsHeading, hint, choices, error, dividerBefore, inline, type, isChecked } = props;
  const base = props.idPrefix ?? name;
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'form-group has-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy}>
        <legend class={legendIsHeading ? 'legend-heading' : undefined}>{legendIsHeading ? <h1>{legend}</h1> : legend}</legend>
        {hint ? (
          <div class="hint" id={hintId}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <p class="field-error" id={errorId}>
            <span class="visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div class={inline ? `choices ${type}s inline` : `choices ${type}s`}>
          {choices.map((ch, i) => (
            <>
              {dividerBefore === i ? <p class="choice-divider">or</p> : null}
              <div class="choice">
                <input
                  type={type}
                  id={inputId(base, i)}
                  name={name}
                  value={ch.value}
                  checked={isChecked(ch.value)}
                  aria-describedby={ch.hint ? `${inputId(base, i)}-item-hint` : undefined}
                />
                <label for={inputId(base, i)}>{ch.label}</label>
                {/* The hint sits outside the label so a screen reader reads it once (as the description). */}
                {ch.hint ? (
                  <span class="choice-hint" id={`${inputId(base, i)}-item-hint`}>
                    {ch.hint}
                  </span>
                ) : null}
                {ch.reveal ? <div class="reveal">{ch.reveal}</div> : null}
              </div>
            </>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export const Radios: FC<ChoiceGroupProps & { value?: string | undefined }> = (p) => (
  <Group {...p} type="radio" isChecked={(v) => v === p.value} />
);

export const Checkboxes: FC<ChoiceGroupProps & { values?: readonly string[] }> = (p) => (
  <Group {...p} type="checkbox" isChecked={(v) => (p.values ?? []).includes(v)} />
);

/** A labelled text-like input with hint and inline error. */
export const TextInput: FC<{
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'date';
  value?: string | undefined;
  hint?: string;
  error?: string | undefined;
  autocomplete?: string;
  width?: 'short' | 'medium' | 'full';
}> = ({ name, label, type = 'text', value, hint, error, autocomplete, width = 'full' }) => {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'form-group has-error' : 'form-group'}>
      <label for={name}>{label}</label>
      {hint ? (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field-error" id={`${name}-error`}>
          <span class="visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        class={`input-${width}`}
        type={type}
        id={name}
        name={name}
        value={value}
        autocomplete={autocomplete}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
        spellcheck={type === 'email' || type === 'password' ? false : undefined}
      />
    </div>
  );
};

/** A POST form with its CSRF field; `action` defaults to the current URL. */
export const PostForm: FC<{ action?: string; token: string; enctype?: 'multipart/form-data'; class?: string; children?: Child; novalidate?: boolean }> = ({
  action,
  token,
  enctype,
  children,
  novalidate = true,
  ...rest
}) => (
  <form method="post" action={action} enctype={enctype} novalidate={novalidate} class={rest.class}>
    <CsrfField token={token} />
    {children}
  </form>
);
