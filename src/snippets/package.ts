// Every snippet for one package, in the order a user reads them; those that cannot be written
// (no repos.json entry, an unsafe URL or name) are listed with the reason instead.
import { NurError } from '../errors.js';
import type { Package, Repo } from '../model.js';
import { PACKAGE_SNIPPET_NAMES, type PackageSnippetName } from './catalog.js';
import { flakeInputSnippet, repoFlakeSnippet } from './flake-input.js';
import { homeManagerSnippet } from './home-manager.js';
import { attrSnippet, nixRunSnippet, nixShellSnippet, packageOverridesSnippet } from './one-off.js';
import { overlaySnippet } from './overlay.js';
import type { Snippet, SnippetOptions, SnippetSet } from './types.js';

export { PACKAGE_SNIPPET_NAMES } from './catalog.js';

const missingRepo = (pkg: Package) =>
  new NurError(`repo ${pkg.repo} is not listed in NUR's repos.json, so its source URL is unknown`);

/** Builds each snippet; a NurError from one becomes its omission reason, other errors propagate. */
export function collectSnippets(builders: [string, () => Snippet][]): SnippetSet {
  const set: SnippetSet = { snippets: [], omitted: [] };
  for (const [name, build] of builders) {
    try {
      set.snippets.push(build());
    } catch (error) {
      if (!(error instanceof NurError)) throw error;
      set.omitted.push({ name, reason: error.message });
    }
  }
  return set;
}

export function packageSnippets(
  pkg: Package,
  repo?: Repo,
  options: SnippetOptions = {},
): SnippetSet {
  const builders: Record<PackageSnippetName, () => Snippet> = {
    overlay: () => overlaySnippet(pkg),
    'home-manager': () => homeManagerSnippet(pkg),
    'flake-input': () => {
      if (!repo) throw missingRepo(pkg);
      return flakeInputSnippet(pkg, repo, options);
    },
    'repo-flake': () => {
      if (!repo) throw missingRepo(pkg);
      return repoFlakeSnippet(pkg, repo, options);
    },
    'nix-run': () => nixRunSnippet(pkg),
    'nix-shell': () => nixShellSnippet(pkg),
    'package-overrides': () => packageOverridesSnippet(pkg),
    attr: () => attrSnippet(pkg),
  };
  return collectSnippets(PACKAGE_SNIPPET_NAMES.map((name) => [name, builders[name]]));
}
