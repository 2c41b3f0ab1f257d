// Parts of the webhooks page that change endpoints: the "Add an endpoint" form (address, name, events and, for a
// trust's leader, whether the trust or the setting owns it) and the panel that shows a new signing secret once.
import type { FC } from 'hono/jsx';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../integrations/webhook-events.js';
import { Checkboxes, PostForm, Radios, TextInput, type FieldError } from '../components/forms.js';

export const EVENT_LABELS: Readonly<Record<WebhookEvent, string>> = {
  'assessment.completed': 'A person stores a self-assessment',
  'pathway.updated': 'A new pathway is planned',
  'module.completed': 'A module is first marked completed',
  'assignment.created': 'A leader assigns training',
  'assignment.due': 'An assignment is due within 3 days',
};

export interface EndpointValues {
  readonly url?: string | undefined;
  readonly description?: string | undefined;
  readonly events?: readonly string[] | undefined;
  readonly orgId?: string | undefined;
}

/** An organisation the leader may subscribe an endpoint for (the setting, and its trust when they lead it). */
export interface OwnerChoice {
  readonly orgId: string;
  readonly label: string;
  readonly hint: string;
}

/** A secret just made (a new endpoint or a rotation): shown on this response only. */
export interface RevealedSecret {
  readonly endpointLabel: string;
  readonly secret: string;
  /** Set after a rotation: until then the previous secret signs too. */
  readonly previousExpiresAt?: string | undefined;
}

export const SecretPanel: FC<{ revealed: RevealedSecret }> = ({ revealed: r }) => (
  <section aria-labelledby="secret-heading" class="notice success">
    <h2 id="secret-heading">{r.previousExpiresAt ? `New signing secret for ${r.endpointLabel}` : `Signing secret for ${r.endpointLabel}`}</h2>
    <div class="form-group">
      <label for="signing-secret">Signing secret</label>
      <div class="hint" id="signing-secret-hint">
        Copy it into the receiving system now: this is the only time it is shown. The receiver checks each message’s
        webhook-signature header with it.
      </div>
      <textarea id="signing-secret" class="invite-link" rows={2} readonly aria-describedby="signing-secret-hint" autocomplete="off" spellcheck={false}>
        {r.secret}
      </textarea>
    </div>
    {r.previousExpiresAt ? (
      <p>
        The previous secret also signs messages until {r.previousExpiresAt.slice(0, 10)} {r.previousExpiresAt.slice(11, 16)} UTC, so the receiver keeps
        working while you change it.
      </p>
    ) : null}
  </section>
);

export const NewEndpointForm: FC<{ action: string; token: string; values: EndpointValues; errors: readonly FieldError[]; owners: readonly OwnerChoice[] }> = (p) => {
  const err = (f: string) => p.errors.find((e) => e.field === f)?.text;
  return (
    <section aria-labelledby="add-heading">
      <h2 id="add-heading">Add an endpoint</h2>
      <PostForm action={p.action} token={p.token}>
        <TextInput name="url" label="Address" hint="Where messages are posted, starting https://, for example https://mis.school.example/hooks" value={p.values.url} error={err('url')} />
        <TextInput name="description" label="Name (optional)" hint="So you can tell endpoints apart, for example School MIS" value={p.values.description} error={err('description')} width="medium" />
        <Checkboxes
          name="events"
          legend="Events to send"
          hint="Messages name people and modules by id only, never answers."
          choices={WEBHOOK_EVENTS.map((e) => ({ value: e, label: e, hint: EVENT_LABELS[e] }))}
          values={p.values.events ?? []}
          error={err('events')}
        />
        {p.owners.length > 1 ? (
          <Radios
            name="orgId"
            legend="Which events it receives"
            choices={p.owners.map((o) => ({ value: o.orgId, label: o.label, hint: o.hint }))}
            value={p.values.orgId ?? p.owners[0]!.orgId}
            error={err('orgId')}
          />
        ) : null}
        <button type="submit">Add endpoint</button>
      </PostForm>
    </section>
  );
};
