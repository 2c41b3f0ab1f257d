// The app's dependency bundle and the Hono Env type that flows through app, context and middleware.
import type { Content } from '../domain/types.js';
import type { Database } from '../repos/database.js';
import type { Logger } from './logger.js';

export interface AppConfig {
  /** Bearer token for panel/admin routes until accounts exist; unset disables those routes. */
  readonly adminToken?: string | undefined;
}

export interface AppDeps {
  /** Resolves the database for a request; Workers pass their bindings, Node ignores them. */
  readonly database: (bindings: unknown) => Database;
  /** The validated content (taxonomy, questionnaire, catalogue, shipped evidence set). */
  readonly content: () => Content;
  readonly logger: Logger;
  readonly config: AppConfig | ((bindings: unknown) => AppConfig);
  /** Wall clock; injected so tests can fix it. */
  readonly now: () => Date;
}

export interface AppEnv {
  Bindings: Record<string, unknown>;
  Variables: {
    requestId: string;
    database: Database;
    content: Content;
    config: AppConfig;
  };
}
