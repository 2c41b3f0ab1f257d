// Assign training: to one person, a named group, a job role or everyone; either each person's personalised pathway
// or chosen modules; an optional due date. Also lists current assignments with a Remove button each.
import type { FC } from 'hono/jsx';
import type { Catalogue, Taxonomy } from '../../domain/types.js';
import { BackLink, Checkboxes, ErrorSummary, PostForm, Radios, TextInput, type FieldError } from '../components/forms.js';
import { roleLabel } from './dashboard.js';

export interface AssignValues {
  readonly target?: string | undefined;
  readonly staffId?: string | undefined;
  readonly group?: string | undefined;
  readonly jobRole?: string | undefined;
  readonly kind?: string | undefined;
  readonly moduleIds?: readonly string[];
  readonly due?: string | undefined;
}

export interface CurrentAssignment {
  readonly id: string;
  readonly who: string;
  readonly what: string;
  readonly due: string | null;
}

export interface AssignProps {
  readonly token: string;
  readonly base: string;
  readonly settingName: string;
  readonly people: readonly { id: string; name: string }[];
  readonly groups: readonly string[];
  readonly roles: readonly string[];
  /** Shipped modules and the setting's (and its trust's) active own modules. */
  readonly catalogue: Catalogue;
  /** Which of the catalogue's modules are the setting's or trust's own (listed first, in a group of their own). */
  readonly ownModuleIds: ReadonlySet<string>;
  readonly taxonomy: Taxonomy;
  readonly values: AssignValues;
  readonly errors: readonly FieldError[];
  readonly current: readonly CurrentAssignment[];
}

const Select: FC<{ name: string; label: string; options: readonly { value: string; label: string }[]; value?: string | undefined; error?: string | undefined }> = ({
  name,
  label,
  options,
  value,
  error,
}) => (
  <div class={error ? 'form-group has-error' : 'form-group'}>
    <label for={name}>{label}</label>
    {error ? (
      <p class="field-error" id={`${name}-error`}>
        <span class="visually-hidden">Error:</span> {error}
      </p>
    ) : null}
    <select id={name} name={name} aria-describedby={error ? `${name}-error` : undefined}>
      <option value="">Choose…</option>
      {options.map((o) => (
        <option value={o.value} selected={o.value === value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

export const AssignPage: FC<AssignProps> = (p) => {
  const err = (f: string) => p.errors.find((e) => e.field === f)?.text;
  const groupOf = new Map(p.taxonomy.areas.map((a) => [a.id, a.group as string]));
  const own = p.catalogue.modules.filter((m) => p.ownModuleIds.has(m.id));
  const byGroup = p.taxonomy.groups.map((g) => ({
    group: g,
    modules: p.catalogue.modules.filter((m) => {
      if (p.ownModuleIds.has(m.id)) return false;
      const top = [...m.areas].sort((a, b) => b.relevance - a.relevance)[0];
      return top && groupOf.get(top.areaId) === g.id;
    }),
  }));
  return (
    <>
      <BackLink href={p.base} label="Back to the dashboard" />
      <ErrorSummary errors={p.errors} />
      <p class="caption">{p.settingName}</p>
      <h1>Assign training</h1>
      <PostForm action={`${p.base}/assign`} token={p.token}>
        <Radios
          name="target"
          legend="Who is it for?"
          choices={[
            {
              value: 'person',
              label: 'One person',
              reveal: <Select name="staffId" label="Which person?" options={p.people.map((s) => ({ value: s.id, label: s.name }))} value={p.values.staffId} error={err('staffId')} />,
            },
            {
              value: 'group',
              label: 'A group',
              hint: 'For example a year team',
              reveal: p.groups.length ? (
                <Select name="group" label="Which group?" options={p.groups.map((g) => ({ value: g, label: g }))} value={p.values.group} error={err('group')} />
              ) : (
                <p id="group">No groups yet: add groups to staff in the CSV import (the groups column).</p>
              ),
            },
            {
              value: 'role',
              label: 'Everyone in a job role',
              reveal: <Select name="jobRole" label="Which job role?" options={p.roles.map((r) => ({ value: r, label: roleLabel(r) }))} value={p.values.jobRole} error={err('jobRole')} />,
            },
            { value: 'everyone', label: 'Everyone in the setting' },
          ]}
          value={p.values.target}
          error={err('target')}
        />
        <Radios
          name="kind"
          legend="What should they do?"
          choices={[
            { value: 'personalised', label: 'Their own personalised pathway', hint: 'Each person gets steps chosen from their self-assessment' },
            { value: 'modules', label: 'Particular modules', hint: 'Choose the modules below, under “Choose modules”' },
          ]}
          value={p.values.kind}
          error={err('kind')}
        />
        <details open={p.values.kind === 'modules' || !!err('moduleIds')}>
          <summary>Choose modules</summary>
          {err('moduleIds') ? (
            <p class="field-error" id="moduleIds-error">
              <span class="visually-hidden">Error:</span> {err('moduleIds')}
            </p>
          ) : null}
          {own.length ? (
            <Checkboxes
              name="moduleIds"
              idPrefix="moduleIds"
              legend="Your own modules"
              choices={own.map((m) => ({ value: m.id, label: m.title, hint: `${m.minutes} minutes${m.provider ? `, ${m.provider}` : ''}` }))}
              values={p.values.moduleIds ?? []}
            />
          ) : null}
          {byGroup
            .filter((g) => g.modules.length)
            .map((g, i) => (
              <Checkboxes
                name="moduleIds"
                idPrefix={i === 0 && !own.length ? 'moduleIds' : `moduleIds-${g.group.id}`}
                legend={g.group.name}
                choices={g.modules.map((m) => ({ value: m.id, label: m.title, hint: `${m.minutes} minutes` }))}
                values={p.values.moduleIds ?? []}
              />
            ))}
        </details>
        <TextInput name="due" label="Due date (optional)" type="date" value={p.values.due} error={err('due')} width="medium" />
        <button type="submit">Assign</button>
      </PostForm>

      <h2>Current assignments</h2>
      {p.current.length ? (
        // A list rather than a table, so each Remove button stays on screen at 320 px.
        <ul class="plain cards" aria-label="Training assigned in this setting">
          {p.current.map((a) => (
            <li class="card">
              <dl class="facts">
                <div>
                  <dt>Who</dt>
                  <dd>{a.who}</dd>
                </div>
                <div>
                  <dt>What</dt>
                  <dd>{a.what}</dd>
                </div>
                <div>
                  <dt>Due</dt>
                  <dd>{a.due ?? 'No date'}</dd>
                </div>
              </dl>
              <PostForm action={`${p.base}/assignments/${encodeURIComponent(a.id)}/remove`} token={p.token} class="inline-form">
                <button type="submit" class="secondary">
                  Remove<span class="visually-hidden"> the assignment for {a.who}</span>
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      ) : (
        <p>Nothing is assigned yet.</p>
      )}
    </>
  );
};
