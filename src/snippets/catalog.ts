// The names of the snippets, kept apart from the builders so the CLI can list them in --help
// without loading any of them.

export const PACKAGE_SNIPPET_NAMES = [
  'overlay',
  'home-manager',
  'flake-input',
  'repo-flake',
  'nix-run',
  'nix-shell',
  'package-overrides',
  'attr',
] as const;

export type PackageSnippetName = (typeof PACKAGE_SNIPPET_NAMES)[number];

export const REPO_SNIPPET_NAMES = ['flake-input', 'import', 'attr'] as const;

export type RepoSnippetName = (typeof REPO_SNIPPET_NAMES)[number];
