// Node entry: config, better-sqlite3 database, content, HTTP server, graceful shutdown on SIGTERM/SIGINT (or when
// the process that started it goes). Every start-up failure is one line on stderr and a non-zero exit.
import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { fileURLToPath } from 'node:url';
import { getShippedContent } from '../content/bundled.js';
import { loadContentFromDir } from '../content/fs.js';
import { createApp } from '../http/app.js';
import { createLogger } from '../http/logger.js';
import { startDispatcher } from '../integrations/dispatcher.js';
import { backgroundTick } from '../integrations/background.js';
import { nodeResolver } from '../integrations/resolve-node.js';
import { smtpMailer } from '../integrations/mail-smtp.js';
import { appConfig, ConfigError, loadConfig } from './config.js';
import { sessionSecret } from './session-secret.js';
import { listenProblem, openServerDatabase, StartupError, watchParent } from './startup.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../repos/migrations/', import.meta.url));

/** Prints the one line and exits with `code`. */
function fail(line: string, code: number): never {
  console.error(line);
  process.exit(code);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message, 2);
    throw e;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let content;
  try {
    content = config.CONTENT_DIR ? loadContentFromDir(config.CONTENT_DIR) : getShippedContent();
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e), 3);
  }
  let database;
  try {
    database = await openServerDatabase(config.DATABASE_PATH, MIGRATIONS_DIR, (line) => logger.warn({ msg: line }));
  } catch (e) {
    if (e instanceof StartupError) fail(e.message, e.exitCode);
    throw e;
  }
  let secret;
  try {
    secret = sessionSecret(config.SESSION_SECRET, config.DATABASE_PATH);
  } catch (e) {
    await database.close();
    fail(`SESSION_SECRET is unset and the generated key beside the database cannot be kept (${(e as { code?: string }).code ?? 'error'}); set SESSION_SECRET (32+ characters) or make the folder writable.`, 4);
  }
  const mailer = config.SMTP_URL ? smtpMailer(config.SMTP_URL, config.MAIL_FROM!) : undefined;
  const app = createApp({
    database: () => database,
    content: () => content,
    logger,
    config: appConfig(config, { sessionSecret: secret, mailer, resolveHost: nodeResolver }),
    clientAddress: (c) => getConnInfo(c).remote.address,
    now: () => new Date(),
  });
  const publicUrl = (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
  const dispatcher = startDispatcher(() => backgroundTick(database, content, mailer, publicUrl, undefined, { allowPrivate: config.ALLOW_PRIVATE_URLS === 'on', resolve: nodeResolver }), logger, config.DELIVERY_INTERVAL_MS);
  // Count requests in flight so shutdown can wait for exactly those, not for idle keep-alive sockets.
  let inFlight = 0;
  let onIdle: (() => void) | undefined;
  const fetch = async (req: Request, env: HttpBindings | Http2Bindings) => {
    inFlight++;
    try {
      return await app.fetch(req, env);
    } finally {
      inFlight--;
      if (inFlight === 0) onIdle?.();
    }
  };
  const server = serve({ fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info({ msg: 'listening', url: `http://${info.address === '::' ? 'localhost' : info.address}:${info.port}`, pid: process.pid });
  });
  server.once('error', (e) => {
    void database.close().finally(() => fail(listenProblem(e, config.HOST, config.PORT), 5));
  });
  const sockets = server as unknown as { closeAllConnections?: () => void; closeIdleConnections?: () => void };

  let stopping = false;
  let finished = false;
  const finish = async () => {
    if (finished) return;
    finished = true;
    clearTimeout(force);
    sockets.closeAllConnections?.();
    await dispatcher.stop();
    mailer?.close();
    await database.close();
    logger.info({ msg: 'stopped' });
    // Let stdout drain (pipe writes are asynchronous) rather than exiting at once.
    process.exitCode = 0;
    setTimeout(() => process.exit(0), 500).unref();
  };
  let force: ReturnType<typeof setTimeout> | undefined;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ msg: 'shutting down', signal, inFlight });
    // Stop accepting; in-flight requests finish; then the database closes. A ref'd timer bounds the wait.
    server.close();
    sockets.closeIdleConnections?.();
    force = setTimeout(() => {
      logger.warn({ msg: 'shutdown timed out; closing open connections', inFlight });
      void finish();
    }, config.SHUTDOWN_TIMEOUT_MS);
    if (inFlight === 0) void finish();
    else onIdle = () => void finish();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGHUP', () => stop('SIGHUP'));
  watchParent(() => stop('parent exited'));
}

void main();
