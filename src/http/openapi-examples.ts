// Examples in the OpenAPI document: real requests and responses recorded from the tests against the Node app
// (`npm run openapi:examples` writes openapi-examples.json), shortened, and checked against their schemas there.
// Each is attached to its operation's JSON request body and to the responses with the recorded statuses and types.
import recorded from './openapi-examples.json';

interface Example {
  readonly request?: unknown;
  /** One response per success status; `type` names a body that is not JSON (e.g. text/csv), the body then its text. */
  readonly responses?: Readonly<Record<string, { readonly body: unknown; readonly type?: string }>>;
}
type Media = { example?: unknown };
type Operation = { requestBody?: { content?: Record<string, Media> }; responses?: Record<string, { content?: Record<string, Media> }> };

/** `doc` with each recorded example on its operation ("METHOD /template"); operations without one are left as they are. */
export function withExamples<T extends { paths?: object | undefined }>(doc: T, examples: Readonly<Record<string, Example>> = recorded): T {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation | undefined> | undefined>;
  for (const [key, example] of Object.entries(examples)) {
    const [method, template] = key.split(' ') as [string, string];
    const op = paths[template]?.[method.toLowerCase()];
    if (!op) continue;
    const body = op.requestBody?.content?.['application/json'];
    if (body && example.request !== undefined) body.example = example.request;
    for (const [status, recorded] of Object.entries(example.responses ?? {})) {
      const media = op.responses?.[status]?.content?.[recorded.type ?? 'application/json'];
      if (media) media.example = recorded.body;
    }
  }
  return doc;
}
