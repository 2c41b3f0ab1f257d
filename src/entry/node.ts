// Node entry: config, better-sqlite3 database, content, HTTP server, graceful shutdown on SIGTERM/SIGINT.
import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { getShippedContent } from '../content/bundled.js';
import { loadContentFromDir } from '../content/fs.js';
import { createApp } from '../http/app.js';
import { createLogger } from '../http/logger.js';
import { openSqlite } from '../repos/drivers/sqlite.js';
import { ConfigError, loadConfig } from './config.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../repos/migrations/', import.meta.url));

function main(): void {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let content;
  try {
    content = config.CONTENT_DIR ? loadContentFromDir(config.CONTENT_DIR) : getShippedContent();
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(3);
  }
  const database = openSqlite(config.DATABASE_PATH, MIGRATIONS_DIR);
  const app = createApp({
    database: () => database,
    content: () => content,
    logger,
    config: { adminToken: config.ADMIN_TOKEN },
    now: () => new Date(),
  });
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info({ msg: 'listening', url: `http://${info.address === '::' ? 'localhost' : info.address}:${info.port}` });
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ msg: 'shutting down', signal });
    const force = setTimeout(() => {
      logger.warn({ msg: 'shutdown timed out; closing open connections' });
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    // Stop accepting; let in-flight requests finish; idle keep-alive sockets close at once.
    server.close(async () => {
      clearTimeout(force);
      await database.close();
      logger.info({ msg: 'stopped' });
      process.exit(0);
    });
    (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main();
