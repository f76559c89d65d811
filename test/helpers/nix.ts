// Real Nix checks: every piece of Nix the tool writes goes through nix-instantiate --parse.
import { execFileSync, spawnSync } from 'node:child_process';

/** Parses Nix source with the real parser; returns the error text, or undefined when it parses. */
export function nixParseError(source: string): string | undefined {
  const result = spawnSync('nix-instantiate', ['--parse', '-E', source], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.status === 0 ? undefined : result.stderr.trim() || `exit ${result.status}`;
}

/** Parses a file in place (so relative paths and the file name appear in errors). */
export function nixParseFileError(path: string): string | undefined {
  const result = spawnSync('nix-instantiate', ['--parse', path], { encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.status === 0 ? undefined : result.stderr.trim() || `exit ${result.status}`;
}

export const NIX_FLAKES = ['--extra-experimental-features', 'nix-command flakes'];

/** `nix eval` with flakes enabled; throws with Nix's stderr on failure. */
export function nixEval(args: string[], cwd: string): string {
  return execFileSync('nix', [...NIX_FLAKES, 'eval', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
