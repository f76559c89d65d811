// The types every layer shares. Pure data: no behaviour, no I/O.

/** Where a NUR repo is hosted; decides the flake URL scheme. */
export type HostKind = 'github' | 'gitlab' | 'sourcehut' | 'codeberg' | 'git';

export interface License {
  spdxId?: string;
  shortName?: string;
  fullName?: string;
  url?: string;
  free?: boolean;
}

export interface Maintainer {
  name?: string;
  github?: string;
  email?: string;
}

export interface Package {
  /** NUR repo name, `mic92`. May start with a digit or contain `-`. */
  repo: string;
  /** Attribute inside the repo, `goatcounter`; may be nested (`linuxKernel.packages.x`). */
  attr: string;
  /** Index key without the prefix: `mic92.goatcounter`. What users type and see. */
  ref: string;
  /** Full index key: `nur.repos.mic92.goatcounter`. */
  attrPath: string;
  /** Derivation name, `goatcounter-2.5.0`. */
  name: string;
  pname: string;
  version: string;
  description: string;
  longDescription: string;
  homepage: string;
  licenses: License[];
  mainProgram: string;
  platforms: string[];
  broken: boolean;
  unfree: boolean;
  insecure: boolean;
  available: boolean;
  maintainers: Maintainer[];
  /** Source position URL (`https://github.com/nix-community/nur-combined/tree/...#L10`). */
  position: string;
  outputs: string[];
}

export interface Repo {
  name: string;
  /** Clone URL as written in repos.json. */
  url: string;
  host: HostKind;
  /** Path of the Nix file NUR imports, when not `default.nix`. */
  file?: string;
  submodules: boolean;
  branch?: string;
  /** repos.json `type` (`gitlab`, `gitea`, `sourcehut`) for self-hosted forges. */
  type?: string;
  githubContact?: string;
  /** Commit NUR last evaluated, from repos.json.lock. */
  lockedRev?: string;
  lockedSha256?: string;
}

export interface IndexMeta {
  packagesUrl: string;
  reposUrl: string;
  lockUrl: string;
  /** ISO time of the last successful fetch or revalidation. */
  fetchedAt: string;
  packageCount: number;
  repoCount: number;
}

export interface NurIndex {
  packages: Package[];
  /** Keyed by NUR repo name. */
  repos: Record<string, Repo>;
  meta: IndexMeta;
}

/** A half-open range [start, end) of matched characters in a displayed field. */
export interface MatchRange {
  start: number;
  end: number;
}

export interface SearchHit {
  pkg: Package;
  /** Higher is better; comparable only within one search. */
  score: number;
  /** Ranges in `pkg.ref`. */
  refMatches: MatchRange[];
  /** Ranges in `pkg.description`. */
  descriptionMatches: MatchRange[];
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many packages matched before any limit. */
  total: number;
}

export interface SearchOptions {
  /** At most this many hits (after ranking). */
  limit?: number;
  /** Only packages of this NUR repo. */
  repo?: string;
}

/** One engine serves the CLI and the TUI; built once per index, queried per keystroke. */
export interface SearchEngine {
  readonly size: number;
  search(query: string, options?: SearchOptions): SearchResult;
}
