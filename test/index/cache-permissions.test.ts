// A cache directory the user may not read, or may read but not write, chmod-ed away from its
// owner, so the kernel really refuses. Tests run as root here, and root passes every permission
// check through its DAC capabilities: as root the CLI runs without them (setpriv drops them from
// the bounding set), so the owner's bits apply to it as to anyone. Its uid stays the same, so it
// reads the project wherever the clone lives.
import { chmodSync, linkSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { updateRun } from '../../src/commands/update.js';
import { isPermissionError, loadCache } from '../../src/index/cache.js';
import { cacheDir } from '../../src/settings.js';
import { NUR_BIN, PROJECT_ROOT } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { startIndexServer, type IndexServer } from '../helpers/index-server.js';

const withoutOverride =
  process.getuid?.() === 0 ? ['setpriv', '--bounding-set', '-dac_override,-dac_read_search'] : [];

let server: IndexServer;
let home: string;
let env: Record<string, string>;
let dir: string;

beforeAll(async () => {
  server = await startIndexServer();
});
afterAll(async () => {
  await server.close();
});

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'nur-perm-'));
  env = {
    HOME: home,
    XDG_CACHE_HOME: join(home, 'cache'),
    XDG_CONFIG_HOME: join(home, 'config'),
    NO_COLOR: '1',
    NUR_PACKAGES_URL: server.url('/packages.json'),
    NUR_REPOS_URL: server.url('/repos.json'),
    NUR_LOCK_URL: server.url('/repos.json.lock'),
    NUR_HTTP_RETRY_DELAY_MS: '10',
  };
  dir = cacheDir(env);
  // A cache written five hours ago, older than the default TTL, by this (owning) user.
  const { context } = testContext({
    env,
    cwd: home,
    now: new Date(Date.now() - 5 * 3_600_000),
  });
  expect(await updateRun({}, context)).toBe(0);
  expect(loadCache(dir).status).toBe('ok');
  mkdirSync(join(home, 'config'), { mode: 0o755 });
  server.requests.length = 0;
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(home, { recursive: true, force: true });
});

function runBoundByPermissions(args: string[]) {
  const [command, ...prefix] = [...withoutOverride, process.execPath];
  return execa(command!, [...prefix, NUR_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', CI: 'true', ...env },
    extendEnv: false,
    cwd: PROJECT_ROOT,
    input: '',
    reject: false,
    timeout: 60_000,
  });
}

describe('a cache the user may not read', () => {
  beforeEach(() => chmodSync(dir, 0o000));

  it('says permission denied with the path, not corrupt, and how to get out', async () => {
    const result = await runBoundByPermissions(['search', 'goat']);
    expect(result.exitCode).toBe(1);
    const [message, hint] = result.stderr.split('\n');
    expect(message).toBe(
      `nur: cannot read the index cache: permission denied on ${join(dir, 'meta.json')}`,
    );
    expect(hint).toBe(
      `Fix the permissions of ${dir}, or set XDG_CACHE_HOME to a directory you own.`,
    );
    expect(result.stderr).not.toContain('corrupt');
    expect(server.requests).toHaveLength(0);
  });

  it('makes `nur update` fail the same way instead of offering to rebuild', async () => {
    const result = await runBoundByPermissions(['update']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe(
      `nur: cannot read the index cache: permission denied on ${join(dir, 'meta.json')}`,
    );
    expect(result.stderr).not.toContain('corrupt');
  });
});

describe('a stale cache the user may read but not write', () => {
  beforeEach(() => chmodSync(dir, 0o555));

  it('answers a search from the cache with one warning, without downloading', async () => {
    const result = await runBoundByPermissions(['search', 'goatcounter']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('mic92.goatcounter');
    expect(result.stderr).toBe(
      `nur: warning: could not refresh the index (cannot write the index cache in ${dir}: permission denied); using the cache from 5 h ago`,
    );
    expect(server.requests).toHaveLength(0);
  });

  it('makes an explicit `nur update` fail with the directory and a hint', async () => {
    const result = await runBoundByPermissions(['update']);
    expect(result.exitCode).toBe(1);
    const [message, hint] = result.stderr.split('\n');
    expect(message).toBe(`nur: cannot write the index cache in ${dir}: permission denied`);
    expect(hint).toContain('XDG_CACHE_HOME');
    expect(server.requests).toHaveLength(0);
  });
});

describe('isPermissionError', () => {
  it('recognises the EPERM of a real refused syscall and nothing else', () => {
    // link(2) of a directory is refused with EPERM, for root too.
    const refused = (() => {
      try {
        linkSync(home, join(tmpdir(), `nur-link-${process.pid}`));
      } catch (error) {
        return error;
      }
    })();
    expect(isPermissionError(refused)).toBe(true);
    const missing = (() => {
      try {
        linkSync(join(home, 'nope'), join(home, 'nope2'));
      } catch (error) {
        return error;
      }
    })();
    expect(isPermissionError(missing)).toBe(false);
    expect(isPermissionError(new Error('EACCES'))).toBe(false);
  });
});
