// Configuration from the environment: defaults, coercion, and one clear line for each bad value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/entry/config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 8787, HOST: '127.0.0.1', DATABASE_PATH: 'var/send-pathways.sqlite', LOG_LEVEL: 'info' });
    expect(c.ADMIN_TOKEN).toBeUndefined();
  });

  it('reads and coerces given values, treating empty strings as unset', () => {
    const c = loadConfig({ PORT: '9000', HOST: '0.0.0.0', LOG_LEVEL: 'debug', DATABASE_PATH: '/tmp/x.sqlite', CONTENT_DIR: '' });
    expect(c).toMatchObject({ PORT: 9000, HOST: '0.0.0.0', LOG_LEVEL: 'debug', DATABASE_PATH: '/tmp/x.sqlite' });
    expect(c.CONTENT_DIR).toBeUndefined();
  });

  it('names each bad variable, its value and the rule, on one line', () => {
    let err: unknown;
    try {
      loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).not.toContain('\n');
    expect(msg).toMatch(/^Invalid configuration: /);
    expect(msg).toContain('PORT="eighty"');
    expect(msg).toContain('LOG_LEVEL="loud" must be one of debug, info, warn, error, silent');
  });

  it('rejects a port out of range and a short admin token', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000" must be between 1 and 65535/);
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN=.* at least 16/);
  });
});
