// Names, attribute paths and flake references built from index values, validated once, here.
import { NurError } from '../errors.js';
import type { Package } from '../model.js';
import { nixAttrName, toNixIdentifier } from '../nix/strings.js';

// No escape in a Nix string can spell a control character, and a snippet is printed to a terminal:
// names carrying controls, line separators or bidi overrides are refused instead.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Returns `value` when it is safe to print and splice (escaped); throws NurError otherwise. */
export function printable(value: string, what: string): string {
  if (value === '') throw new NurError(`${what} is empty`);
  if (UNPRINTABLE.test(value))
    throw new NurError(`${what} ${JSON.stringify(value)} contains control characters`);
  return value;
}

/** The attribute components of a package below its repo: `linuxKernel.packages.x` → 3 parts. */
export function attrComponents(attr: string): string[] {
  const components = printable(attr, 'attribute name').split('.');
  if (components.some((c) => c === ''))
    throw new NurError(`attribute name ${JSON.stringify(attr)} has an empty component`);
  return components;
}

/**
 * `pkgs.nur.repos.mic92.goatcounter`, quoting what is not an identifier (`"0komo"`). The repo name is
 * one component even if it contained a dot; the attr splits into its nested components.
 */
export function nurAttrPath(repoName: string, attr?: string, root = 'pkgs.nur.repos'): string {
  const parts = [nixAttrName(printable(repoName, 'repo name'))];
  if (attr !== undefined) parts.push(...attrComponents(attr).map(nixAttrName));
  return `${root}.${parts.join('.')}`;
}

/**
 * The `nur.repos.…` path users see and paste (`nur search --json`, the picker's choice), quoted
 * where Nix needs it (`nur.repos."0komo".x`); `Package.attrPath` stays the unquoted index key.
 * A name no snippet would accept (control characters, an empty component) keeps that key, which
 * callers sanitise before printing.
 */
export function displayAttrPath(pkg: Pick<Package, 'repo' | 'attr' | 'attrPath'>): string {
  try {
    return nurAttrPath(pkg.repo, pkg.attr, 'nur.repos');
  } catch {
    return pkg.attrPath;
  }
}

/** Attribute path below a bound value: `nur-mic92.linuxKernel.packages.x`. */
export function attrPathBelow(binding: string, attr: string): string {
  return [binding, ...attrComponents(attr).map(nixAttrName)].join('.');
}

export const DEFAULT_INPUT_PREFIX = 'nur-';

/** The flake input (and `let` binding) name for a NUR repo: `nur-mic92`, `nur-0komo`. */
export function repoInputName(repoName: string, prefix = DEFAULT_INPUT_PREFIX): string {
  return toNixIdentifier(`${prefix}${printable(repoName, 'repo name')}`);
}

// Components nix accepts unquoted after `#` and that need no percent-encoding; digits first are fine
// there (`repos.0komo.x`), since an installable's attr path is split on dots, not parsed as Nix.
const FRAGMENT_COMPONENT = /^[A-Za-z0-9_'+-]+$/;

/** `repos.mic92.goatcounter`: the attr path after `#` in a reference to NUR's flake. */
export function nurFlakeFragment(repoName: string, attr: string): string {
  const components = [printable(repoName, 'repo name'), ...attrComponents(attr)];
  for (const c of components) {
    if (!FRAGMENT_COMPONENT.test(c))
      throw new NurError(
        `attribute name ${JSON.stringify(c)} cannot be written in a flake reference`,
      );
  }
  return `repos.${components.join('.')}`;
}

/** One shell word, single-quoted unless it is plainly safe. */
export function shellWord(word: string): string {
  // `#` is quoted too: zsh with EXTENDED_GLOB treats `NUR#repos` as a glob pattern.
  if (/^[A-Za-z0-9_./:=@%,+-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface TargetSystem {
  kind: 'nixos' | 'darwin';
  system: string;
}

const SYSTEM = /^[a-z0-9_]+-(linux|darwin)$/;

/**
 * The system a configuration snippet targets: x86_64-linux when the package builds there (or says
 * nothing), another Linux system it supports, or a Darwin one for macOS-only packages.
 */
export function targetSystem(platforms: readonly string[]): TargetSystem {
  const known = platforms.filter((p) => SYSTEM.test(p));
  if (platforms.length === 0 || known.includes('x86_64-linux'))
    return { kind: 'nixos', system: 'x86_64-linux' };
  const linux = ['aarch64-linux', ...known].find((p) => p.endsWith('-linux') && known.includes(p));
  if (linux) return { kind: 'nixos', system: linux };
  const darwin = ['aarch64-darwin', 'x86_64-darwin'].find((p) => known.includes(p));
  if (darwin) return { kind: 'darwin', system: darwin };
  return { kind: 'nixos', system: 'x86_64-linux' };
}
