// Runs the built CLI (dist/, built by `npm test`) as a real process, isolated from the user's dirs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { fixturePath } from './fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = resolve(here, '../..');
export const NUR_BIN = join(PROJECT_ROOT, 'bin/nur.js');

/** Fresh XDG cache and config directories, so no test sees another's or the user's state. */
export function isolatedHome(): { home: string; env: Record<string, string> } {
  const home = mkdtempSync(join(tmpdir(), 'nur-test-'));
  return {
    home,
    env: {
      HOME: home,
      XDG_CACHE_HOME: join(home, 'cache'),
      XDG_CONFIG_HOME: join(home, 'config'),
      NO_COLOR: '1',
    },
  };
}

/** An isolated home whose configured index sources are the real fixture files. */
export function fixtureHome(): { home: string; env: Record<string, string> } {
  const { home, env } = isolatedHome();
  return {
    home,
    env: {
      ...env,
      NUR_PACKAGES_URL: `file://${fixturePath('packages.json')}`,
      NUR_REPOS_URL: `file://${fixturePath('repos.json')}`,
      NUR_LOCK_URL: `file://${fixturePath('repos.json.lock')}`,
    },
  };
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export async function runNur(
  args: string[],
  options: { env?: Record<string, string>; cwd?: string; input?: string } = {},
): Promise<RunResult> {
  const result = await execa(process.execPath, [NUR_BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', CI: 'true', ...options.env },
    extendEnv: false,
    cwd: options.cwd ?? PROJECT_ROOT,
    input: options.input ?? '',
    reject: false,
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode ?? 1 };
}
