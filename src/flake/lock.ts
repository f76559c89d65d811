// flake.lock reading and NUR repo matching for `nur inputs`. Pure: text and data in, data out.
import { NurError } from '../errors.js';
import type { Repo } from '../model.js';

/** The `locked` / `original` attributes of a lock node (only the fields this tool reads). */
export interface LockedRef {
  type: string;
  owner?: string;
  repo?: string;
  ref?: string;
  rev?: string;
  host?: string;
  url?: string;
  path?: string;
  dir?: string;
}

export interface LockNode {
  /** Input name → node name, or a follows path (`["nixpkgs"]`, `["utils", "systems"]`). */
  inputs?: Record<string, string | string[]>;
  locked?: LockedRef;
  original?: LockedRef;
  flake?: boolean;
}

export interface FlakeLock {
  version: number;
  root: string;
  nodes: Record<string, LockNode>;
}

/** Lock versions whose node graph reads the same way (Nix 2.4 onwards writes 7). */
const SUPPORTED_VERSIONS = [5, 6, 7];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function lockedRefOf(value: unknown): LockedRef | undefined {
  if (!isObject(value) || typeof value.type !== 'string') return undefined;
  const ref: LockedRef = { type: value.type };
  for (const key of ['owner', 'repo', 'ref', 'rev', 'host', 'url', 'path', 'dir'] as const) {
    const field = value[key];
    if (typeof field === 'string') ref[key] = field;
  }
  return ref;
}

function lockNodeOf(value: unknown): LockNode {
  if (!isObject(value)) return {};
  const node: LockNode = {};
  if (isObject(value.inputs)) {
    const inputs: Record<string, string | string[]> = {};
    for (const [name, target] of Object.entries(value.inputs)) {
      if (typeof target === 'string') inputs[name] = target;
      else if (Array.isArray(target) && target.every((t) => typeof t === 'string'))
        inputs[name] = target as string[];
    }
    node.inputs = inputs;
  }
  const locked = lockedRefOf(value.locked);
  if (locked) node.locked = locked;
  const original = lockedRefOf(value.original);
  if (original) node.original = original;
  if (typeof value.flake === 'boolean') node.flake = value.flake;
  return node;
}

/** Parses flake.lock text. Throws NurError naming the file for bad JSON or an unknown version. */
export function parseFlakeLock(text: string, file = 'flake.lock'): FlakeLock {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new NurError(`${file} is not valid JSON: ${(error as Error).message}`, {
      hint: 'Regenerate it with `nix flake lock`.',
      cause: error,
    });
  }
  if (!isObject(json) || !isObject(json.nodes)) {
    throw new NurError(`${file} has no "nodes" object; it is not a flake lock file`, {
      hint: 'Regenerate it with `nix flake lock`.',
    });
  }
  const version = json.version;
  if (typeof version !== 'number' || !SUPPORTED_VERSIONS.includes(version)) {
    throw new NurError(`${file} has lock version ${JSON.stringify(version)}; nur reads 5 to 7`, {
      hint: 'Regenerate it with a current Nix: `nix flake lock`.',
    });
  }
  const nodes: Record<string, LockNode> = {};
  for (const [name, node] of Object.entries(json.nodes)) nodes[name] = lockNodeOf(node);
  const root = typeof json.root === 'string' ? json.root : 'root';
  if (!nodes[root]) throw new NurError(`${file} has no root node "${root}"`);
  return { version, root, nodes };
}

/**
 * The node name an input path leads to, following `follows` arrays (which are paths from the root)
 * the way Nix does. Undefined when the path is not in the lock or a follows cycle is found.
 */
export function resolveLockPath(lock: FlakeLock, path: string[], seen = 0): string | undefined {
  if (seen > 32) return undefined;
  let nodeName = lock.root;
  for (const inputName of path) {
    const target = lock.nodes[nodeName]?.inputs?.[inputName];
    if (target === undefined) return undefined;
    const next = typeof target === 'string' ? target : resolveLockPath(lock, target, seen + 1);
    if (next === undefined) return undefined;
    nodeName = next;
  }
  return nodeName;
}

export interface LockedInput {
  /** The lock node the input resolved to. */
  node: string;
  locked?: LockedRef;
  original?: LockedRef;
  /** The root entry was a follows path (`["nixpkgs"]`). */
  follows?: string[];
}

/** What the lock records for the flake's own input `name`, or undefined when it is not locked. */
export function lockedInput(lock: FlakeLock, name: string): LockedInput | undefined {
  const entry = lock.nodes[lock.root]?.inputs?.[name];
  if (entry === undefined) return undefined;
  const node = resolveLockPath(lock, [name]);
  if (node === undefined) return undefined;
  const found = lock.nodes[node];
  const result: LockedInput = { node };
  if (found?.locked) result.locked = found.locked;
  if (found?.original) result.original = found.original;
  if (Array.isArray(entry)) result.follows = entry;
  return result;
}

/** A flake reference written back from a lock node's attributes (`github:owner/repo/ref`). */
export function lockedRefUrl(ref: LockedRef): string | undefined {
  const refPart = ref.ref ? `/${ref.ref}` : '';
  switch (ref.type) {
    case 'github':
    case 'gitlab':
    case 'sourcehut': {
      if (!ref.owner || !ref.repo) return undefined;
      const host = ref.host ? `?host=${ref.host}` : '';
      return `${ref.type}:${ref.owner}/${ref.repo}${refPart}${host}`;
    }
    case 'git':
      return ref.url ? `git+${ref.url}${ref.ref ? `?ref=${ref.ref}` : ''}` : undefined;
    case 'path':
      return ref.path ? `path:${ref.path}` : undefined;
    case 'tarball':
    case 'file':
      return ref.url;
    case 'indirect':
      return ref.owner ?? ref.repo ?? undefined;
    default:
      return undefined;
  }
}

/** Where a repository lives: lower-case host and path segments (no `.git`). */
export interface RepoLocation {
  host: string;
  segments: string[];
}

const DEFAULT_FORGE_HOST: Record<string, string> = {
  github: 'github.com',
  gitlab: 'gitlab.com',
  sourcehut: 'git.sr.ht',
};

function locationOfUrl(text: string): RepoLocation | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (!url.hostname) return undefined;
  let segments: string[];
  try {
    segments = url.pathname
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s).toLowerCase());
  } catch {
    return undefined;
  }
  const last = segments.length - 1;
  if (last >= 0) segments[last] = segments[last]!.replace(/\.git$/, '');
  return { host: url.hostname.toLowerCase(), segments };
}

/**
 * The repository a flake URL points at: `github:Owner/repo/ref`, `gitlab:group%2Fsub/repo`,
 * `sourcehut:~owner/repo`, `git+https://host/path.git?ref=…`, `git+ssh://git@host/path`.
 * Undefined for references that do not name a forge repository (`path:`, tarballs, registry names).
 */
export function flakeUrlLocation(flakeUrl: string): RepoLocation | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(flakeUrl)?.[1]?.toLowerCase();
  if (!scheme) return undefined;
  const forgeHost = DEFAULT_FORGE_HOST[scheme];
  if (forgeHost) {
    const rest = flakeUrl.slice(scheme.length + 1);
    const [pathPart = '', queryPart = ''] = rest.split('?', 2);
    const host = new URLSearchParams(queryPart).get('host')?.toLowerCase() ?? forgeHost;
    // owner/repo[/ref-or-rev]; the owner may hold %2F-encoded GitLab subgroups.
    const [owner, repo] = pathPart.split('/');
    if (!owner || !repo) return undefined;
    let ownerSegments: string[];
    try {
      ownerSegments = decodeURIComponent(owner).split('/').filter(Boolean);
    } catch {
      return undefined;
    }
    return {
      host,
      segments: [...ownerSegments, repo.replace(/\.git$/, '')].map((s) => s.toLowerCase()),
    };
  }
  if (scheme.startsWith('git+')) return locationOfUrl(flakeUrl.slice('git+'.length));
  return undefined;
}

/** Where a locked input comes from, read from the lock node when flake.nix has no URL string. */
export function lockedRefLocation(ref: LockedRef): RepoLocation | undefined {
  const url = lockedRefUrl(ref);
  return url && ref.type !== 'tarball' && ref.type !== 'file' ? flakeUrlLocation(url) : undefined;
}

const locationKey = (location: RepoLocation) => `${location.host}/${location.segments.join('/')}`;

/** Finds NUR repos by location; built once per index (parsing 563 URLs), then O(1) per input. */
export type NurRepoMatcher = (location: RepoLocation, inputName?: string) => Repo | undefined;

/**
 * A matcher for the NUR repo whose repos.json URL is the repository at a location (host and path
 * compared case-insensitively, as the forges do). When several repos share one URL, the one the
 * input is named after (`nur-<name>` or `<name>`) wins, then the first by name.
 */
export function nurRepoMatcher(repos: Record<string, Repo>): NurRepoMatcher {
  const byLocation = new Map<string, Repo[]>();
  const sorted = Object.values(repos).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const repo of sorted) {
    const location = locationOfUrl(repo.url);
    if (!location) continue;
    const key = locationKey(location);
    byLocation.set(key, [...(byLocation.get(key) ?? []), repo]);
  }
  return (location, inputName) => {
    const matches = byLocation.get(locationKey(location)) ?? [];
    if (matches.length <= 1 || !inputName) return matches[0];
    const wanted = inputName.toLowerCase().replace(/^nur-/, '');
    return matches.find((repo) => repo.name.toLowerCase() === wanted) ?? matches[0];
  };
}

/** One-off form of nurRepoMatcher. */
export function matchNurRepo(
  location: RepoLocation,
  repos: Record<string, Repo>,
  inputName?: string,
): Repo | undefined {
  return nurRepoMatcher(repos)(location, inputName);
}

/** How an input's locked rev compares with the rev NUR last evaluated. */
export type InputStatus = 'up to date' | 'behind' | 'not locked' | 'unknown';

export function compareRevs(
  lockedRev: string | undefined,
  nurRev: string | undefined,
  locked: boolean,
): InputStatus {
  if (!locked) return 'not locked';
  if (!lockedRev || !nurRev) return 'unknown';
  return lockedRev.toLowerCase() === nurRev.toLowerCase() ? 'up to date' : 'behind';
}

/** What `nur inputs` knows about one declared input (stable `--json` fields). */
export interface InputReport {
  name: string;
  /** The URL written in flake.nix, else the one the lock records; null for a follows-only input. */
  url: string | null;
  /** The input this one follows (`x.follows = "nixpkgs"`), else null. */
  follows: string | null;
  /** The NUR repo the URL points at, else null. */
  nurRepo: string | null;
  /** The commit flake.lock pins, else null. */
  lockedRev: string | null;
  /** The commit NUR last evaluated (repos.json.lock), for NUR repos. */
  nurRev: string | null;
  /** For NUR repos: how the two revs compare; null for other inputs. */
  status: InputStatus | null;
}

/** A declared input as listInputs reports it (the fields used here). */
export interface DeclaredInput {
  name: string;
  url?: string;
  followsInput?: string;
}

/** One report per declared input, in source order. `lock` is undefined when flake.lock is missing. */
export function reportInputs(
  declared: DeclaredInput[],
  lock: FlakeLock | undefined,
  repos: Record<string, Repo>,
): InputReport[] {
  const matchRepo = nurRepoMatcher(repos);
  return declared.map((input) => {
    const locked = lock ? lockedInput(lock, input.name) : undefined;
    const lockedUrl = locked?.original ? lockedRefUrl(locked.original) : undefined;
    const url = input.url ?? (input.followsInput === undefined ? lockedUrl : undefined);
    const location =
      (url !== undefined ? flakeUrlLocation(url) : undefined) ??
      (input.followsInput === undefined && locked?.original
        ? lockedRefLocation(locked.original)
        : undefined);
    const repo = location ? matchRepo(location, input.name) : undefined;
    const lockedRev = locked?.locked?.rev;
    return {
      name: input.name,
      url: url ?? null,
      follows: input.followsInput ?? null,
      nurRepo: repo?.name ?? null,
      lockedRev: lockedRev ?? null,
      nurRev: repo?.lockedRev ?? null,
      status: repo ? compareRevs(lockedRev, repo.lockedRev, locked !== undefined) : null,
    };
  });
}
