// JSON-lines logger through console, which both Node (stdout) and Workers Logs ingest. Never logs answers.
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(fields: Record<string, unknown>): void;
  info(fields: Record<string, unknown>): void;
  warn(fields: Record<string, unknown>): void;
  error(fields: Record<string, unknown>): void;
}

/** A logger that writes one JSON object per line at or above `level` (a value, or a getter read per line). */
export function createLogger(level: LogLevel | (() => LogLevel), sink: (line: string) => void = (l) => console.log(l)): Logger {
  const current = typeof level === 'function' ? level : () => level;
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (fields: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(lvl) >= LOG_LEVELS.indexOf(current())) sink(JSON.stringify({ level: lvl, ...fields }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
