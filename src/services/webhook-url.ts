// Which URLs may receive webhooks or serve sign-in metadata: the outbound URL rules (integrations/outbound-url.ts),
// checked by form when an endpoint is saved and, with the runtime's resolver, by address too.
import { outboundUrlProblem, urlFormProblem, type OutboundPolicy } from '../integrations/outbound-url.js';
import type { Deps } from './deps.js';

/** Why `url` cannot be called (by its form alone), or null when it can. */
export const endpointUrlProblem = (url: string, allowPrivate: boolean): string | null => urlFormProblem(url, allowPrivate);

/** The outbound policy of this server: ALLOW_PRIVATE_URLS and the runtime's host resolver. */
export const outboundPolicy = (deps: Deps): OutboundPolicy => ({ allowPrivate: deps.config.allowPrivateUrls === true, resolve: deps.config.resolveHost });

/** Why `url` cannot be called now, by form and by every address its host resolves to; null when it can. */
export const callableUrlProblem = (deps: Deps, url: string): Promise<string | null> => outboundUrlProblem(url, outboundPolicy(deps));
