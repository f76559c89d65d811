// Snippets for a NUR repo as a whole (`nur show <repo>`): its own flake input, a pinned import
// without flakes, and the attribute prefix its packages have under the NUR overlay.
import type { Repo } from '../model.js';
import { REPO_SNIPPET_NAMES, type RepoSnippetName } from './catalog.js';
import { repoFlakeUrl } from '../nix/flake-url.js';
import { nixString } from '../nix/strings.js';
import { importExpression, plainInputSnippet, repoSourceUrl } from './flake-input.js';
import { attrPathBelow, nurAttrPath, repoInputName } from './names.js';
import { collectSnippets } from './package.js';
import { indent, lines } from './policy.js';
import type { Snippet, SnippetOptions, SnippetSet } from './types.js';

export { REPO_SNIPPET_NAMES } from './catalog.js';

export function repoFlakeInputSnippet(
  repo: Repo,
  exampleAttr?: string,
  options: SnippetOptions = {},
): Snippet {
  const inputName = repoInputName(repo.name, options.inputPrefix);
  return plainInputSnippet(repo, inputName, 'x86_64-linux', [
    exampleAttr === undefined
      ? `# Its packages are ${inputName}.<name>.`
      : `# Its packages are ${inputName}.<name>, e.g. ${attrPathBelow(inputName, exampleAttr)}.`,
    `legacyPackages.\${system} = ${inputName};`,
  ]);
}

/** A fetcher expression for the repo at `rev` (or its branch head): tarballs for GitHub, git otherwise. */
function fetchExpression(repo: Repo): string[] {
  const rev = repo.lockedRev && /^[0-9a-f]{40}$/.test(repo.lockedRev) ? repo.lockedRev : undefined;
  const flakeUrl = repoSourceUrl(repo);
  const github = /^github:([^/?]+)\/([^?]+)/.exec(flakeUrl);
  if (github) {
    const archive = `https://github.com/${github[1]}/${github[2]}/archive/${rev ?? repo.branch ?? 'HEAD'}.tar.gz`;
    return [`builtins.fetchTarball ${nixString(archive)}`];
  }
  // repoFlakeUrl has vetted the URL (scheme, host, path); it is spliced as an escaped string.
  repoFlakeUrl(repo);
  return [
    'builtins.fetchGit {',
    `  url = ${nixString(repo.url)};`,
    ...(rev ? [`  rev = ${nixString(rev)};`] : []),
    ...(repo.branch ? [`  ref = ${nixString(repo.branch)};`] : []),
    ...(repo.submodules ? ['  submodules = true;'] : []),
    '}',
  ];
}

export function repoImportSnippet(repo: Repo): Snippet {
  const fetch = fetchExpression(repo);
  const pinned = repo.lockedRev !== undefined && /^[0-9a-f]{40}$/.test(repo.lockedRev);
  return {
    name: 'import',
    title: 'Without flakes: the repo imported directly',
    language: 'nix',
    code: lines(
      pinned
        ? '# repo.nix: the repo at the commit NUR last evaluated, called with { pkgs } as NUR does.'
        : '# repo.nix: the repo, called with { pkgs } as NUR does.',
      '# Build one package: nix-build repo.nix -A <name>',
      '{',
      '  pkgs ? import <nixpkgs> { },',
      '}:',
      'let',
      fetch.length === 1
        ? `  src = ${fetch[0]};`
        : [`  src = ${fetch[0]}`, ...indent(2, fetch.slice(1, -1)), `  };`],
      'in',
      importExpression(repo, 'src'),
    ),
  };
}

export function repoAttrSnippet(repo: Repo): Snippet {
  return {
    name: 'attr',
    title: 'Attribute prefix of its packages (with the NUR overlay)',
    language: 'nix',
    code: nurAttrPath(repo.name),
  };
}

export function repoSnippets(
  repo: Repo,
  exampleAttr?: string,
  options: SnippetOptions = {},
): SnippetSet {
  const builders: Record<RepoSnippetName, () => Snippet> = {
    'flake-input': () => repoFlakeInputSnippet(repo, exampleAttr, options),
    import: () => repoImportSnippet(repo),
    attr: () => repoAttrSnippet(repo),
  };
  return collectSnippets(REPO_SNIPPET_NAMES.map((name) => [name, builders[name]]));
}
