import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateRun } from '../../src/commands/update.js';
import { NurError, UsageError } from '../../src/errors.js';
import { loadCache } from '../../src/index/cache.js';
import { cacheDir } from '../../src/settings.js';
import { isolatedHome, runNur } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { fixtureIndex, fixturePath, readFixture } from '../helpers/fixtures.js';
import { shrunkPackagesJson, startIndexServer, type IndexServer } from '../helpers/index-server.js';

const FIXTURE_COUNT = fixtureIndex().packages.length;

describe('updateRun', () => {
  let server: IndexServer;
  beforeAll(async () => {
    server = await startIndexServer();
  });
  afterAll(async () => {
    await server.close();
  });

  function setup() {
    const home = mkdtempSync(join(tmpdir(), 'nur-update-'));
    const env = {
      HOME: home,
      XDG_CACHE_HOME: join(home, 'cache'),
      NUR_PACKAGES_URL: server.url('/packages.json'),
      NUR_REPOS_URL: server.url('/repos.json'),
      NUR_LOCK_URL: server.url('/repos.json.lock'),
      NUR_HTTP_RETRY_DELAY_MS: '10',
    };
    return {
      env,
      dir: cacheDir(env),
      run: (force = false, offline = false) => {
        const t = testContext({ env, cwd: home, globals: { offline } });
        return updateRun({ force }, t.context).then((code) => ({ code, ...t }));
      },
    };
  }

  it('prints a summary of a first download, then "not modified"', async () => {
    const { run } = setup();
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.stdout()).toContain(`Updated the NUR index: 1,473 packages from 243 repos`);
    expect(first.stdout()).toMatch(
      /packages\s+http:\/\/127\.0\.0\.1:\d+\/packages\.json\s+\(updated, 3\.6 MB\)/,
    );
    const second = await run();
    expect(second.stdout()).toContain('The NUR index is up to date (not modified)');
    expect(second.stdout()).toMatch(/repos\s+\S+\s+\(not modified\)/);
  });

  it('--force downloads again and accepts a shrunk index', async () => {
    const { run, dir } = setup();
    await run();
    server.route('/packages.json', { body: shrunkPackagesJson(100) });
    try {
      await expect(run()).rejects.toThrow(/fewer than half/);
      expect(loadCache(dir)).toMatchObject({ status: 'ok', meta: { packageCount: FIXTURE_COUNT } });
      const forced = await run(true);
      expect(forced.stdout()).toContain('Updated the NUR index: 100 packages');
      expect(forced.stdout()).toContain(
        `0 new, ${(FIXTURE_COUNT - 100).toLocaleString('en-US')} gone`,
      );
    } finally {
      server.route('/packages.json', {
        body: (await import('node:fs')).readFileSync(fixturePath('packages.json')),
      });
    }
  });

  it('refuses an index whose entries were emptied, instead of calling it the same packages', async () => {
    const { run, dir } = setup();
    await run();
    const raw = JSON.parse(readFixture('packages.json')) as Record<string, unknown>;
    server.route('/packages.json', {
      body: JSON.stringify(Object.fromEntries(Object.keys(raw).map((key) => [key, {}]))),
    });
    try {
      await expect(run()).rejects.toThrow(
        /only 0 of its 1473 packages have a name, version or description, fewer than half of the \d+ cached \(use `nur update --force` to accept it\)/,
      );
      const cached = loadCache(dir);
      const goat =
        cached.status === 'ok' && cached.index.packages.find((p) => p.ref === 'mic92.goatcounter');
      expect(goat && goat.version).toBe(
        fixtureIndex().packages.find((p) => p.ref === 'mic92.goatcounter')?.version,
      );
    } finally {
      server.route('/packages.json', { body: readFixture('packages.json') });
    }
  });

  it('refuses a lock that lost its revisions unless --force, and a lock of {} always', async () => {
    const { run, dir } = setup();
    await run();
    const lockedRev = fixtureIndex().repos.mic92?.lockedRev;
    const cachedRev = () => {
      const cached = loadCache(dir);
      return cached.status === 'ok' ? cached.index.repos.mic92?.lockedRev : 'no cache';
    };
    try {
      server.route('/repos.json.lock', { body: '{}' });
      await expect(run(true)).rejects.toThrow(/repos\.json\.lock: it has no "repos" object/);
      expect(cachedRev()).toBe(lockedRev);
      server.route('/repos.json.lock', { body: '{"repos": {}}' });
      const error = await run().catch((e: unknown) => e);
      expect((error as Error).message).toMatch(
        /^rejected the download of \S+\/repos\.json\.lock: it locks 0 of \d+ repos, .*`nur update --force`/,
      );
      expect((error as NurError).hint).toBe('The last good cache is kept.');
      expect(cachedRev()).toBe(lockedRev);
      expect((await run(true)).code).toBe(0);
      expect(cachedRev()).toBeUndefined();
    } finally {
      server.route('/repos.json.lock', { body: readFixture('repos.json.lock') });
    }
  });

  it('refuses to run with --offline for network sources', async () => {
    const { run } = setup();
    await expect(run(false, true)).rejects.toBeInstanceOf(UsageError);
    expect(server.requests.some((r) => r.path === '/none')).toBe(false);
  });

  it('rebuilds a corrupt cache with a warning', async () => {
    const { run, dir } = setup();
    await run();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'meta.json'), '{"format": 1');
    const again = await run();
    expect(again.stderr()).toContain('warning: the cache was corrupt');
    expect(loadCache(dir).status).toBe('ok');
  });
});

describe('nur update through the built CLI', () => {
  const fileEnv = () => ({
    NUR_REPOS_URL: fixturePath('repos.json'),
    NUR_LOCK_URL: pathToFileURL(fixturePath('repos.json.lock')).href,
  });

  it('builds a cache from file:// fixtures, after which nur repos lists real repos offline', async () => {
    const { env } = isolatedHome();
    const packagesUrl = pathToFileURL(fixturePath('packages.json')).href;
    const update = await runNur(['update', '--index-url', packagesUrl], {
      env: { ...env, ...fileEnv() },
    });
    expect(update.stderr).toBe('');
    expect(update.exitCode).toBe(0);
    expect(update.stdout).toContain('1,473 packages');
    const cached = loadCache(cacheDir(env));
    expect(cached.status === 'ok' && cached.index.packages.length).toBe(FIXTURE_COUNT);

    const repos = await runNur(['repos', 'mic92', '--offline'], { env });
    expect(repos.exitCode).toBe(0);
    expect(repos.stdout).toMatch(
      /^mic92\s+8\s+github\s+https:\/\/github\.com\/Mic92\/nur-packages\s+[0-9a-f]{7}$/m,
    );
    const all = await runNur(['repos', '--json'], { env });
    expect(all.exitCode).toBe(0);
    expect((JSON.parse(all.stdout) as unknown[]).length).toBeGreaterThanOrEqual(563);
  });

  it('leaves a valid cache when two updates run at once', async () => {
    const { env } = isolatedHome();
    const args = ['update', '--force', '--index-url', fixturePath('packages.json')];
    const runs = await Promise.all([
      runNur(args, { env: { ...env, ...fileEnv() } }),
      runNur(args, { env: { ...env, ...fileEnv() } }),
    ]);
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0]);
    const cached = loadCache(cacheDir(env));
    expect(cached.status === 'ok' && cached.index.packages.length).toBe(FIXTURE_COUNT);
  });

  it('--help says what a shrunk download is and that --force accepts it', async () => {
    const help = await runNur(['update', '--help']);
    expect(help.exitCode).toBe(0);
    const text = help.stdout.replace(/\s+/g, ' ');
    expect(text).toContain(
      '--force download everything again (ignoring ETags) and accept a download that shrank',
    );
    expect(text).toContain('fewer than half as many with a name, version or description');
    expect(text).toContain('repos.json.lock with fewer than half as many locked revisions');
    expect(text).not.toContain('the size');
  });

  it('fails with one clear line and a hint when the index file is missing', async () => {
    const { env, home } = isolatedHome();
    const result = await runNur(['update', '--index-url', join(home, 'missing.json')], {
      env: { ...env, ...fileEnv() },
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(
      /^nur: cannot read .*missing\.json: no such file$/,
    );
  });

  it('says a directory given as the index is a directory, not a raw EISDIR', async () => {
    const { env, home } = isolatedHome();
    const result = await runNur(['update', '--index-url', home], {
      env: { ...env, ...fileEnv() },
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      `nur: cannot read ${home}: it is a directory; name the file in it`,
    );
  });
});
