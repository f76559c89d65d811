import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Env } from '../../src/context.js';
import { NurError } from '../../src/errors.js';
import { loadCache, NAMES_FILE } from '../../src/index/cache.js';
import { FetchError } from '../../src/index/fetch.js';
import { openIndex } from '../../src/index/open.js';
import { IndexRejectedError, refreshIndex } from '../../src/index/refresh.js';
import { cacheDir, resolveSettings } from '../../src/settings.js';
import { testContext } from '../helpers/context.js';
import { fixtureIndex, fixturePath, readFixture } from '../helpers/fixtures.js';
import {
  FIXTURE_ROUTES,
  shrunkPackagesJson,
  startIndexServer,
  type IndexServer,
} from '../helpers/index-server.js';

const T0 = new Date('2026-03-01T12:00:00.000Z');
const hoursLater = (h: number) => new Date(T0.getTime() + h * 3_600_000);
const FIXTURE_COUNT = fixtureIndex().packages.length;

let server: IndexServer;
let home: string;

beforeEach(async () => {
  server = await startIndexServer();
  home = mkdtempSync(join(tmpdir(), 'nur-refresh-'));
});
afterEach(async () => {
  await server.close();
});

function envFor(extra: Env = {}): Env {
  return {
    HOME: home,
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_CONFIG_HOME: join(home, 'config'),
    NUR_PACKAGES_URL: server.url('/packages.json'),
    NUR_REPOS_URL: server.url('/repos.json'),
    NUR_LOCK_URL: server.url('/repos.json.lock'),
    NUR_HTTP_TIMEOUT_MS: '3000',
    NUR_HTTP_RETRIES: '2',
    NUR_HTTP_RETRY_DELAY_MS: '20',
    ...extra,
  };
}

function contextAt(now: Date, options: { env?: Env; offline?: boolean; isTTY?: boolean } = {}) {
  return testContext({
    env: options.env ?? envFor(),
    now,
    cwd: home,
    isTTY: options.isTTY,
    globals: { offline: options.offline },
  });
}

const dir = () => cacheDir({ XDG_CACHE_HOME: join(home, 'cache') });
const packagesHits = () => server.requests.filter((r) => r.path === '/packages.json');

/** The previous cache is still there, loads, and has every fixture package. */
function expectCacheIntact(fetchedAt = T0.toISOString()) {
  const cached = loadCache(dir());
  expect(cached.status).toBe('ok');
  if (cached.status !== 'ok') return;
  expect(cached.index.packages).toHaveLength(FIXTURE_COUNT);
  expect(cached.index.packages.some((p) => p.ref === 'mic92.goatcounter')).toBe(true);
  expect(cached.meta.fetchedAt).toBe(fetchedAt);
}

async function primeCache() {
  const { context } = contextAt(T0);
  await openIndex(context);
  server.requests.length = 0;
}

describe('openIndex over HTTP', () => {
  it('downloads, caches and returns the whole index on first use', async () => {
    const { context, stderr } = contextAt(T0);
    const index = await openIndex(context);
    expect(index.packages).toEqual(fixtureIndex().packages);
    expect(index.repos).toEqual(fixtureIndex().repos);
    expect(stderr()).toBe('');
    const cached = loadCache(dir());
    expect(cached.status).toBe('ok');
    if (cached.status !== 'ok') return;
    expect(cached.meta.sources.packages.etag).toMatch(/^"/);
    expect(cached.meta.sources.packages.lastModified).toContain('GMT');
    expect(cached.meta.packageCount).toBe(FIXTURE_COUNT);
    const names = readFileSync(join(dir(), NAMES_FILE), 'utf8').split('\n');
    expect(names).toContain('mic92.goatcounter');
    expect(names).toContain('@mic92');
  });

  it('uses a fresh cache without touching the network', async () => {
    await primeCache();
    const { context } = contextAt(hoursLater(1));
    const index = await openIndex(context);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
    expect(server.requests).toHaveLength(0);
  });

  it('downloads again, without an error, over a cache written in another cache format', async () => {
    await primeCache();
    const metaFile = join(dir(), 'meta.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(metaFile, JSON.stringify({ ...meta, format: 2 }));
    const { context, stderr } = contextAt(hoursLater(1));
    const index = await openIndex(context);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
    expect(packagesHits()).toHaveLength(1);
    expect(packagesHits()[0]!.headers['if-none-match']).toBeUndefined();
    expect(stderr()).toBe('');
    expectCacheIntact(hoursLater(1).toISOString());
  });

  it('says the cache is from another version of nur when it cannot download a new one', async () => {
    await primeCache();
    const metaFile = join(dir(), 'meta.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(metaFile, JSON.stringify({ ...meta, format: 2 }));
    server.route('/packages.json', { body: '', behaviour: { kind: 'status', status: 404 } });
    const { context } = contextAt(hoursLater(1));
    const error = await openIndex(context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NurError);
    expect((error as NurError).message).toMatch(
      /^the cached index was written by another version of nur and downloading it failed: .*404/,
    );
    expect((error as NurError).hint).toContain('nur update');
  });

  it('revalidates a stale cache with If-None-Match and only touches meta on 304', async () => {
    await primeCache();
    const before = loadCache(dir());
    if (before.status !== 'ok') throw new Error('no cache');
    const indexMtime = statSync(join(dir(), before.meta.indexFile)).mtimeMs;
    const { context, stderr } = contextAt(hoursLater(4));
    const index = await openIndex(context);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
    expect(packagesHits()[0]!.headers['if-none-match']).toBe(before.meta.sources.packages.etag);
    expect(packagesHits()[0]!.status).toBe(304);
    expect(stderr()).toBe('');
    const after = loadCache(dir());
    if (after.status !== 'ok') throw new Error('no cache');
    expect(after.meta.fetchedAt).toBe(hoursLater(4).toISOString());
    expect(after.meta.indexFile).toBe(before.meta.indexFile);
    expect(statSync(join(dir(), after.meta.indexFile)).mtimeMs).toBe(indexMtime);
  });

  it('refreshes a fresh cache from another source than the configured one, flag or env', async () => {
    await primeCache();
    server.route('/other.json', { body: shrunkPackagesJson(50) });
    const viaEnv = contextAt(hoursLater(1), {
      env: envFor({ NUR_PACKAGES_URL: server.url('/other.json') }),
    });
    expect((await openIndex(viaEnv.context)).packages).toHaveLength(50);
    // Back to the configured source: the one-off index does not stay.
    expect((await openIndex(contextAt(hoursLater(1)).context)).packages).toHaveLength(
      FIXTURE_COUNT,
    );
    const viaFlag = testContext({
      env: envFor(),
      now: hoursLater(1),
      cwd: home,
      globals: { indexUrl: server.url('/other.json') },
    });
    expect((await openIndex(viaFlag.context)).packages).toHaveLength(50);
  });

  it('uses a cache from another source offline, saying where it came from', async () => {
    await primeCache();
    const cachedFrom = loadCache(dir());
    const offline = testContext({
      env: envFor({ NUR_PACKAGES_URL: 'file:///srv/mirror/packages.json' }),
      now: hoursLater(1),
      cwd: home,
      globals: { offline: true },
    });
    expect((await openIndex(offline.context)).packages).toHaveLength(FIXTURE_COUNT);
    expect(offline.stderr()).toBe(
      `nur: warning: offline; using the cache from 1 h ago, downloaded from ${
        cachedFrom.status === 'ok' ? cachedFrom.meta.sources.packages.url : ''
      } rather than file:///srv/mirror/packages.json\n`,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('rebuilds the repos when only repos.json changed, reusing the cached packages on 304', async () => {
    await primeCache();
    const repos = JSON.parse(readFixture('repos.json')) as { repos: Record<string, unknown> };
    delete repos.repos.mic92;
    server.route('/repos.json', { body: JSON.stringify(repos) });
    const { context } = contextAt(hoursLater(4));
    const index = await openIndex(context);
    expect(packagesHits().map((r) => r.status)).toEqual([304]);
    expect(index.repos.mic92).toBeUndefined();
    expect(index.repos.ijohanne?.lockedRev).toBe(fixtureIndex().repos.ijohanne?.lockedRev);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
    const cached = loadCache(dir());
    expect(cached.status === 'ok' && cached.index.repos.mic92).toBeUndefined();
    expect(cached.status === 'ok' && cached.index.packages.length).toBe(FIXTURE_COUNT);
  });

  it('names the cache directory when it cannot be written', async () => {
    // A file where the cache directory should be fails even for root.
    const blocker = join(home, 'not-a-dir');
    writeFileSync(blocker, '');
    const { context } = contextAt(T0, { env: envFor({ XDG_CACHE_HOME: blocker }) });
    const error = await openIndex(context).catch((e: unknown) => e);
    expect((error as NurError).message).toContain(
      `cannot write the index cache in ${join(blocker, 'nur')}`,
    );
    expect((error as NurError).hint).toContain('XDG_CACHE_HOME');
  });

  it('retries a 500 and then succeeds', async () => {
    server.route('/packages.json', {
      ...FIXTURE_ROUTES()['/packages.json']!,
      behaviour: { kind: 'fail-then-ok', failures: 2 },
    });
    const { context } = contextAt(T0);
    const index = await openIndex(context);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
    expect(packagesHits().map((r) => r.status)).toEqual([500, 500, 200]);
  });

  it('keeps multi-byte characters whole wherever the download is split into chunks', async () => {
    // ~300 KB of two-, three- and four-byte characters: chunk boundaries fall inside some.
    const description = 'caf\u00e9 \u20ac \u{1f600} '.repeat(40).trim();
    const raw: Record<string, unknown> = {};
    for (let i = 0; i < 1_000; i++)
      raw[`nur.repos.mic92.pkg${i}`] = { name: `pkg${i}-1`, meta: { description } };
    for (const gzip of [false, true]) {
      server.route('/packages.json', { body: JSON.stringify(raw, null, 4), gzip });
      const { context } = contextAt(T0, {
        env: envFor({ XDG_CACHE_HOME: join(home, `c-${gzip}`) }),
      });
      const index = await openIndex(context);
      expect(index.packages).toHaveLength(1_000);
      expect(index.packages.every((p) => p.description === description)).toBe(true);
    }
  });

  it('decodes a gzip-encoded download', async () => {
    server.route('/packages.json', { ...FIXTURE_ROUTES()['/packages.json']!, gzip: true });
    const { context } = contextAt(T0);
    const index = await openIndex(context);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
    expect(packagesHits()[0]!.headers['accept-encoding']).toContain('gzip');
  });

  it('falls back to a stale cache after one attempt, with a one-line warning saying its age', async () => {
    await primeCache();
    server.route('/packages.json', { body: '', behaviour: { kind: 'status', status: 503 } });
    // NUR_HTTP_RETRIES is 2 here: an explicit `nur update` would try three times.
    const { context, stderr } = contextAt(hoursLater(5));
    const index = await openIndex(context);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
    expect(stderr()).toMatch(
      /^nur: warning: could not refresh the index \(.*503\); using the cache from 5 h ago\n$/,
    );
    expect(packagesHits()).toHaveLength(1);
    expectCacheIntact();
  });

  it('falls back to a stale cache it can read but not write, with a warning naming the directory', async () => {
    await primeCache();
    // A non-empty directory where names.txt goes: the rename onto it fails even for root.
    rmSync(join(dir(), NAMES_FILE));
    mkdirSync(join(dir(), NAMES_FILE, 'blocker'), { recursive: true });
    server.route('/packages.json', { body: shrunkPackagesJson(FIXTURE_COUNT - 1) });
    const { context, stderr } = contextAt(hoursLater(4));
    const index = await openIndex(context);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
    expect(stderr()).toMatch(
      new RegExp(
        `^nur: warning: could not refresh the index \\(cannot write the index cache in ${dir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .+\\); using the cache from 4 h ago\n$`,
      ),
    );
    expectCacheIntact();
  });

  it('fails with a hint when there is no cache and no network', async () => {
    server.route('/packages.json', { body: '', behaviour: { kind: 'status', status: 404 } });
    const { context } = contextAt(T0);
    const error = await openIndex(context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NurError);
    expect((error as NurError).message).toContain('no cached index');
    expect((error as NurError).message).toContain('404');
    expect((error as NurError).hint).toContain('nur update');
    // 4xx is not transient: one request, no retries.
    expect(packagesHits()).toHaveLength(1);
  });

  it('shows a progress bar on a terminal and nothing in a pipe', async () => {
    const tty = contextAt(T0, { isTTY: true });
    await openIndex(tty.context);
    expect(tty.stderr()).toMatch(/\d+%/);
    expect(tty.stderr()).toContain('MB');
    const pipeHome = mkdtempSync(join(tmpdir(), 'nur-refresh-'));
    const pipe = contextAt(T0, { env: envFor({ XDG_CACHE_HOME: join(pipeHome, 'cache') }) });
    await openIndex(pipe.context);
    expect(pipe.stderr()).toBe('');
  });

  it('goes through the proxy in HTTP_PROXY unless NO_PROXY excludes the host', async () => {
    // Port 9 (discard) has no listener here, so a proxied request cannot succeed.
    const viaProxy = contextAt(T0, { env: envFor({ HTTP_PROXY: 'http://127.0.0.1:9' }) });
    await expect(openIndex(viaProxy.context)).rejects.toThrow(/no cached index/);
    expect(server.requests).toHaveLength(0);
    const excluded = contextAt(T0, {
      env: envFor({ HTTP_PROXY: 'http://127.0.0.1:9', NO_PROXY: '127.0.0.1' }),
    });
    const index = await openIndex(excluded.context);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
  });
});

describe('offline', () => {
  it('uses the cache without touching the network, warning when it is stale', async () => {
    await primeCache();
    const { context, stderr } = contextAt(hoursLater(30), { offline: true });
    const index = await openIndex(context);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
    expect(server.requests).toHaveLength(0);
    expect(stderr()).toBe('nur: warning: offline; using the cache from 1 d ago\n');
  });

  it('names the format of a cache from another nur instead of downloading it again', async () => {
    await primeCache();
    const metaFile = join(dir(), 'meta.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(metaFile, JSON.stringify({ ...meta, format: 2 }));
    const { context } = contextAt(hoursLater(1), { offline: true });
    const error = await openIndex(context).catch((e: unknown) => e);
    expect((error as NurError).message).toContain('cache format 2');
    expect((error as NurError).hint).toContain('nur update');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses with a hint when there is no cache', async () => {
    const { context } = contextAt(T0, { offline: true });
    const error = await openIndex(context).catch((e: unknown) => e);
    expect((error as NurError).message).toContain('--offline');
    expect((error as NurError).hint).toContain('nur update');
    expect(server.requests).toHaveLength(0);
  });
});

describe('guards keep the last good cache', () => {
  beforeEach(primeCache);

  async function refreshAfterPriming(force = false) {
    const { context } = contextAt(hoursLater(4));
    return refreshIndex({
      dir: dir(),
      settings: resolveSettings(context),
      previous: (() => {
        const c = loadCache(dir());
        if (c.status !== 'ok') throw new Error('no cache');
        return c;
      })(),
      force,
      env: context.env,
      cwd: context.cwd,
      stderr: context.io.stderr,
      stderrIsTTY: false,
      now: context.now,
    });
  }

  it('rejects a 404', async () => {
    server.route('/packages.json', { body: '', behaviour: { kind: 'status', status: 404 } });
    const error = await refreshAfterPriming().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toContain('HTTP 404');
    expect((error as FetchError).message).toContain(server.url('/packages.json'));
    expectCacheIntact();
  });

  it('rejects a server that keeps answering 500, after bounded retries it counts', async () => {
    server.route('/packages.json', { body: '', behaviour: { kind: 'status', status: 500 } });
    const error = await refreshAfterPriming().catch((e: unknown) => e);
    expect((error as FetchError).status).toBe(500);
    expect((error as FetchError).message).toMatch(
      /answered HTTP 500 \(3 attempts over \d+(\.\d)? m?s\)$/,
    );
    expect(packagesHits()).toHaveLength(3);
    expectCacheIntact();
  });

  it('rejects a body cut off before its Content-Length', async () => {
    server.route('/packages.json', {
      ...FIXTURE_ROUTES()['/packages.json']!,
      behaviour: { kind: 'truncated' },
    });
    const error = await refreshAfterPriming().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).failure).toBe('truncated');
    expect((error as FetchError).message).toMatch(/cut off \(\d+ of \d+ bytes arrived\)/);
    expectCacheIntact();
  });

  it('rejects a gzip stream that is cut off', async () => {
    const { gzipSync } = await import('node:zlib');
    const compressed = gzipSync(readFileSync(fixturePath('packages.json')));
    server.route('/packages.json', {
      body: compressed.subarray(0, compressed.length / 2),
      headers: { 'content-encoding': 'gzip' },
    });
    const error = await refreshAfterPriming().catch((e: unknown) => e);
    expect((error as FetchError).failure).toBe('truncated');
    expect((error as FetchError).message).toContain('bad gzip stream');
    expectCacheIntact();
  });

  it('rejects garbage that is not JSON', async () => {
    server.route('/packages.json', { body: '<html>502 Bad Gateway</html>' });
    const error = await refreshAfterPriming().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexRejectedError);
    expect((error as Error).message).toContain('not valid JSON');
    expect((error as NurError).hint).toBe('The last good cache is kept; try again later.');
    expectCacheIntact();
  });

  it('rejects JSON that is not a package index', async () => {
    server.route('/packages.json', { body: '[1, 2, 3]' });
    await expect(refreshAfterPriming()).rejects.toThrow(/not a JSON object/);
    expectCacheIntact();
    server.route('/packages.json', { body: '{"a": 1, "b": 2}' });
    await expect(refreshAfterPriming()).rejects.toThrow(/no packages|not valid packages/);
    expectCacheIntact();
  });

  it('rejects an index whose entries were all emptied to {}, unless forced', async () => {
    const raw = JSON.parse(readFixture('packages.json')) as Record<string, unknown>;
    const gutted = Object.fromEntries(Object.keys(raw).map((key) => [key, {}]));
    server.route('/packages.json', { body: JSON.stringify(gutted) });
    const error = await refreshAfterPriming().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexRejectedError);
    expect((error as Error).message).toContain(
      `rejected the download of ${server.url('/packages.json')}: only 0 of its ${FIXTURE_COUNT} packages have a name, version or description`,
    );
    expectCacheIntact();
    const cached = loadCache(dir());
    const goat =
      cached.status === 'ok' && cached.index.packages.find((p) => p.attr === 'goatcounter');
    expect(goat && goat.description).not.toBe('');
    const forced = await refreshAfterPriming(true);
    expect(forced.index.packages.every((p) => p.description === '')).toBe(true);
  });

  it('rejects a lock file without entries, keeping the locked revisions', async () => {
    const lockedRev = fixtureIndex().repos.mic92?.lockedRev;
    expect(lockedRev).toMatch(/^[0-9a-f]{40}$/);
    server.route('/repos.json.lock', { body: '{}' });
    await expect(refreshAfterPriming(true)).rejects.toThrow(
      `rejected the download of ${server.url('/repos.json.lock')}: it has no "repos" object`,
    );
    server.route('/repos.json.lock', { body: '{"repos": {}, "version": 1}' });
    const error = await refreshAfterPriming().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexRejectedError);
    expect((error as Error).message).toBe(
      `rejected the download of ${server.url('/repos.json.lock')}: it locks 0 of ${Object.keys(fixtureIndex().repos).length} repos, fewer than half of the ${Object.values(fixtureIndex().repos).filter((r) => r.lockedRev).length} locked in the cache (use \`nur update --force\` to accept it)`,
    );
    const cached = loadCache(dir());
    expect(cached.status === 'ok' && cached.index.repos.mic92?.lockedRev).toBe(lockedRev);
    const forced = await refreshAfterPriming(true);
    expect(forced.index.repos.mic92?.lockedRev).toBeUndefined();
  });

  it('warns about a wiped lock during a search and keeps the locked revisions', async () => {
    server.route('/repos.json.lock', { body: '{"repos": {}}' });
    const { context, stderr } = contextAt(hoursLater(4));
    const index = await openIndex(context);
    expect(index.repos.mic92?.lockedRev).toBe(fixtureIndex().repos.mic92?.lockedRev);
    expect(stderr()).toMatch(
      /^nur: warning: rejected the download of \S+\/repos\.json\.lock: it locks 0 of \d+ repos, .*`nur update --force`.*; using the cache from 4 h ago\n$/,
    );
  });

  it('rejects an index with fewer than half the cached packages, unless forced', async () => {
    server.route('/packages.json', { body: shrunkPackagesJson(100) });
    await expect(refreshAfterPriming()).rejects.toThrow(/100 packages, fewer than half/);
    expectCacheIntact();
    const forced = await refreshAfterPriming(true);
    expect(forced.index.packages).toHaveLength(100);
    const cached = loadCache(dir());
    expect(cached.status === 'ok' && cached.index.packages.length).toBe(100);
  });

  it('falls back from a slow server after one attempt, naming the URL and the timeout', async () => {
    server.route('/packages.json', {
      ...FIXTURE_ROUTES()['/packages.json']!,
      behaviour: { kind: 'slow', delayMs: 2_000 },
    });
    const { context, stderr } = contextAt(hoursLater(4), {
      env: envFor({ NUR_HTTP_TIMEOUT_MS: '150', NUR_HTTP_RETRIES: '2' }),
    });
    const index = await openIndex(context);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
    // One attempt: the message carries no "(N attempts over …)".
    expect(stderr()).toContain(
      `(timed out waiting for ${server.url('/packages.json')}: nothing arrived for 150 ms); using the cache from 4 h ago`,
    );
    expectCacheIntact();
  });

  it('says how many attempts an explicit refresh made against a slow server', async () => {
    server.route('/packages.json', {
      ...FIXTURE_ROUTES()['/packages.json']!,
      behaviour: { kind: 'slow', delayMs: 2_000 },
    });
    const { context } = contextAt(hoursLater(4), {
      env: envFor({ NUR_HTTP_TIMEOUT_MS: '150', NUR_HTTP_RETRIES: '2' }),
    });
    const error = await refreshIndex({
      dir: dir(),
      settings: resolveSettings(context),
      previous: loadCache(dir()) as Extract<ReturnType<typeof loadCache>, { status: 'ok' }>,
      env: context.env,
      cwd: context.cwd,
      stderr: context.io.stderr,
      stderrIsTTY: false,
      now: context.now,
    }).catch((e: unknown) => e);
    expect((error as FetchError).failure).toBe('timeout');
    expect((error as FetchError).message).toMatch(
      /: nothing arrived for 150 ms \(3 attempts over \d+(\.\d)? m?s\)$/,
    );
    expectCacheIntact();
  });

  it('warns and keeps the cache when openIndex gets a rejected download', async () => {
    server.route('/packages.json', { body: 'garbage' });
    const { context, stderr } = contextAt(hoursLater(4));
    const index = await openIndex(context);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
    expect(stderr()).toMatch(
      /^nur: warning: rejected the download of .*; using the cache from 4 h ago\n$/,
    );
  });
});

describe('local sources', () => {
  it('reads file:// URLs and plain paths, relative to the working directory', async () => {
    const env = envFor({
      NUR_PACKAGES_URL: pathToFileURL(fixturePath('packages.json')).href,
      NUR_REPOS_URL: relative(home, fixturePath('repos.json')),
      NUR_LOCK_URL: fixturePath('repos.json.lock'),
    });
    const { context } = contextAt(T0, { env });
    const index = await openIndex(context);
    expect(index.packages).toHaveLength(FIXTURE_COUNT);
    expect(Object.keys(index.repos)).toHaveLength(Object.keys(fixtureIndex().repos).length);
    expect(index.repos.mic92?.lockedRev).toBe(fixtureIndex().repos.mic92?.lockedRev);
  });

  it('reports a missing local file by its path', async () => {
    const env = envFor({ NUR_PACKAGES_URL: join(home, 'nope.json') });
    const { context } = contextAt(T0, { env });
    await expect(openIndex(context)).rejects.toThrow(/nope\.json: no such file/);
  });
});

describe('concurrency and corruption', () => {
  it('ends with a valid cache when two refreshes run at once', async () => {
    const a = contextAt(T0);
    const b = contextAt(hoursLater(0.5));
    const run = (c: ReturnType<typeof contextAt>['context']) =>
      refreshIndex({
        dir: dir(),
        settings: resolveSettings(c),
        force: true,
        env: c.env,
        cwd: c.cwd,
        stderr: c.io.stderr,
        stderrIsTTY: false,
        now: c.now,
      });
    await Promise.all([run(a.context), run(b.context), run(a.context)]);
    const cached = loadCache(dir());
    expect(cached.status).toBe('ok');
    expect(cached.status === 'ok' && cached.index.packages.length).toBe(FIXTURE_COUNT);
  });

  it('calls a meta.json without a cache format corrupt, without quoting "undefined"', async () => {
    await primeCache();
    writeFileSync(join(dir(), 'meta.json'), '{}\n');
    const { context } = contextAt(hoursLater(1));
    const error = await openIndex(context).catch((e: unknown) => e);
    expect((error as NurError).message).toBe(
      `the index cache in ${dir()} is corrupt: meta.json does not say its cache format`,
    );
    expect((error as NurError).hint).toContain('nur update --force');
    expect(server.requests).toHaveLength(0);
  });

  it('reports a corrupted cache file with a hint to update --force', async () => {
    await primeCache();
    const cached = loadCache(dir());
    if (cached.status !== 'ok') throw new Error('no cache');
    const file = join(dir(), cached.meta.indexFile);
    writeFileSync(file, readFileSync(file, 'utf8').replace('goatcounter', 'goatcountex'));
    expect(loadCache(dir())).toMatchObject({ status: 'corrupt' });
    const { context } = contextAt(hoursLater(1));
    const error = await openIndex(context).catch((e: unknown) => e);
    expect((error as NurError).message).toContain('corrupt');
    expect((error as NurError).hint).toContain('nur update --force');
  });
});
