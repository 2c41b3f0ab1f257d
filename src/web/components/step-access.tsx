// Where a pathway step is taken: the provider, a "Start this module" link, live sessions with dates (and whether
// the person is booked), in-house materials, or a plain note that nothing is linked yet.
import type { FC } from 'hono/jsx';
import type { Module, ModuleSession } from '../../domain/types.js';

const TZ = 'Europe/London';

/** "Monday 4 January 2027, 9:00am to 9:45am" in UK time. */
export function sessionWhen(s: Pick<ModuleSession, 'start' | 'end'>): string {
  const part = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { ...o, timeZone: TZ }).format(new Date(s.start));
  const day = `${part({ weekday: 'long' })} ${part({ day: 'numeric' })} ${part({ month: 'long' })} ${part({ year: 'numeric' })}`;
  const time = (iso: string) => new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone: TZ }).format(new Date(iso)).replace(/\s/g, '');
  return `${day}, ${time(s.start)} to ${time(s.end)}`;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
};

export interface StepAccessProps {
  readonly module: Module;
  /** Session ids the person is booked on. */
  readonly booked?: ReadonlySet<string> | undefined;
  /** Sessions ending before this instant are not shown (ms since the epoch). */
  readonly now?: number | undefined;
}

export const StepAccess: FC<StepAccessProps> = ({ module: m, booked, now }) => {
  const sessions = (m.sessions ?? []).filter((s) => now === undefined || Date.parse(s.end) >= now);
  // The full note on an unlinked module is under "More about this step"; the step itself says it in one line.
  if (m.illustrative && !sessions.length) return <p class="access hint">No course linked yet (more below).</p>;
  const where = `${m.provider}${m.cost === 'free' ? ', free' : m.cost === 'paid' ? ', there is a charge' : ''}.${m.accreditation ? ` ${m.accreditation}.` : ''}`;
  return (
    <div class="access">
      {m.illustrative ? <p>Your setting runs live sessions of this module.</p> : null}
      {m.illustrative ? null : (
        <p>
          {m.url && !m.materials ? (
            <>
              <a href={m.url} class="start-link">
                Start this module<span class="visually-hidden">: {m.title} (opens {hostOf(m.url)})</span>
              </a>{' '}
            </>
          ) : null}
          <span class="hint">{m.url && !m.materials ? `– ${where}` : where}</span>
        </p>
      )}
      {sessions.length ? (
        <>
          <h4>Live sessions</h4>
          <ul class="list">
            {sessions.map((s) => (
              <li>
                {booked?.has(s.id) ? <strong>You are booked: </strong> : null}
                {sessionWhen(s)}
                {s.place ? `, ${s.place}` : ''}
                {s.facilitator ? `, with ${s.facilitator}` : ''}. {s.capacity} places.
                {s.onlineUrl ? (
                  <>
                    {' '}
                    <a href={s.onlineUrl}>
                      Join online<span class="visually-hidden"> on {sessionWhen(s)}</span>
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {m.materials ? (
        <>
          <h4>To run it in your setting</h4>
          <ul class="list">
            {m.materials.map((x) => (
              <li>{x}</li>
            ))}
          </ul>
          {m.url ? (
            <p>
              <a href={m.url}>
                The materials<span class="visually-hidden"> for {m.title}</span>
              </a>{' '}
              <span class="hint">Opens {hostOf(m.url)}</span>
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
};
