// The index cache under $XDG_CACHE_HOME/nur:
//   index-<sha256 prefix>.json  the compact pre-normalised index (cache-format.ts: a JSON header
//                               line, then the string columns)
//   names.txt                   package refs and repo names for shell completion (format below)
//   meta.json                   sources with their validators, fetchedAt, counts, and which index
//                               file is current with its sha256 and CRC-32; written last, so it
//                               commits a refresh.
// The index file is named by its content: two refreshes running at once each write their own file
// and their own meta, so whichever meta lands last points at a complete file with a matching
// checksum. A kill mid-write leaves at worst an unreferenced temp or index file.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { NurError } from '../errors.js';
import type { IndexMeta, NurIndex } from '../model.js';
import { CACHE_FORMAT, CacheFormatError, decodeIndex, encodeIndex } from './cache-format.js';

export const META_FILE = 'meta.json';
export const NAMES_FILE = 'names.txt';
const INDEX_FILE_PATTERN = /^index-[0-9a-f]{16}\.json$/;
/** Old index files younger than this may belong to a refresh still running in another process. */
const STALE_INDEX_FILE_MS = 10 * 60_000;

/** What a server said about one source file; sent back as If-None-Match / If-Modified-Since. */
export interface SourceValidator {
  url: string;
  etag?: string;
  lastModified?: string;
}

export interface CacheMeta {
  format: number;
  /** File name of the current index inside the cache directory. */
  indexFile: string;
  sha256: string;
  /**
   * CRC-32 of the index file, checked on every load. It guards against the same thing the sha256
   * would (a file damaged on disk or by hand; the file itself is only ever renamed into place
   * whole) at a fraction of the cost: node:crypto alone takes ~4 ms to load. It is no weaker
   * against tampering either, since whoever can rewrite the index can rewrite meta.json too.
   */
  crc32: number;
  fetchedAt: string;
  packageCount: number;
  repoCount: number;
  sources: { packages: SourceValidator; repos: SourceValidator; lock: SourceValidator };
}

export type CacheLoad =
  | { status: 'missing' }
  /** `outdated`: written by a nur with another cache format; nothing is wrong with it. */
  | { status: 'corrupt'; reason: string; outdated?: boolean }
  | { status: 'ok'; index: NurIndex; meta: CacheMeta };

export function indexMetaOf(meta: CacheMeta): IndexMeta {
  return {
    packagesUrl: meta.sources.packages.url,
    reposUrl: meta.sources.repos.url,
    lockUrl: meta.sources.lock.url,
    fetchedAt: meta.fetchedAt,
    packageCount: meta.packageCount,
    repoCount: meta.repoCount,
  };
}

async function sha256(content: Uint8Array): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(content).digest('hex');
}

/** Writes a file atomically; loaded on the first write so reading the cache does not load it. */
async function atomicWriteFile(path: string, content: string | Uint8Array): Promise<void> {
  const atomic = await import('../fs/atomic-write.js');
  await atomic.atomicWriteFile(path, content);
}

/**
 * names.txt: one package ref per line (`mic92.goatcounter`, sorted as the index is), then one line
 * per repo name prefixed with `@` (`@mic92`, sorted). UTF-8, `\n` line ends, trailing newline.
 * Refs are `<repo>.<attr>`; names containing whitespace or control characters are left out so
 * every line is one shell word.
 */
export function namesText(index: Pick<NurIndex, 'packages' | 'repos'>): string {
  const safe = (name: string) => name !== '' && !/[\s\u0000-\u001f\u007f]/.test(name);
  const lines = index.packages.map((p) => p.ref).filter(safe);
  const repoNames = new Set(Object.keys(index.repos));
  for (const pkg of index.packages) repoNames.add(pkg.repo);
  for (const name of [...repoNames].filter(safe).sort()) lines.push(`@${name}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Age of the cache in ms; Infinity when fetchedAt is unreadable. */
export function cacheAgeMs(fetchedAt: string, now: Date): number {
  const time = Date.parse(fetchedAt);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : now.getTime() - time;
}

/** Stale when older than the TTL, or stamped in the future (the clock moved back). */
export function isStale(fetchedAt: string, now: Date, ttlSeconds: number): boolean {
  const age = cacheAgeMs(fetchedAt, now);
  return age > ttlSeconds * 1000 || age < -5 * 60_000;
}

/** `just now`, `12 min ago`, `5 h ago`, `3 d ago`. */
export function formatAge(ms: number): string {
  if (!Number.isFinite(ms)) return 'an unknown time ago';
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h ago`;
  return `${Math.floor(ms / 86_400_000)} d ago`;
}

/** Writes a complete cache; meta.json last. Returns the meta that now describes the cache. */
export async function writeCache(
  dir: string,
  index: Pick<NurIndex, 'packages' | 'repos'>,
  details: { fetchedAt: string; sources: CacheMeta['sources'] },
): Promise<CacheMeta> {
  mkdirSync(dir, { recursive: true });
  const content = Buffer.from(encodeIndex(index), 'utf8');
  const checksum = await sha256(content);
  const indexFile = `index-${checksum.slice(0, 16)}.json`;
  await atomicWriteFile(join(dir, indexFile), content);
  await atomicWriteFile(join(dir, NAMES_FILE), namesText(index));
  const repoNames = new Set(Object.keys(index.repos));
  const meta: CacheMeta = {
    format: CACHE_FORMAT,
    indexFile,
    sha256: checksum,
    crc32: crc32(content),
    fetchedAt: details.fetchedAt,
    packageCount: index.packages.length,
    repoCount: repoNames.size,
    sources: details.sources,
  };
  await writeMeta(dir, meta);
  removeOldIndexFiles(dir, indexFile);
  return meta;
}

export async function writeMeta(dir: string, meta: CacheMeta): Promise<void> {
  await atomicWriteFile(join(dir, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
}

function removeOldIndexFiles(dir: string, current: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const isIndex = INDEX_FILE_PATTERN.test(name);
    // Temp files of atomic writes that a killed process left behind.
    const isOrphanTemp = name.startsWith('.') && name.endsWith('.tmp');
    if ((!isIndex && !isOrphanTemp) || name === current) continue;
    try {
      if (now - statSync(join(dir, name)).mtimeMs > STALE_INDEX_FILE_MS)
        rmSync(join(dir, name), { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

export function isPermissionError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EPERM';
}

/**
 * The cache is there but this user may not read it. Calling that corruption would send the user
 * to `nur update --force`, which fails the same way.
 */
export function cacheUnreadableError(dir: string, path: string, cause: unknown): NurError {
  return new NurError(`cannot read the index cache: permission denied on ${path}`, {
    hint: `Fix the permissions of ${dir}, or set XDG_CACHE_HOME to a directory you own.`,
    cause,
  });
}

/** A meta.json of another cache format. */
interface OutdatedMeta {
  outdated: string;
}

/** Throws cacheUnreadableError when permissions forbid reading. */
function readMeta(dir: string): CacheMeta | 'missing' | OutdatedMeta | string {
  const path = join(dir, META_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: something other than a directory is where the cache would be; there is no cache.
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    if (isPermissionError(error)) throw cacheUnreadableError(dir, path, error);
    return `cannot read ${META_FILE}: ${(error as Error).message}`;
  }
  let meta: CacheMeta;
  try {
    meta = JSON.parse(text) as CacheMeta;
  } catch {
    return `${META_FILE} is not valid JSON`;
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta))
    return `${META_FILE} is not a JSON object`;
  if (typeof meta.format !== 'number') return `${META_FILE} does not say its cache format`;
  if (meta.format !== CACHE_FORMAT)
    return {
      outdated: `it was written in cache format ${meta.format}, this nur reads format ${CACHE_FORMAT}`,
    };
  if (
    typeof meta.indexFile !== 'string' ||
    !INDEX_FILE_PATTERN.test(meta.indexFile) ||
    typeof meta.sha256 !== 'string' ||
    typeof meta.crc32 !== 'number' ||
    typeof meta.fetchedAt !== 'string' ||
    typeof meta.sources?.packages?.url !== 'string'
  )
    return `${META_FILE} is incomplete`;
  return meta;
}

/** Just the metadata (for staleness checks); no index parsing. Throws like loadCache. */
export function loadCacheMeta(dir: string): CacheMeta | undefined {
  const meta = readMeta(dir);
  return typeof meta === 'object' && !('outdated' in meta) ? meta : undefined;
}

/**
 * Loads the cache and checks its checksum. Never touches the raw packages.json. Throws
 * cacheUnreadableError when permissions forbid reading it.
 */
export function loadCache(dir: string): CacheLoad {
  // A refresh in another process may swap meta and remove the old index file between our two
  // reads; reading meta again then finds the new one.
  for (let attempt = 0; ; attempt++) {
    const meta = readMeta(dir);
    if (meta === 'missing') return { status: 'missing' };
    if (typeof meta === 'string') return { status: 'corrupt', reason: meta };
    if ('outdated' in meta) return { status: 'corrupt', reason: meta.outdated, outdated: true };
    const indexPath = join(dir, meta.indexFile);
    let content: Buffer;
    try {
      content = readFileSync(indexPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && attempt < 2) continue;
      if (isPermissionError(error)) throw cacheUnreadableError(dir, indexPath, error);
      return { status: 'corrupt', reason: `cannot read ${meta.indexFile}` };
    }
    if (crc32(content) !== meta.crc32)
      return { status: 'corrupt', reason: `${meta.indexFile} does not match its checksum` };
    try {
      // encodeIndex writes ASCII only, so latin1 decodes it exactly and fastest.
      const { packages, repos } = decodeIndex(content.toString('latin1'));
      return { status: 'ok', meta, index: { packages, repos, meta: indexMetaOf(meta) } };
    } catch (error) {
      if (error instanceof CacheFormatError) return { status: 'corrupt', reason: error.message };
      throw error;
    }
  }
}
