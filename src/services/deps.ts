// What every use case receives instead of a web request: the database, the content, the clock, the pieces of
// configuration it reads, who is asking, and where the service is reached. Routes build it from their request in
// one place (src/http/service-deps.ts); CLIs build it from their own database and clock (src/services/cli-deps.ts).
import type { Content } from '../domain/types.js';
import type { Mailer } from '../integrations/mail.js';
import type { HostResolver } from '../integrations/outbound-url.js';
import type { Database } from '../repos/database.js';
import type { Principal } from '../http/auth/principal.js';

/** The configuration the use cases read (a subset of the app's configuration). */
export interface ServiceConfig {
  /** Sends invites and reset links by email when set. */
  readonly mailer?: Mailer | undefined;
  /** Lets webhook endpoints use http and private or loopback addresses. */
  readonly allowPrivateUrls?: boolean | undefined;
  /** Resolves host names for the outbound URL check. */
  readonly resolveHost?: HostResolver | undefined;
}

export interface Deps {
  readonly database: Database;
  /** The validated shipped content (taxonomy, questionnaire, catalogue, shipped evidence set). */
  readonly content: Content;
  /** Wall clock; injected so tests can fix it. */
  readonly now: () => Date;
  readonly config: ServiceConfig;
  /**
   * Who is asking: the API's authenticated caller, null when the API found no credential, undefined outside the API
   * (pages and CLIs, which pass who acts explicitly).
   */
  readonly principal: Principal | null | undefined;
  /** Names the request in log lines. */
  readonly requestId: string;
  /** The service's public origin (`https://host`), for links and xAPI activity ids. */
  readonly origin: string;
  /** Runs work after the answer is sent (Workers: waitUntil; Node: the promise simply runs on). */
  readonly background: (work: Promise<unknown>) => void;
}
