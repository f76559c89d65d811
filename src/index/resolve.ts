// What a user-typed REF names in the index: a package, a repo, or a repo by its source URL.
import type { NurIndex, Package, Repo } from '../model.js';

export type Resolved =
  | { kind: 'package'; pkg: Package; repo?: Repo }
  | { kind: 'repo'; repo: Repo; packages: Package[] };

/** Strips the prefixes users paste: `pkgs.nur.repos.`, `nur.repos.`, `repos.`. */
export function stripRefPrefix(ref: string): string {
  return ref.trim().replace(/^(?:pkgs\.)?(?:nur\.)?repos\./, '');
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
    const repo = findRepoByOwnerPath(index, bare);
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
  }
  return undefined;
}

export function packagesOf(index: NurIndex, repoName: string): Package[] {
  return index.packages.filter((p) => p.repo === repoName);
}
