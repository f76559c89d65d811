// Offline evaluation of corpus flakes: every input is overridden by a local stand-in under stubs/,
// so real `nix eval` runs without the network. Tests that add an input override it themselves.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR, corpusPath, type CorpusEntry } from './manifest.js';

export const STUBS_DIR = join(CORPUS_DIR, 'stubs');
/** Stands in for nixpkgs, flake-utils, flake-parts, home-manager, nix-darwin and any other flake. */
export const GENERIC_STUB = join(STUBS_DIR, 'generic');
/** Like github:nix-systems/default: `import systems` is a list. */
export const SYSTEMS_STUB = join(STUBS_DIR, 'systems');
/** A plain source tree for `flake = false` inputs. */
export const SOURCE_STUB = join(STUBS_DIR, 'source');

export function stubFor(entry: CorpusEntry, input: string): string {
  if (entry.nonFlakeInputs.includes(input)) return SOURCE_STUB;
  if (input === 'systems') return SYSTEMS_STUB;
  return GENERIC_STUB;
}

/** `--override-input NAME path:STUB` for every input the manifest lists. */
export function stubOverrideArgs(entry: CorpusEntry): string[] {
  return entry.inputs.flatMap((input) => [
    '--override-input',
    input,
    `path:${stubFor(entry, input)}`,
  ]);
}

/** A fresh directory holding the corpus file as flake.nix (or the given text). */
export function flakeDir(entry: CorpusEntry, source?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'nur-corpus-'));
  if (source === undefined) copyFileSync(corpusPath(entry.file), join(dir, 'flake.nix'));
  else writeFileSync(join(dir, 'flake.nix'), source);
  return dir;
}

/** Real `nix eval --json` of `.#attr` (optionally through `--apply`), inputs stubbed; parsed JSON. */
export function evalFlakeAttr(
  dir: string,
  attr: string,
  options: { apply?: string; extraArgs?: string[]; entry: CorpusEntry },
): unknown {
  const args = [
    '--extra-experimental-features',
    'nix-command flakes',
    'eval',
    '--json',
    `.#${attr}`,
    ...(options.apply ? ['--apply', options.apply] : []),
    ...stubOverrideArgs(options.entry),
    ...(options.extraArgs ?? []),
  ];
  const out = execFileSync('nix', args, {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return JSON.parse(out);
}

/** Real `nix flake show --json`, inputs stubbed: the output tree as Nix sees it. */
export function flakeShow(dir: string, entry: CorpusEntry): unknown {
  const out = execFileSync(
    'nix',
    [
      '--extra-experimental-features',
      'nix-command flakes',
      'flake',
      'show',
      '--json',
      ...stubOverrideArgs(entry),
    ],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(out);
}

export interface OutputsSummary {
  inputs: string[];
  nonFlakeInputs: string[];
  formals: string[];
  outputNames: string[];
  nixosHosts: string[];
  homeManagerHosts: string[];
  darwinHosts: string[];
}

/**
 * Calls the file's outputs function with stand-in inputs through plain `nix-instantiate --eval`
 * (no flake machinery, no store copies): fast enough to run for every file.
 */
export function summarizeOutputs(file: string): OutputsSummary {
  const out = execFileSync(
    'nix-instantiate',
    [
      '--eval',
      '--strict',
      '--json',
      join(STUBS_DIR, 'eval-outputs.nix'),
      '--arg',
      'file',
      corpusPath(file),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(out) as OutputsSummary;
}
