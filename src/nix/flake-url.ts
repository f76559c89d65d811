// Flake references for NUR repos, per host, from repos.json fields.
import type { HostKind, Repo } from '../model.js';
import { NurError } from '../errors.js';

export function detectHost(url: string, type?: string): HostKind {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return 'git';
  }
  if (host === 'github.com') return 'github';
  if (host === 'gitlab.com' || type === 'gitlab') return 'gitlab';
  if (host === 'git.sr.ht' || type === 'sourcehut') return 'sourcehut';
  if (host === 'codeberg.org') return 'codeberg';
  return 'git';
}

export interface FlakeUrlOptions {
  /** Pin to this commit (NUR's locked rev). */
  rev?: string;
}

// Owner and repo segments that are safe inside a flake reference without escaping.
const SEGMENT = /^[A-Za-z0-9._~-]+$/;
const REV = /^[0-9a-f]{40}$/;

function parseRepoUrl(repo: Repo): URL {
  let url: URL;
  try {
    url = new URL(repo.url);
  } catch {
    throw new NurError(
      `repo ${repo.name} has an invalid URL in repos.json: ${JSON.stringify(repo.url)}`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new NurError(
      `repo ${repo.name} has an unsupported URL scheme ${url.protocol} in repos.json`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new NurError(
      `repo ${repo.name} has a URL with credentials, query or fragment; refusing to use it`,
    );
  }
  return url;
}

/** The path's segments; forges name a repo without `.git`, a plain git server may need it. */
function pathSegments(url: URL, { stripGitSuffix }: { stripGitSuffix: boolean }): string[] {
  const path = url.pathname.replace(/\/+$/, '');
  const segments = (stripGitSuffix ? path.replace(/\.git$/, '') : path)
    .split('/')
    .filter(Boolean)
    .map((s) => decodeURIComponent(s));
  for (const s of segments) {
    if (!SEGMENT.test(s))
      throw new NurError(
        `repo URL path segment ${JSON.stringify(s)} is not safe in a flake reference`,
      );
  }
  return segments;
}

function query(params: [string, string | undefined][]): string {
  const parts = params
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * The flake URL for a NUR repo: `github:Owner/repo`, `gitlab:`, `sourcehut:~owner/repo`, otherwise
 * `git+https://…`. Submodules force a git URL because the tarball-based schemes cannot fetch them.
 */
export function repoFlakeUrl(repo: Repo, options: FlakeUrlOptions = {}): string {
  const url = parseRepoUrl(repo);
  const segments = pathSegments(url, { stripGitSuffix: true });
  if (options.rev !== undefined && !REV.test(options.rev)) {
    throw new NurError(
      `locked rev ${JSON.stringify(options.rev)} of ${repo.name} is not a commit hash`,
    );
  }
  const ref = repo.branch;
  if (ref !== undefined && !/^[A-Za-z0-9._\/-]+$/.test(ref)) {
    throw new NurError(
      `branch ${JSON.stringify(ref)} of ${repo.name} is not safe in a flake reference`,
    );
  }
  const host = url.hostname.toLowerCase();
  const forgeHostParam = (defaultHost: string) => (host === defaultHost ? undefined : host);
  // A pinned rev fixes the commit; the tarball schemes reject a ref next to a rev.
  const tarballRef = options.rev ? undefined : ref;

  if (!repo.submodules && segments.length >= 2) {
    const [owner, ...rest] = segments as [string, ...string[]];
    if (repo.host === 'github' && segments.length === 2) {
      return `github:${owner}/${rest[0]}${query([
        ['ref', tarballRef],
        ['rev', options.rev],
      ])}`;
    }
    if (repo.host === 'gitlab' && url.protocol === 'https:') {
      // Subgroups are encoded into the owner part: gitlab:group%2Fsub/repo.
      const project = rest.pop()!;
      const namespace = [owner, ...rest].map(encodeURIComponent).join('%2F');
      return `gitlab:${namespace}/${project}${query([
        ['ref', tarballRef],
        ['rev', options.rev],
        ['host', forgeHostParam('gitlab.com')],
      ])}`;
    }
    if (repo.host === 'sourcehut' && segments.length === 2 && owner.startsWith('~')) {
      return `sourcehut:${owner}/${rest[0]}${query([
        ['ref', tarballRef],
        ['rev', options.rev],
        ['host', forgeHostParam('git.sr.ht')],
      ])}`;
    }
  }
  const gitPath = pathSegments(url, { stripGitSuffix: false }).map(encodeURIComponent).join('/');
  const base = `git+${url.protocol}//${url.host}/${gitPath}`;
  return `${base}${query([
    ['ref', ref],
    ['rev', options.rev],
    ['submodules', repo.submodules ? '1' : undefined],
  ])}`;
}

/** NUR's own flake, which exposes every repo under `repos.<name>`. */
export const NUR_FLAKE_URL = 'github:nix-community/NUR';
