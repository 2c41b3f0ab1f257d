// The use cases' dependencies for a command-line tool: its own database and content, the wall clock, no caller
// (the tool names who acts where a rule needs it) and work after the answer simply run on.
import type { Content } from '../domain/types.js';
import type { Database } from '../repos/database.js';
import type { Deps } from './deps.js';

/** Deps for a CLI; `origin` (for links it prints) defaults to PUBLIC_URL, else http://localhost:8787. */
export function cliDeps(database: Database, content: Content, overrides: Partial<Deps> = {}): Deps {
  return {
    database,
    content,
    now: () => new Date(),
    config: {},
    principal: undefined,
    requestId: 'cli',
    origin: (process.env.PUBLIC_URL || 'http://localhost:8787').replace(/\/+$/, ''),
    background: () => {},
    ...overrides,
  };
}
