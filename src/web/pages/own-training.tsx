// A setting's own training on the dashboard: its own modules (add, retire) and live sessions (add, cancel), checked
// like shipped content; staff of the setting are recommended them and see the sessions on their pathway.
import type { FC } from 'hono/jsx';
import type { LocalModule, LocalSession } from '../../domain/local-catalogue.js';
import { FORMATS, LEVELS, PHASES, ROLES, type Module, type Taxonomy } from '../../domain/types.js';
import { sessionWhen } from '../components/step-access.js';
import { BackLink, Checkboxes, ErrorSummary, PostForm, Radios, TextInput, type FieldError } from '../components/forms.js';
import { FORMAT_SHORT, LEVEL_LABELS, PHASE_LABELS, ROLE_LABELS } from '../labels.js';

export interface OwnTrainingProps {
  readonly token: string;
  readonly base: string;
  readonly settingName: string;
  readonly modules: readonly LocalModule[];
  readonly sessions: readonly (LocalSession & { booked: number; attended: number })[];
  /** Every module a session can be for (shipped and own), by title. */
  readonly catalogue: readonly Module[];
  readonly taxonomy: Taxonomy;
  readonly values: Readonly<Record<string, string | readonly string[]>>;
  readonly errors: readonly FieldError[];
  readonly notice?: string | undefined;
  readonly catalogueVersion: string;
}

const err = (errors: readonly FieldError[], field: string) => errors.find((e) => e.field === field)?.text;
const val = (v: OwnTrainingProps['values'], k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
const vals = (v: OwnTrainingProps['values'], k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : typeof v[k] === 'string' ? [v[k] as string] : []);

const Select: FC<{ name: string; label: string; options: readonly { value: string; label: string }[]; value?: string | undefined; error?: string | undefined }> = (p) => (
  <div class={p.error ? 'form-group has-error' : 'form-group'}>
    <label for={p.name}>{p.label}</label>
    {p.error ? (
      <p class="field-error" id={`${p.name}-error`}>
        <span class="visually-hidden">Error:</span> {p.error}
      </p>
    ) : null}
    <select id={p.name} name={p.name} aria-describedby={p.error ? `${p.name}-error` : undefined}>
      <option value="">Choose…</option>
      {p.options.map((o) => (
        <option value={o.value} selected={o.value === p.value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);

const TextArea: FC<{ name: string; label: string; hint?: string; value?: string | undefined; error?: string | undefined }> = (p) => (
  <div class={p.error ? 'form-group has-error' : 'form-group'}>
    <label for={p.name}>{p.label}</label>
    {p.hint ? (
      <p class="hint" id={`${p.name}-hint`}>
        {p.hint}
      </p>
    ) : null}
    {p.error ? (
      <p class="field-error" id={`${p.name}-error`}>
        <span class="visually-hidden">Error:</span> {p.error}
      </p>
    ) : null}
    <textarea id={p.name} name={p.name} rows={3} aria-describedby={[p.hint ? `${p.name}-hint` : '', p.error ? `${p.name}-error` : ''].filter(Boolean).join(' ') || undefined}>
      {p.value ?? ''}
    </textarea>
  </div>
);

const choices = <T extends string>(values: readonly T[], labels: Readonly<Record<T, string | { label: string }>>) =>
  values.map((v) => { const l = labels[v]; return { value: v, label: typeof l === 'string' ? l : l.label }; });

const ModuleList: FC<{ p: OwnTrainingProps }> = ({ p }) =>
  p.modules.length ? (
    <div class="table-wrap" role="region" aria-labelledby="own-modules-caption" tabindex={0}>
      <table>
        <caption class="visually-hidden" id="own-modules-caption">Your own modules</caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col">Minutes</th>
            <th scope="col">Status</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {p.modules.map((m) => (
            <tr>
              <td>{m.title}</td>
              <td>{m.minutes}</td>
              <td>{m.status === 'active' ? 'Recommended to your staff' : 'Retired'}</td>
              <td>
                {m.status === 'active' ? (
                  <PostForm action={`${p.base}/training/modules/${encodeURIComponent(m.id)}/retire`} token={p.token}>
                    <button type="submit" class="secondary">
                      Retire<span class="visually-hidden"> {m.title}</span>
                    </button>
                  </PostForm>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  ) : (
    <p>You have not added any modules of your own yet.</p>
  );

const SessionList: FC<{ p: OwnTrainingProps; titles: Map<string, string> }> = ({ p, titles }) =>
  p.sessions.length ? (
    <div class="table-wrap" role="region" aria-labelledby="own-sessions-caption" tabindex={0}>
      <table>
        <caption class="visually-hidden" id="own-sessions-caption">Your live sessions</caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col">When and where</th>
            <th scope="col">Booked</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {p.sessions.map((s) => (
            <tr>
              <td>{titles.get(s.moduleId) ?? s.moduleId}</td>
              <td>
                {sessionWhen(s)}
                {s.place ? `, ${s.place}` : ''}
                {s.facilitator ? `, with ${s.facilitator}` : ''}
                {s.status === 'cancelled' ? ' (cancelled)' : ''}
              </td>
              <td>
                {s.booked} of {s.capacity}; {s.attended} attended
              </td>
              <td>
                {s.status === 'scheduled' ? (
                  <PostForm action={`${p.base}/training/sessions/${encodeURIComponent(s.id)}/cancel`} token={p.token}>
                    <button type="submit" class="secondary">
                      Cancel<span class="visually-hidden"> the session on {sessionWhen(s)}</span>
                    </button>
                  </PostForm>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  ) : (
    <p>No live sessions yet.</p>
  );

/** A field's name, its value as entered and its error, for one input (`one`) or a group of checkboxes (`many`). */
const fields = (p: OwnTrainingProps) => ({
  one: (name: string) => ({ name, value: val(p.values, name), error: err(p.errors, name) }),
  many: (name: string) => ({ name, values: vals(p.values, name), error: err(p.errors, name) }),
});

const STRENGTHS = [['1', 'Very limited'], ['2', 'Limited'], ['3', 'Moderate'], ['4', 'Extensive'], ['5', 'Very extensive']].map(([value, label]) => ({ value: value!, label: label! }));

const SessionForm: FC<{ p: OwnTrainingProps }> = ({ p }) => {
  const f = fields(p);
  return (
    <PostForm action={`${p.base}/training/sessions`} token={p.token}>
      <Select {...f.one('moduleId')} label="Module" options={p.catalogue.map((m) => ({ value: m.id, label: m.title }))} />
      <TextInput {...f.one('date')} label="Date" type="date" width="short" />
      <TextInput {...f.one('from')} label="Starts at (24-hour, UK time)" hint="For example 09:00" width="short" />
      <TextInput {...f.one('to')} label="Ends at (24-hour, UK time)" hint="For example 10:30" width="short" />
      <TextInput {...f.one('place')} label="Place" />
      <TextInput {...f.one('facilitator')} label="Facilitator (optional)" />
      <TextInput {...f.one('capacity')} label="Places" type="number" width="short" />
      <button type="submit">Add the session</button>
    </PostForm>
  );
};

const ModuleForm: FC<{ p: OwnTrainingProps }> = ({ p }) => {
  const f = fields(p);
  return (
    <PostForm action={`${p.base}/training/modules`} token={p.token}>
      <TextInput {...f.one('title')} label="Title" />
      <TextArea {...f.one('summary')} label="Summary for staff" hint="Two or three short sentences in plain words." />
      <TextArea {...f.one('outcomes')} label="What staff will be able to do" hint="One outcome a line." />
      <TextInput {...f.one('minutes')} label="Minutes (15 to 120)" type="number" width="short" />
      <Checkboxes {...f.many('formats')} legend="How it is taken" choices={choices(FORMATS, FORMAT_SHORT)} />
      <Checkboxes {...f.many('roles')} legend="Who it suits" choices={choices(ROLES, ROLE_LABELS)} />
      <Checkboxes {...f.many('phases')} legend="Phases" choices={choices(PHASES, PHASE_LABELS)} />
      <Radios {...f.one('level')} legend="Level" choices={choices(LEVELS, LEVEL_LABELS)} />
      <Select {...f.one('areaId')} label="The area of need it builds most" options={p.taxonomy.areas.map((a) => ({ value: a.id, label: a.name }))} />
      <TextInput {...f.one('provider')} label="Provider" hint="For example your setting’s name." />
      <TextInput {...f.one('url')} label="Link to the material (optional, https)" />
      <TextArea {...f.one('materials')} label="What a facilitator needs (optional)" hint="One item a line. Give a link, materials or both." />
      <Radios {...f.one('cost')} legend="Cost to staff" choices={[{ value: 'free', label: 'Free' }, { value: 'paid', label: 'Paid' }]} />
      <Select {...f.one('strength')} label="How strong is the evidence behind it?" options={STRENGTHS} />
      <TextInput {...f.one('source')} label="Where that evidence comes from" />
      <button type="submit">Add the module</button>
    </PostForm>
  );
};

export const OwnTrainingPage: FC<OwnTrainingProps> = (p) => {
  const titles = new Map(p.catalogue.map((m) => [m.id, m.title]));
  return (
    <>
      <BackLink href={p.base} label="Back to the dashboard" />
      <ErrorSummary errors={p.errors} />
      <h1>Your own training: {p.settingName}</h1>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      <p>
        Modules you add are recommended to your staff alongside the national modules. Live sessions show on their pathways and
        calendars. <a href={`${p.base}/planner`}>Plan group sessions from your staff’s pathways</a>.
      </p>
      <p class="hint">Catalogue version your staff plan with: {p.catalogueVersion}</p>
      <h2>Modules</h2>
      <ModuleList p={p} />
      <h2>Live sessions</h2>
      <SessionList p={p} titles={titles} />

      <h2 id="add-session-heading">Add a live session</h2>
      <SessionForm p={p} />

      <h2>Add a module of your own</h2>
      <ModuleForm p={p} />
    </>
  );
};
