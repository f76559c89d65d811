import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configRun } from '../../src/commands/config.js';
import { UsageError } from '../../src/errors.js';
import { resolveSettings } from '../../src/settings.js';
import { testContext } from '../helpers/context.js';

function setup(extraEnv: Record<string, string> = {}) {
  const home = mkdtempSync(join(tmpdir(), 'nur-config-'));
  const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), ...extraEnv };
  const file = join(home, 'config', 'nur', 'config.json');
  const run = async (action: string, key?: string, value?: string, json?: boolean) => {
    const t = testContext({ env, cwd: home });
    const code = await configRun({ action, key, value, json }, t.context);
    return { code, out: t.stdout(), err: t.stderr() };
  };
  return { env, file, home, run };
}

describe('nur config', () => {
  it('prints the config file path under XDG_CONFIG_HOME', async () => {
    const { run, file } = setup();
    expect((await run('path')).out).toBe(`${file}\n`);
  });

  it('sets, gets and unsets a value, writing JSON that the read path sees', async () => {
    const { run, file, env } = setup();
    expect((await run('set', 'ttl', '6h')).code).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ttl: '6h' });
    expect((await run('get', 'ttl')).out).toBe('6h\n');
    expect(resolveSettings({ env, globals: {}, cwd: '/' }).ttlSeconds).toBe(6 * 3600);
    await run('set', 'packagesUrl', 'file:///srv/nur/packages.json');
    expect((await run('get', 'packagesUrl')).out).toBe('file:///srv/nur/packages.json\n');
    await run('unset', 'ttl');
    expect((await run('get', 'ttl')).out).toBe('3h\n');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      packagesUrl: 'file:///srv/nur/packages.json',
    });
  });

  it('lists every key with its value and source', async () => {
    const { run } = setup({ NUR_LOCK_URL: '/tmp/lock.json' });
    await run('set', 'inputPrefix', 'nur_');
    const { out } = await run('list');
    expect(out).toMatch(/^inputPrefix\s+nur_\s+\(config\)$/m);
    expect(out).toMatch(/^lockUrl\s+\/tmp\/lock\.json\s+\(env NUR_LOCK_URL\)$/m);
    expect(out).toMatch(/^ttl\s+3h\s+\(default\)$/m);
    const json = JSON.parse((await run('list', undefined, undefined, true)).out) as Record<
      string,
      { value: string; source: string }
    >;
    expect(json.inputPrefix).toEqual({ value: 'nur_', source: 'config' });
    expect(Object.keys(json)).toEqual([
      'packagesUrl',
      'reposUrl',
      'lockUrl',
      'ttl',
      'flake',
      'inputPrefix',
    ]);
  });

  it('rejects unknown keys with the list of valid keys', async () => {
    const { run, file } = setup();
    const error = await run('set', 'colour', 'red').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      'unknown config key "colour"; valid keys: packagesUrl, reposUrl, lockUrl, ttl, flake, inputPrefix',
    );
    await expect(run('get', 'nope')).rejects.toThrow(/valid keys/);
    await expect(run('unset', 'nope')).rejects.toThrow(/valid keys/);
    expect(existsSync(file)).toBe(false);
  });

  it('rejects bad values without writing them', async () => {
    const { run, file } = setup();
    await expect(run('set', 'ttl', 'soon')).rejects.toThrow(
      /invalid value for ttl: "soon": it must be a duration/,
    );
    await expect(run('set', 'inputPrefix', '9lives')).rejects.toThrow(
      /invalid value for inputPrefix/,
    );
    await expect(run('set', 'packagesUrl', 'ftp://x.test/p.json')).rejects.toThrow(/https/);
    await expect(run('set', 'ttl')).rejects.toThrow(/needs a value/);
    expect(existsSync(file)).toBe(false);
  });

  it('stores a relative path resolved against where it was set, and says so', async () => {
    const { run, file, home } = setup();
    const { code, err } = await run('set', 'packagesUrl', 'mirror/packages.json');
    expect(code).toBe(0);
    expect(err).toBe(`nur: packagesUrl set to ${join(home, 'mirror/packages.json')}\n`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      packagesUrl: join(home, 'mirror/packages.json'),
    });
    expect((await run('set', 'flake', '~/nixos-config')).err).toBe('');
  });

  it('gives one way out of a broken config file, and set does not pretend to fix it', async () => {
    const { run, file } = setup();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, 'garbage{');
    const listed = run('list');
    await expect(listed).rejects.toThrow(/is not valid JSON/);
    await expect(listed).rejects.toMatchObject({
      hint: `Fix it by hand, or delete it to start over: rm ${file}`,
    });
    await expect(run('set', 'ttl', '3h')).rejects.toMatchObject({
      hint: 'Fix it by hand, or delete it to start over.',
    });
  });

  it('refuses a file:// URL without an absolute path', async () => {
    const { run, file } = setup();
    for (const value of ['file://', 'file://packages.json']) {
      await expect(run('set', 'packagesUrl', value)).rejects.toThrow(
        /a file:\/\/ URL needs an absolute path/,
      );
    }
    expect(existsSync(file)).toBe(false);
  });

  it('rejects an unknown action and a missing key', async () => {
    const { run } = setup();
    await expect(run('delete', 'ttl')).rejects.toThrow(/unknown config action "delete"/);
    await expect(run('get')).rejects.toThrow(/needs a key/);
  });
});
