// An offline, server-rendered API reference page built from the OpenAPI document (no CDN, no client script).
import type { FC } from 'hono/jsx';

type Json = Record<string, unknown>;

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly op: Json;
}

function operations(doc: Json): Map<string, Operation[]> {
  const byTag = new Map<string, Operation[]>();
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = ((op.tags as string[] | undefined) ?? ['Other'])[0] ?? 'Other';
      const list = byTag.get(tag) ?? [];
      list.push({ method: method.toUpperCase(), path, op });
      byTag.set(tag, list);
    }
  }
  return byTag;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function schemaOf(content: unknown): unknown {
  const c = content as Record<string, { schema?: unknown }> | undefined;
  if (!c) return undefined;
  const first = Object.values(c)[0];
  return first?.schema;
}

const Schema: FC<{ schema: unknown; doc: Json; label?: string }> = ({ schema, doc, label = 'Schema' }) => {
  if (!schema) return null;
  const ref = (schema as { $ref?: string }).$ref;
  const name = ref?.split('/').pop();
  const resolved = name ? ((doc.components as Json | undefined)?.schemas as Json | undefined)?.[name] : schema;
  return (
    <details>
      <summary>{name ? `${label}: ${name}` : label}</summary>
      <pre tabindex={0}>{JSON.stringify(resolved, null, 2)}</pre>
    </details>
  );
};

function exampleOf(content: unknown): unknown {
  const c = content as Record<string, { example?: unknown }> | undefined;
  return c ? Object.values(c)[0]?.example : undefined;
}

/** A recorded example (see src/http/openapi-examples.ts), collapsed until opened. */
const Example: FC<{ label: string; value: unknown }> = ({ label, value }) =>
  value === undefined ? null : (
    <details>
      <summary>{label}</summary>
      <pre tabindex={0}>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );

interface Parameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly description?: string;
  readonly schema?: { type?: unknown; enum?: unknown[] };
}

/** The operation's path, query and header parameters as a table. */
const Parameters: FC<{ list: readonly Parameter[]; label: string }> = ({ list, label }) =>
  list.length === 0 ? null : (
    <>
      <h4>Parameters</h4>
      <div class="table-wrap" tabindex={0} role="region" aria-label={label}>
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">In</th>
              <th scope="col">Required</th>
              <th scope="col">Type</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr>
                <td>
                  <code>{p.name}</code>
                </td>
                <td>{p.in}</td>
                <td>{p.required ? 'yes' : 'no'}</td>
                <td>{p.schema?.enum ? p.schema.enum.join(', ') : String(p.schema?.type ?? '')}</td>
                <td>{p.description ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );

/** "Needs credentials: apiKey (scope staff:read) or sessionCookie.", or "Credentials optional: …" for public operations. */
function credentials(security: readonly Record<string, string[]>[]): string {
  const named = security.filter((s) => Object.keys(s).length > 0);
  const list = named.map((s) => Object.entries(s).map(([scheme, scopes]) => (scopes.length ? `${scheme} (scope ${scopes.join(', ')})` : scheme)).join(' and ')).join(' or ');
  if (!named.length) return 'No credentials needed.';
  return named.length < security.length ? `Credentials optional: ${list}.` : `Needs credentials: ${list}.`;
}

export const ApiReference: FC<{ doc: Json }> = ({ doc }) => {
  const groups = operations(doc);
  const info = (doc.info ?? {}) as Json;
  return (
    <>
      <h1>API reference</h1>
      <p>
        {String(info.description ?? '')} Version {String(info.version ?? '')}. The machine-readable contract is{' '}
        <a href="/openapi.json">/openapi.json</a> (OpenAPI {String(doc.openapi ?? '')}).
      </p>
      <p>
        Every error is <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>,{' '}
        <code>status</code>, <code>detail</code>, the <code>requestId</code>, and for validation an <code>errors</code> list of{' '}
        <code>{'{ path, message }'}</code>.
      </p>
      <nav aria-label="Sections of the API">
        <ul>
          {[...groups.keys()].map((tag) => (
            <li>
              <a href={`#${slug(tag)}`}>{tag}</a>
            </li>
          ))}
        </ul>
      </nav>
      {[...groups.entries()].map(([tag, ops]) => (
        <section aria-labelledby={slug(tag)}>
          <h2 id={slug(tag)}>{tag}</h2>
          {ops.map(({ method, path, op }) => {
            const responses = (op.responses ?? {}) as Record<string, Json>;
            const body = (op.requestBody as Json | undefined)?.content;
            const security = op.security as unknown[] | undefined;
            return (
              <article class="panel" aria-labelledby={`op-${slug(method + path)}`}>
                <h3 id={`op-${slug(method + path)}`}>
                  <code>
                    {method} {path}
                  </code>
                </h3>
                <p>{String(op.summary ?? '')}</p>
                {security && security.length ? <p>{credentials(security as Record<string, string[]>[])}</p> : null}
                <Parameters list={(op.parameters as Parameter[] | undefined) ?? []} label={`Parameters of ${method} ${path}`} />
                {body ? (
                  <>
                    <h4>Request body</h4>
                    <Schema schema={schemaOf(body)} doc={doc} />
                    <Example label="Example request" value={exampleOf(body)} />
                  </>
                ) : null}
                <h4>Responses</h4>
                <div class="table-wrap" tabindex={0} role="region" aria-label={`Responses of ${method} ${path}`}>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Status</th>
                        <th scope="col">Meaning</th>
                      </tr>
                    </thead>
                    <tbody>
                      {Object.entries(responses).map(([status, r]) => (
                        <tr>
                          <td>{status}</td>
                          <td>{String(r.description ?? '')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {Object.entries(responses).map(([status, r]) => (
                  <>
                    <Schema schema={schemaOf(r.content)} doc={doc} label={`Schema of the ${status} response`} />
                    <Example label={`Example ${status} response`} value={exampleOf(r.content)} />
                  </>
                ))}
              </article>
            );
          })}
        </section>
      ))}
    </>
  );
};
