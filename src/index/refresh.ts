// Refreshing the cache from the three published files, with the guards that keep a bad download
// (truncated, garbage, a wiped or gutted index, a wiped lock) from replacing the last good cache.
import { accessSync, constants } from 'node:fs';
import { NurError } from '../errors.js';
import type { NurIndex, Package, Repo } from '../model.js';
import type { Settings } from '../settings.js';
import type { Env } from '../context.js';
import {
  indexMetaOf,
  isPermissionError,
  writeCache,
  writeMeta,
  type CacheMeta,
  type SourceValidator,
} from './cache.js';
import {
  createFetcher,
  fetcherOptionsFromEnv,
  type FetchResult,
  type Fetcher,
  type Validators,
} from './fetch.js';
import { isObject, normalizeRepos, type NormalizedPackages } from './normalize.js';
import { PackagesTextNormalizer } from './packages-text.js';
import { createProgressBar, noProgress } from './progress.js';

// ---- pure decisions ----

// Cache age decisions live with the cache, so loading it does not load the refresh machinery.
export { cacheAgeMs, formatAge, isStale } from './cache.js';

/** Over this share of entries failing normalisation means the file is not a package index. */
export const MAX_SKIPPED_SHARE = 0.1;

/**
 * The HTTP timeout of a refresh made inside another command (search, show, …) while a stale
 * cache is there to fall back on; it makes one attempt. Explicit `nur update` waits longer and
 * retries: a hanging server would otherwise hold up a search for a minute and a half.
 */
export const AUTOMATIC_TIMEOUT_MS = 10_000;

const FORCE_ADVICE = '(use `nur update --force` to accept it)';

/**
 * A package with a name, version or description of its own. Entries emptied to `{}` still
 * normalise (the key gives repo and attr) but carry none, so counting packages alone misses a
 * gutted index. About 3% of real packages have none of the three.
 */
export function isDescribed(pkg: Package): boolean {
  return pkg.version !== '' || pkg.description !== '' || pkg.name !== pkg.attr;
}

export function describedCount(packages: readonly Package[]): number {
  let count = 0;
  for (const pkg of packages) if (isDescribed(pkg)) count++;
  return count;
}

export interface DownloadFacts {
  packageCount: number;
  skipped: number;
  /** Packages of the download that pass isDescribed. */
  describedCount: number;
  /** The cached index, when there is one from the same packages URL. */
  previous?: { packageCount: number; describedCount: number };
  force: boolean;
}

/** Why a normalised download must not replace the cache; undefined when it passes. */
export function downloadProblem(facts: DownloadFacts): string | undefined {
  if (facts.packageCount === 0) return 'it contains no packages';
  const entries = facts.packageCount + facts.skipped;
  if (facts.skipped > entries * MAX_SKIPPED_SHARE)
    return `${facts.skipped} of ${entries} entries are not valid packages`;
  const { previous } = facts;
  if (facts.force || !previous) return undefined;
  if (facts.packageCount < previous.packageCount / 2)
    return `it has ${facts.packageCount} packages, fewer than half of the ${previous.packageCount} cached ${FORCE_ADVICE}`;
  if (facts.describedCount < previous.describedCount / 2)
    return `only ${facts.describedCount} of its ${facts.packageCount} packages have a name, version or description, fewer than half of the ${previous.describedCount} cached ${FORCE_ADVICE}`;
  return undefined;
}

export interface ReposFacts {
  repoCount: number;
  /** Repos with a locked revision after merging the lock. */
  lockedCount: number;
  previous?: { repoCount: number; lockedCount: number };
  force: boolean;
}

/**
 * Which file of a repos download must not replace the cache, and why. A lock that lost its
 * entries would silently turn every snippet's pinned revision into HEAD.
 */
export function reposProblem(
  facts: ReposFacts,
): { file: 'repos' | 'lock'; reason: string } | undefined {
  const { previous } = facts;
  if (facts.force || !previous) return undefined;
  if (facts.repoCount < previous.repoCount / 2)
    return {
      file: 'repos',
      reason: `it lists ${facts.repoCount} repos, fewer than half of the ${previous.repoCount} cached ${FORCE_ADVICE}`,
    };
  if (facts.lockedCount < previous.lockedCount / 2)
    return {
      file: 'lock',
      reason: `it locks ${facts.lockedCount} of ${facts.repoCount} repos, fewer than half of the ${previous.lockedCount} locked in the cache ${FORCE_ADVICE}`,
    };
  return undefined;
}

function lockedCount(repos: Record<string, Repo>): number {
  let count = 0;
  for (const name in repos) if (repos[name]!.lockedRev) count++;
  return count;
}

export function sameRefs(a: Package[], b: Package[]): { added: number; removed: number } {
  const before = new Set(a.map((p) => p.ref));
  const after = new Set(b.map((p) => p.ref));
  let added = 0;
  let removed = 0;
  for (const ref of after) if (!before.has(ref)) added++;
  for (const ref of before) if (!after.has(ref)) removed++;
  return { added, removed };
}

// ---- the refresh ----

/** A download arrived but failed validation; the cache was left as it was. */
export class IndexRejectedError extends NurError {
  constructor(url: string, reason: string) {
    super(`rejected the download of ${url}: ${reason}`, {
      // A shrink guard's reason already says how to accept the file; waiting will not help.
      hint: reason.endsWith(FORCE_ADVICE)
        ? 'The last good cache is kept.'
        : 'The last good cache is kept; try again later.',
    });
    this.name = 'IndexRejectedError';
  }
}

export type SourceOutcome = 'updated' | 'not-modified';

export interface RefreshResult {
  index: NurIndex;
  meta: CacheMeta;
  packages: SourceOutcome;
  repos: SourceOutcome;
  lock: SourceOutcome;
  /** Bytes of packages.json received (0 when not modified). */
  packagesBytes: number;
}

export interface RefreshParams {
  dir: string;
  settings: Pick<Settings, 'packagesUrl' | 'reposUrl' | 'lockUrl'>;
  /** The cache that is there now, if it loaded. */
  previous?: { index: NurIndex; meta: CacheMeta };
  /** Skip the shrink guards and send no conditional headers. */
  force?: boolean;
  /**
   * A refresh inside another command with a stale cache to fall back on: one attempt, and
   * AUTOMATIC_TIMEOUT_MS unless NUR_HTTP_TIMEOUT_MS says otherwise.
   */
  automatic?: boolean;
  env: Env;
  cwd: string;
  stderr: { write(chunk: string): unknown };
  stderrIsTTY: boolean;
  now: () => Date;
}

function parseJson(text: string, url: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new IndexRejectedError(url, 'it is not valid JSON (cut off or not an index)');
  }
}

function validatorsOf(source: SourceValidator | undefined, url: string, force: boolean) {
  if (force || !source || source.url !== url) return undefined;
  const validators: Validators = {};
  if (source.etag) validators.etag = source.etag;
  if (source.lastModified) validators.lastModified = source.lastModified;
  return validators.etag || validators.lastModified ? validators : undefined;
}

function validatorAfter(
  url: string,
  result: FetchResult,
  previous: SourceValidator | undefined,
): SourceValidator {
  if (result.status === 'not-modified') return { ...previous, url };
  const validator: SourceValidator = { url };
  if (result.etag) validator.etag = result.etag;
  if (result.lastModified) validator.lastModified = result.lastModified;
  return validator;
}

async function fetchRepos(
  fetcher: Fetcher,
  params: RefreshParams,
  unconditional: boolean,
): Promise<{ repos?: Record<string, Repo>; reposResult: FetchResult; lockResult: FetchResult }> {
  const { settings, previous } = params;
  const sources = previous?.meta.sources;
  let [reposResult, lockResult] = await Promise.all([
    fetcher.fetch(
      settings.reposUrl,
      validatorsOf(sources?.repos, settings.reposUrl, unconditional),
    ),
    fetcher.fetch(settings.lockUrl, validatorsOf(sources?.lock, settings.lockUrl, unconditional)),
  ]);
  if (reposResult.status === 'not-modified' && lockResult.status === 'not-modified')
    return { reposResult, lockResult };
  // Repos are cached merged with their lock, so when one changed the other is needed in full.
  if (reposResult.status === 'not-modified') reposResult = await fetcher.fetch(settings.reposUrl);
  if (lockResult.status === 'not-modified') lockResult = await fetcher.fetch(settings.lockUrl);
  if (reposResult.status !== 'ok' || lockResult.status !== 'ok')
    throw new NurError('the server answered "not modified" to an unconditional request');
  const reposJson = parseJson(reposResult.text, settings.reposUrl);
  const lockJson = parseJson(lockResult.text, settings.lockUrl);
  // normalizeRepos reads a lock without entries as "nothing locked"; a lock file has them.
  if (!isObject(lockJson) || !isObject(lockJson.repos))
    throw new IndexRejectedError(
      settings.lockUrl,
      'it has no "repos" object (not a NUR lock file)',
    );
  let repos: Record<string, Repo>;
  try {
    repos = normalizeRepos(reposJson, lockJson);
  } catch (error) {
    throw new IndexRejectedError(settings.reposUrl, (error as Error).message);
  }
  const repoCount = Object.keys(repos).length;
  if (repoCount === 0) throw new IndexRejectedError(settings.reposUrl, 'it lists no repos');
  const cachedRepos = previous?.index.repos;
  const problem = reposProblem({
    repoCount,
    lockedCount: lockedCount(repos),
    previous: cachedRepos && {
      repoCount: Object.keys(cachedRepos).length,
      lockedCount: lockedCount(cachedRepos),
    },
    force: params.force ?? false,
  });
  if (problem)
    throw new IndexRejectedError(
      problem.file === 'repos' ? settings.reposUrl : settings.lockUrl,
      problem.reason,
    );
  return { repos, reposResult, lockResult };
}

async function fetchPackages(
  fetcher: Fetcher,
  params: RefreshParams,
  unconditional: boolean,
): Promise<{ packages?: Package[]; result: FetchResult }> {
  const { settings, previous } = params;
  const progress = params.stderrIsTTY
    ? createProgressBar(params.stderr, 'nur: downloading packages.json')
    : noProgress;
  let normalizer: PackagesTextNormalizer | undefined;
  const result = await fetcher.fetch(
    settings.packagesUrl,
    validatorsOf(previous?.meta.sources.packages, settings.packagesUrl, unconditional),
    progress,
    // Normalised while it downloads: the 20 MB text is never held whole.
    () => (normalizer = new PackagesTextNormalizer()),
  );
  if (result.status === 'not-modified') return { result };
  let normalized: NormalizedPackages;
  try {
    normalized = normalizer!.end();
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new IndexRejectedError(
        settings.packagesUrl,
        'it is not valid JSON (cut off or not an index)',
      );
    throw new IndexRejectedError(settings.packagesUrl, (error as Error).message);
  }
  const sameSource = previous?.meta.sources.packages.url === settings.packagesUrl;
  const problem = downloadProblem({
    packageCount: normalized.packages.length,
    skipped: normalized.skipped,
    describedCount: describedCount(normalized.packages),
    // A different source is the user's deliberate choice, not a wiped index.
    previous:
      previous && sameSource
        ? {
            packageCount: previous.index.packages.length,
            describedCount: describedCount(previous.index.packages),
          }
        : undefined,
    force: params.force ?? false,
  });
  if (problem) throw new IndexRejectedError(settings.packagesUrl, problem);
  return { packages: normalized.packages, result };
}

/** The index cache directory cannot be written; the cache there was left as it was. */
export class CacheWriteError extends NurError {
  constructor(dir: string, error: unknown) {
    const reason = isPermissionError(error) ? 'permission denied' : (error as Error).message;
    super(`cannot write the index cache in ${dir}: ${reason}`, {
      hint: 'Check that the directory is writable, or set XDG_CACHE_HOME to one that is.',
      cause: error,
    });
    this.name = 'CacheWriteError';
  }
}

/** A cache directory that cannot be written is the user's to fix: say where and why. */
async function cacheWrite<T>(dir: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw new CacheWriteError(dir, error);
  }
}

/**
 * Fails before downloading anything when the cache directory exists but cannot be written, so a
 * read-only cache does not cost a full download on every run. A missing directory is created by
 * the write, which reports its own failure.
 */
function checkWritable(dir: string): void {
  try {
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (isPermissionError(error) || code === 'EROFS') throw new CacheWriteError(dir, error);
  }
}

/**
 * Downloads what changed, validates it, and writes a new cache (or only touches meta.json on
 * "not modified"). Throws FetchError or IndexRejectedError and leaves the cache alone on failure.
 */
export async function refreshIndex(params: RefreshParams): Promise<RefreshResult> {
  const force = params.force ?? false;
  const { previous, settings } = params;
  // Conditional answers are only usable with a cache to fall back on.
  const conditional = !force && previous !== undefined;
  checkWritable(params.dir);
  const fetcherOptions = fetcherOptionsFromEnv(params.env, params.cwd);
  if (params.automatic) {
    fetcherOptions.retries = 0;
    fetcherOptions.timeoutMs ??= AUTOMATIC_TIMEOUT_MS;
  }
  const fetcher = await createFetcher(fetcherOptions);
  try {
    const [pkgs, repos] = await Promise.all([
      fetchPackages(fetcher, params, !conditional),
      fetchRepos(fetcher, params, !conditional),
    ]);
    const sources: CacheMeta['sources'] = {
      packages: validatorAfter(settings.packagesUrl, pkgs.result, previous?.meta.sources.packages),
      repos: validatorAfter(settings.reposUrl, repos.reposResult, previous?.meta.sources.repos),
      lock: validatorAfter(settings.lockUrl, repos.lockResult, previous?.meta.sources.lock),
    };
    const fetchedAt = params.now().toISOString();
    const outcome = (r: FetchResult): SourceOutcome =>
      r.status === 'ok' ? 'updated' : 'not-modified';
    const summary = {
      packages: outcome(pkgs.result),
      repos: outcome(repos.reposResult),
      lock: outcome(repos.lockResult),
      packagesBytes: pkgs.result.status === 'ok' ? pkgs.result.bytes : 0,
    };
    if (!pkgs.packages && !repos.repos && previous) {
      const meta: CacheMeta = { ...previous.meta, fetchedAt, sources };
      await cacheWrite(params.dir, () => writeMeta(params.dir, meta));
      return { ...summary, meta, index: { ...previous.index, meta: indexMetaOf(meta) } };
    }
    const packages = pkgs.packages ?? previous?.index.packages;
    const repoMap = repos.repos ?? previous?.index.repos;
    if (!packages || !repoMap)
      throw new NurError('the server answered "not modified" but there is no cache to reuse');
    const meta = await cacheWrite(params.dir, () =>
      writeCache(params.dir, { packages, repos: repoMap }, { fetchedAt, sources }),
    );
    return { ...summary, meta, index: { packages, repos: repoMap, meta: indexMetaOf(meta) } };
  } finally {
    await fetcher.close();
  }
}
