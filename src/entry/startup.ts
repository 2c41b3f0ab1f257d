// Node start-up checks that end in one line naming the setting and what to do (never a stack trace or a secret):
// the database path and its folder, a read-only or foreign file, and the port; and noticing that the process that
// started the server (npm) has gone, so the server never outlives it.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openSqlite, type SqliteDatabase } from '../repos/drivers/sqlite.js';
import { DEFAULT_DATABASE } from './config.js';

/** A start-up failure: `message` is the one line to print, `exitCode` what the process exits with. */
export class StartupError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const code = (e: unknown): string => (e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '');

/** Why the folder of a typed DATABASE_PATH cannot hold the database, or null when it can. */
function folderProblem(path: string): string | null {
  const folder = dirname(resolve(path));
  try {
    if (statSync(folder).isDirectory()) return null;
    return `"${folder}" is not a folder; correct the path`;
  } catch (e) {
    if (code(e) === 'ENOTDIR') return `part of "${folder}" is a file, not a folder; correct the path`;
    if (code(e) === 'ENOENT') return `the folder "${folder}" does not exist; create it first (mkdir -p "${folder}") or correct the path`;
    return `the folder "${folder}" cannot be read (${code(e) || 'error'}); check its permissions`;
  }
}

/** The one line for an error while opening the database file. */
function openProblem(e: unknown): string {
  const c = code(e);
  if (c === 'SQLITE_NOTADB') return 'is not an SQLite database; point DATABASE_PATH at the service’s database, or at a new file name';
  if (c.startsWith('SQLITE_READONLY') || c === 'EACCES' || c === 'EROFS' || c === 'EPERM') {
    return 'cannot be written (a read-only file, folder or disk); make it writable by the user running the service';
  }
  if (c === 'SQLITE_CANTOPEN') return 'cannot be opened; check the path and its permissions';
  if (c === 'SQLITE_CORRUPT') return 'is damaged; restore it from a backup';
  if (c === 'SQLITE_FULL' || c === 'ENOSPC') return 'cannot be written because the disk is full; free some space';
  return `cannot be opened (${c || (e instanceof Error ? e.message.split('\n')[0] : 'unknown error')})`;
}

/**
 * Opens the Node database for the server. The default path's folder (var/) is created on first start; a typed
 * path's folder must exist, so a mistyped folder never starts an empty database somewhere unexpected. The database
 * must take writes. `notice` hears about a new database created at a typed path, in case the path was mistyped.
 */
export async function openServerDatabase(path: string, migrationsDir: string, notice: (line: string) => void): Promise<SqliteDatabase> {
  const isDefault = path === DEFAULT_DATABASE;
  const label = isDefault ? `DATABASE_PATH (default ${DEFAULT_DATABASE})` : `DATABASE_PATH=${JSON.stringify(path)}`;
  if (path !== ':memory:') {
    if (isDefault) {
      try {
        mkdirSync(dirname(path), { recursive: true });
      } catch (e) {
        throw new StartupError(`${label}: cannot create the folder "${dirname(path)}" (${code(e)}); start from a writable folder or set DATABASE_PATH`, 4);
      }
    } else {
      const problem = folderProblem(path);
      if (problem) throw new StartupError(`${label}: ${problem}.`, 4);
    }
    try {
      if (statSync(path).isDirectory()) throw new StartupError(`${label} is a folder; give a file path inside it, e.g. ${JSON.stringify(path.replace(/\/?$/, '/send-pathways.sqlite'))}.`, 4);
    } catch (e) {
      if (e instanceof StartupError) throw e;
    }
  }
  let database: SqliteDatabase;
  try {
    database = openSqlite(path, migrationsDir, { createFolder: false });
  } catch (e) {
    throw new StartupError(`${label} ${openProblem(e)}.`, 4);
  }
  if (!(await database.writable())) {
    await database.close();
    throw new StartupError(`${label} ${openProblem({ code: 'SQLITE_READONLY' })}.`, 4);
  }
  if (database.created && !isDefault) notice(`created a new, empty database at ${resolve(path)}; if you meant an existing one, stop and correct DATABASE_PATH`);
  return database;
}

/** The one line for a listen error. */
export function listenProblem(e: unknown, host: string, port: number): string {
  const c = code(e);
  if (c === 'EADDRINUSE') return `PORT=${port}: the port is already in use on ${host}; stop the other server or choose another PORT.`;
  if (c === 'EACCES') return `PORT=${port}: not allowed to listen on this port; choose a PORT above 1023.`;
  if (c === 'EADDRNOTAVAIL' || c === 'ENOTFOUND' || c === 'EAI_AGAIN') return `HOST=${JSON.stringify(host)}: not an address of this machine; use 127.0.0.1, 0.0.0.0 or one of its addresses.`;
  return `PORT=${port} HOST=${JSON.stringify(host)}: cannot listen (${c || 'error'}).`;
}

/**
 * Calls `onGone` once when the parent process exits (the process is re-parented). npm may exit on SIGTERM without
 * passing the signal on; this is how the server still stops rather than running on as an orphan holding the port.
 */
export function watchParent(onGone: () => void, everyMs = 500): void {
  const parent = process.ppid;
  if (parent <= 1) return;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
}
