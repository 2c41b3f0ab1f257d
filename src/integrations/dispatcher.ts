// The Node process's background sender: every few seconds, one webhook tick (and the mail queue when configured),
// never two at once; stop() waits for the tick in progress so shutdown leaves nothing half-sent.
import type { Logger } from '../http/logger.js';

export interface Dispatcher {
  stop(): Promise<void>;
}

/** Runs `tick` every `intervalMs`; errors are logged and the next tick tries again. */
export function startDispatcher(tick: () => Promise<unknown>, logger: Logger, intervalMs: number): Dispatcher {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = tick()
      .catch((e: unknown) => logger.error({ msg: 'background delivery failed', error: String(e) }))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  (timer as { unref?: () => void }).unref?.();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
