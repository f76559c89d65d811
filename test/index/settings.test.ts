import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  cacheDir,
  configDir,
  configValueProblem,
  DEFAULT_PACKAGES_URL,
  parseTtl,
  resolveSettings,
} from '../../src/settings.js';

function withConfig(config: unknown) {
  const home = mkdtempSync(join(tmpdir(), 'nur-settings-'));
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config') };
  mkdirSync(configDir(env), { recursive: true });
  writeFileSync(
    join(configDir(env), 'config.json'),
    typeof config === 'string' ? config : JSON.stringify(config),
  );
  return { home, env };
}

describe('parseTtl', () => {
  it('reads minutes, hours, days and plain seconds', () => {
    expect(parseTtl('90m')).toBe(5400);
    expect(parseTtl('3h')).toBe(10_800);
    expect(parseTtl('1d')).toBe(86_400);
    expect(parseTtl('600')).toBe(600);
    expect(parseTtl(' 2H ')).toBe(7200);
  });
  it('rejects anything else', () => {
    for (const bad of ['', 'h', '3 hours', '-1', '1.5h', '1w'])
      expect(parseTtl(bad)).toBeUndefined();
  });
});

describe('resolveSettings', () => {
  it('uses the real NUR URLs and defaults with no config', () => {
    const settings = resolveSettings({ env: { HOME: '/nonexistent' }, globals: {}, cwd: '/work' });
    expect(settings.packagesUrl).toBe(DEFAULT_PACKAGES_URL);
    expect(settings.ttlSeconds).toBe(3 * 3600);
    expect(settings.flake).toBe('/work/flake.nix');
    expect(settings.inputPrefix).toBe('nur-');
  });

  it('ranks --index-url over env over config over default', () => {
    const { env } = withConfig({
      packagesUrl: '/from/config.json',
      reposUrl: '/cfg/repos.json',
      ttl: '1d',
    });
    const base = { globals: {}, cwd: '/' };
    expect(resolveSettings({ ...base, env }).packagesUrl).toBe('/from/config.json');
    expect(resolveSettings({ ...base, env }).ttlSeconds).toBe(86_400);
    const withEnv = { ...env, NUR_PACKAGES_URL: 'http://env.test/p.json', NUR_CACHE_TTL: '90m' };
    expect(resolveSettings({ ...base, env: withEnv }).packagesUrl).toBe('http://env.test/p.json');
    expect(resolveSettings({ ...base, env: withEnv }).ttlSeconds).toBe(5400);
    expect(
      resolveSettings({ cwd: '/', env: withEnv, globals: { indexUrl: 'file:///flag.json' } })
        .packagesUrl,
    ).toBe('file:///flag.json');
    expect(resolveSettings({ ...base, env: withEnv }).reposUrl).toBe('/cfg/repos.json');
  });

  it('names the source of a bad value', () => {
    const { env } = withConfig({ ttl: 'soon' });
    expect(() => resolveSettings({ env, globals: {}, cwd: '/' })).toThrow(
      /invalid ttl "soon" from .*config\.json/,
    );
    expect(() =>
      resolveSettings({ env: { HOME: '/x', NUR_CACHE_TTL: 'never' }, globals: {}, cwd: '/' }),
    ).toThrow(/from NUR_CACHE_TTL/);
  });

  it('reports a config file that is not JSON with a hint', () => {
    const { env } = withConfig('{ttl: 3h');
    expect(() => resolveSettings({ env, globals: {}, cwd: '/' })).toThrow(/not valid JSON/);
  });

  it('honours XDG_CACHE_HOME and falls back to ~/.cache', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/c', HOME: '/h' })).toBe('/c/nur');
    expect(cacheDir({ HOME: '/h' })).toBe('/h/.cache/nur');
    expect(configDir({ HOME: '/h' })).toBe('/h/.config/nur');
  });
});

describe('configValueProblem', () => {
  it('accepts URLs, paths and valid prefixes; rejects other schemes and bad identifiers', () => {
    expect(configValueProblem('packagesUrl', 'https://x.test/p.json')).toBeUndefined();
    expect(configValueProblem('packagesUrl', './local.json')).toBeUndefined();
    expect(configValueProblem('packagesUrl', 'ftp://x.test/p.json')).toMatch(/https/);
    expect(configValueProblem('inputPrefix', 'nur_')).toBeUndefined();
    expect(configValueProblem('inputPrefix', '1nur')).toBeDefined();
    expect(configValueProblem('inputPrefix', 'a b')).toBeDefined();
    expect(configValueProblem('flake', '  ')).toMatch(/empty/);
  });
  it('is a UsageError when it reaches resolveSettings', () => {
    try {
      resolveSettings({
        env: { HOME: '/x', NUR_PACKAGES_URL: 'gopher://x' },
        globals: {},
        cwd: '/',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError);
    }
  });
});
