// What a user-typed REF names in the index: a package, a repo, or a repo by its source URL.
import type { NurIndex, Package, Repo } from '../model.js';

export type Resolved =
  | { kind: 'package'; pkg: Package; repo?: Repo }
  | { kind: 'repo'; repo: Repo; packages: Package[] };

/** Splits an attr path on dots outside double quotes, unquoting (`repos."0komo".x` → 3 parts). */
function attrPathComponents(path: string): string[] {
  const components: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < path.length; i++) {
    const c = path[i]!;
    if (quoted && c === '\\' && i + 1 < path.length) current += path[++i];
    else if (c === '"') quoted = !quoted;
    else if (c === '.' && !quoted) {
      components.push(current);
      current = '';
    } else current += c;
  }
  components.push(current);
  return components;
}

/**
 * Strips the prefixes users paste: `pkgs.nur.repos.`, `nur.repos.`, `repos.`, a NUR flake reference
 * (`github:nix-community/NUR#repos.…`, `legacyPackages.<system>.repos.…`), and unquotes quoted
 * components (`pkgs.nur.repos."0komo".x` → `0komo.x`).
 */
export function stripRefPrefix(ref: string): string {
  let bare = ref.trim();
  const hash = bare.indexOf('#');
  if (hash >= 0 && /^[a-z+]+:/i.test(bare)) bare = bare.slice(hash + 1);
  bare = bare.replace(/^legacyPackages\.[^.]+\./, '').replace(/^(?:pkgs\.)?(?:nur\.)?repos\./, '');
  return bare.includes('"') ? attrPathComponents(bare).join('.') : bare;
}

/** Finds a repo whose URL ends in `owner/repo` (case-insensitive; `.git` and slashes ignored). */
export function findRepoByOwnerPath(index: NurIndex, ownerPath: string): Repo | undefined {
  const wanted = ownerPath
    .toLowerCase()
    .replace(/\.git$/, '')
    .replace(/^\/+|\/+$/g, '');
  return Object.values(index.repos).find((repo) => {
    let path: string;
    try {
      path = new URL(repo.url).pathname;
    } catch {
      return false;
    }
    return (
      path
        .toLowerCase()
        .replace(/\.git$/, '')
        .replace(/^\/+|\/+$/g, '') === wanted
    );
  });
}

function findRepoByName(index: NurIndex, name: string): Repo | undefined {
  return (
    index.repos[name] ??
    Object.values(index.repos).find((r) => r.name.toLowerCase() === name.toLowerCase())
  );
}

/**
 * Resolves `mic92.goatcounter`, `nur.repos.mic92.goatcounter`, `pkgs.nur.repos.…`, nested attrs,
 * a repo name (`ijohanne`), or `owner/repo`. Returns undefined when nothing matches.
 */
export function resolveRef(index: NurIndex, ref: string): Resolved | undefined {
  const bare = stripRefPrefix(ref);
  if (!bare) return undefined;
  if (bare.includes('/')) {
    // Also a clone URL or a forge flake reference: `https://github.com/Mic92/nur-packages`.
    const ownerPath = bare
      .replace(/^(?:git\+)?https?:\/\/[^/]+\//i, '')
      .replace(/^(?:github|gitlab|sourcehut):/i, '')
      .replace(/[?#].*$/, '');
    const repo = findRepoByOwnerPath(index, ownerPath);
    return repo ? { kind: 'repo', repo, packages: packagesOf(index, repo.name) } : undefined;
  }
  const exact = index.packages.find((p) => p.ref === bare);
  if (exact) return { kind: 'package', pkg: exact, repo: index.repos[exact.repo] };
  const lower = bare.toLowerCase();
  const insensitive = index.packages.find((p) => p.ref.toLowerCase() === lower);
  if (insensitive)
    return { kind: 'package', pkg: insensitive, repo: index.repos[insensitive.repo] };
  if (!bare.includes('.')) {
    const repo = findRepoByName(index, bare);
    if (repo) return { kind: 'repo', repo, packages: packagesOf(index, repo.name) };
    // A repo that has packages in the index but is missing from repos.json.
    const packages = packagesOf(index, bare);
    if (packages.length)
      return {
        kind: 'repo',
        repo: { name: packages[0]!.repo, url: '', host: 'git', submodules: false },
        packages,
      };
    // A package name alone (`goatcounter`) names a package when exactly one repo has it.
    const byAttr = withAttr(index, bare);
    if (byAttr.length === 1)
      return { kind: 'package', pkg: byAttr[0]!, repo: index.repos[byAttr[0]!.repo] };
  }
  return undefined;
}

/**
 * The packages a bare name (`hello-nur`, no repo) could mean: those with that attr in any repo.
 * More than one makes the name ambiguous rather than unknown.
 */
export function packagesWithAttr(index: NurIndex, ref: string): Package[] {
  const bare = stripRefPrefix(ref);
  return bare && !bare.includes('.') ? withAttr(index, bare) : [];
}

const withAttr = (index: NurIndex, attr: string) => index.packages.filter((p) => p.attr === attr);

export function packagesOf(index: NurIndex, repoName: string): Package[] {
  return index.packages.filter((p) => p.repo === repoName);
}
