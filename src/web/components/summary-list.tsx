// GOV.UK-style summary list: key, value and an optional "Change" link whose hidden text names what changes.
import type { Child, FC } from 'hono/jsx';

export interface SummaryRow {
  readonly key: Child;
  readonly value: Child;
  readonly change?: { readonly href: string; readonly what: string } | undefined;
}

export const SummaryList: FC<{ rows: readonly SummaryRow[] }> = ({ rows }) => (
  <dl class="summary">
    {rows.map((r) => (
      <div class="summary-row">
        <dt>{r.key}</dt>
        <dd>{r.value}</dd>
        {r.change ? (
          <dd class="summary-action">
            <a href={r.change.href}>
              Change<span class="visually-hidden"> {r.change.what}</span>
            </a>
          </dd>
        ) : (
          <dd class="summary-action"></dd>
        )}
      </div>
    ))}
  </dl>
);
