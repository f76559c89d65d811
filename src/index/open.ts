// Loads the index for a run: the cache first, refreshed when older than the TTL unless offline.
// A failed refresh (network, rejected download, a cache directory it cannot write) falls back to
// the cache it has, with a one-line warning saying its age.
import type { AppContext } from '../context.js';
import { NurError } from '../errors.js';
import type { NurIndex } from '../model.js';
import { cacheDir, resolveSettings } from '../settings.js';
import { cacheAgeMs, formatAge, isStale, loadCache, type CacheLoad } from './cache.js';

export function corruptCacheError(dir: string, reason: string): NurError {
  return new NurError(`the index cache in ${dir} is corrupt: ${reason}`, {
    hint: 'Run `nur update --force` to download it again.',
  });
}

export const NO_CACHE_HINT =
  'Run `nur update` while online, or use a local copy: `nur config set packagesUrl /path/to/packages.json`, then `nur update`.';

/**
 * Loads the cache of this run's environment, turning corruption into a clear error. A cache from
 * a nur with another cache format counts as none (it is downloaded again) unless offline.
 */
function loadUsableCache(
  context: AppContext,
): Exclude<CacheLoad, { status: 'corrupt' }> & { outdated?: boolean } {
  const dir = cacheDir(context.env);
  const cached = loadCache(dir);
  if (cached.status === 'corrupt' && cached.outdated && !context.globals.offline)
    return { status: 'missing', outdated: true };
  if (cached.status === 'corrupt') throw corruptCacheError(dir, cached.reason);
  return cached;
}

export async function openIndex(context: AppContext): Promise<NurIndex> {
  const settings = resolveSettings(context);
  const dir = cacheDir(context.env);
  const cached = loadUsableCache(context);
  const now = context.now();
  if (cached.status === 'ok') {
    // The index comes from the configured source (flag, env, config or default): a cache from
    // another one (an earlier one-off --index-url, a changed setting) is replaced, not used as
    // if it were that source's.
    const cachedFrom = cached.meta.sources.packages.url;
    const elsewhere = cachedFrom !== settings.packagesUrl;
    const stale = elsewhere || isStale(cached.meta.fetchedAt, now, settings.ttlSeconds);
    if (!stale) return cached.index;
    if (context.globals.offline) {
      const age = formatAge(cacheAgeMs(cached.meta.fetchedAt, now));
      context.warn(
        elsewhere
          ? `offline; using the cache from ${age}, downloaded from ${cachedFrom} rather than ${settings.packagesUrl}`
          : `offline; using the cache from ${age}`,
      );
      return cached.index;
    }
  } else if (context.globals.offline) {
    throw new NurError('there is no cached index and --offline forbids downloading one', {
      hint: NO_CACHE_HINT,
    });
  }
  const previous = cached.status === 'ok' ? cached : undefined;
  // Loaded only when a refresh is due: a fresh cache never pulls in HTTP, gzip or normalisation.
  const [{ refreshIndex, IndexRejectedError, CacheWriteError }, { FetchError }] = await Promise.all(
    [import('./refresh.js'), import('./fetch.js')],
  );
  try {
    const result = await refreshIndex({
      dir,
      settings,
      previous,
      // With a cache to fall back on, a hanging server must not hold up the command for long.
      automatic: previous !== undefined,
      env: context.env,
      cwd: context.cwd,
      stderr: context.io.stderr,
      stderrIsTTY: context.io.stderrIsTTY,
      now: context.now,
    });
    return result.index;
  } catch (error) {
    const expected = error instanceof FetchError || error instanceof IndexRejectedError;
    // A cache this user can read but not write still answers the command.
    if (error instanceof CacheWriteError && previous) {
      const age = formatAge(cacheAgeMs(previous.meta.fetchedAt, now));
      context.warn(`could not refresh the index (${error.message}); using the cache from ${age}`);
      return previous.index;
    }
    if (!expected) throw error;
    if (previous) {
      const age = formatAge(cacheAgeMs(previous.meta.fetchedAt, now));
      const what =
        error instanceof IndexRejectedError
          ? error.message
          : `could not refresh the index (${error.message})`;
      context.warn(`${what}; using the cache from ${age}`);
      return previous.index;
    }
    const none = cached.outdated
      ? 'the cached index was written by another version of nur'
      : 'there is no cached index';
    throw new NurError(`${none} and downloading it failed: ${error.message}`, {
      hint: NO_CACHE_HINT,
      cause: error,
    });
  }
}
