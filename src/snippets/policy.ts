// Nixpkgs refuses unfree, broken and insecure packages unless told; snippets say how, up front.
import type { Package } from '../model.js';

/** Comment lines for a configuration snippet (no indentation, each starting with `#`). */
export function nixpkgsConfigNotes(pkg: Package): string[] {
  const notes: string[] = [];
  if (pkg.unfree)
    notes.push(
      '# Unfree licence: also set nixpkgs.config.allowUnfree = true (or allowUnfreePredicate).',
    );
  if (pkg.broken)
    notes.push('# Marked broken: it only evaluates with nixpkgs.config.allowBroken = true.');
  if (pkg.insecure)
    notes.push('# Marked insecure: list it in nixpkgs.config.permittedInsecurePackages to use it.');
  return notes;
}

/** Environment assignments that let `nix run`/`nix shell` evaluate such a package (with --impure). */
export function allowEnvironment(pkg: Package): string[] {
  const env: string[] = [];
  if (pkg.unfree) env.push('NIXPKGS_ALLOW_UNFREE=1');
  if (pkg.broken) env.push('NIXPKGS_ALLOW_BROKEN=1');
  if (pkg.insecure) env.push('NIXPKGS_ALLOW_INSECURE=1');
  return env;
}

/** Joins snippet lines, dropping the ones a condition left out. */
export function lines(...parts: (string | string[] | false | undefined)[]): string {
  return parts.flatMap((p) => (p === false || p === undefined ? [] : p)).join('\n');
}

/** Indents every line of a block by `depth` spaces. */
export function indent(depth: number, block: string[]): string[] {
  const pad = ' '.repeat(depth);
  return block.map((line) => (line === '' ? line : pad + line));
}
