// Configuration from the environment: defaults, coercion, and one clear line for each bad value.
import { describe, expect, it } from 'vitest';
import { appConfig, ConfigError, loadConfig, WorkerConfigSchema } from '../../src/entry/config.js';
import { DEFAULT_RATE_LIMITS } from '../../src/http/middleware/rate-limit.js';

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
    expect(() => loadConfig({ ADMIN_TOKEN: 'short' })).toThrow(/ADMIN_TOKEN \(5 characters\) must be at least 16/);
  });

  it('never echoes a secret: a short ADMIN_TOKEN or SESSION_SECRET is named with its length only', () => {
    const token = 'tok-9f8e7d6c5';
    const secret = 'sec-0a1b2c3d4e5f6a7b8c9d';
    let msg = '';
    try {
      loadConfig({ ADMIN_TOKEN: token, SESSION_SECRET: secret });
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/ADMIN_TOKEN \(13 characters\) must be at least 16 characters/);
    expect(msg).toMatch(/SESSION_SECRET \(24 characters\) must be at least 32 characters/);
    expect(msg).not.toContain(token);
    expect(msg).not.toContain(secret);
  });

  it('reads a Worker’s bindings with the same rules: a short SESSION_SECRET is refused, not dropped; other bindings are ignored', () => {
    const bindings = { DB: { prepare() {} }, SESSION_SECRET: 'x'.repeat(20), RATE_LIMITS: 'off' };
    expect(() => loadConfig(bindings, WorkerConfigSchema)).toThrow(/^Invalid configuration: SESSION_SECRET \(20 characters\) must be at least 32/);
    expect(loadConfig({ ...bindings, SESSION_SECRET: 'y'.repeat(40) }, WorkerConfigSchema)).toEqual({
      LOG_LEVEL: 'info',
      SESSION_SECRET: 'y'.repeat(40),
      RATE_LIMITS: 'off',
      ALLOW_PRIVATE_URLS: 'off',
    });
    expect(loadConfig({ DB: {} }, WorkerConfigSchema).SESSION_SECRET).toBeUndefined();
  });

  it('asks for MAIL_FROM beside a Worker’s MAIL_API_KEY, as Node does beside SMTP_URL, without echoing the key', () => {
    const key = 're_0123456789abcdef';
    expect(() => loadConfig({ MAIL_API_KEY: key }, WorkerConfigSchema)).toThrow(/MAIL_FROM="" must be set when MAIL_API_KEY is/);
    expect(() => loadConfig({ MAIL_API_KEY: key, MAIL_API_URL: 'not a url', MAIL_FROM: 'a@b.example' }, WorkerConfigSchema)).toThrow(/MAIL_API_URL="not a url" must be an absolute URL/);
    expect(() => loadConfig({ MAIL_API_KEY: key }, WorkerConfigSchema)).not.toThrow(new RegExp(key));
  });
});

describe('appConfig', () => {
  it('turns the settings of either entry into the same app config', () => {
    const node = appConfig(loadConfig({ ADMIN_TOKEN: 'a'.repeat(20), ALLOW_PRIVATE_URLS: 'on' }), { sessionSecret: 's'.repeat(32), mailer: undefined });
    const worker = appConfig(loadConfig({ DB: {}, ADMIN_TOKEN: 'a'.repeat(20), ALLOW_PRIVATE_URLS: 'on' }, WorkerConfigSchema), { sessionSecret: 's'.repeat(32), mailer: undefined });
    expect(worker).toEqual(node);
    expect(node).toMatchObject({ adminToken: 'a'.repeat(20), allowPrivateUrls: true, rateLimits: DEFAULT_RATE_LIMITS });
    expect(appConfig(loadConfig({ RATE_LIMITS: 'off' }, WorkerConfigSchema), { sessionSecret: undefined, mailer: undefined }).rateLimits).toBeUndefined();
  });
});
