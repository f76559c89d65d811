// The compact on-disk form of a normalised index: one JSON document with a table of interned lists
// (platform lists, licences, maintainers and outputs repeat across thousands of packages) and one
// row array per package. Pure: text in, model out; cache.ts does the file I/O.
import type { License, Maintainer, NurIndex, Package, Repo } from '../model.js';

/** Bumped whenever the row layout changes; an older cache is then rebuilt, never misread. */
export const CACHE_FORMAT = 2;

// Row layout (keep in step with encodeRow/decodeRow).
type Row = [
  repo: number,
  attr: string,
  name: string | 0,
  pname: string | 0,
  version: string,
  description: string,
  longDescription: string,
  homepage: string,
  licenses: number,
  mainProgram: string,
  platforms: number,
  flags: number,
  maintainers: number,
  positionPrefix: number,
  positionRest: string,
  outputs: number,
];

interface EncodedIndex {
  format: number;
  /** Repo names of the packages (row field 0 indexes here). */
  repoNames: string[];
  /** Shared beginnings of position URLs (`https://…/nur-combined/tree/<rev>/repos/<repo>/`). */
  positionPrefixes: string[];
  /** Interned JSON lists; row fields licenses/platforms/maintainers/outputs index here. */
  lists: unknown[][];
  packages: Row[];
  repos: Repo[];
}

const BROKEN = 1;
const UNFREE = 2;
const INSECURE = 4;
const UNAVAILABLE = 8;

class Interner<T> {
  readonly values: T[] = [];
  private readonly ids = new Map<string, number>();
  intern(value: T, key: string = JSON.stringify(value)): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(key, id);
    }
    return id;
  }
}

/** Serialises the packages and repos of an index (meta lives in meta.json). */
export function encodeIndex(index: Pick<NurIndex, 'packages' | 'repos'>): string {
  const repoNames = new Interner<string>();
  const positionPrefixes = new Interner<string>();
  const lists = new Interner<unknown[]>();
  lists.intern([]);
  const packages = index.packages.map((pkg): Row => {
    const derivedName = pkg.version ? `${pkg.pname}-${pkg.version}` : pkg.pname;
    return [
      repoNames.intern(pkg.repo, pkg.repo),
      pkg.attr,
      pkg.name === derivedName ? 0 : pkg.name,
      pkg.pname === pkg.attr ? 0 : pkg.pname,
      pkg.version,
      pkg.description,
      pkg.longDescription,
      pkg.homepage,
      lists.intern(pkg.licenses),
      pkg.mainProgram,
      lists.intern(pkg.platforms),
      (pkg.broken ? BROKEN : 0) |
        (pkg.unfree ? UNFREE : 0) |
        (pkg.insecure ? INSECURE : 0) |
        (pkg.available ? 0 : UNAVAILABLE),
      lists.intern(pkg.maintainers),
      positionPrefixes.intern(positionPrefix(pkg.position), positionPrefix(pkg.position)),
      pkg.position.slice(positionPrefix(pkg.position).length),
      lists.intern(pkg.outputs),
    ];
  });
  const encoded: EncodedIndex = {
    format: CACHE_FORMAT,
    repoNames: repoNames.values,
    positionPrefixes: positionPrefixes.values,
    lists: lists.values,
    packages,
    repos: Object.values(index.repos),
  };
  // ASCII only: the loader then decodes with latin1 (a copy) into a one-byte string, which
  // JSON.parse reads several times faster than UTF-8 text with a few accented names in it.
  return JSON.stringify(encoded).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Position URLs share everything up to the package's folder in the repo (or the last `/`). */
function positionPrefix(position: string): string {
  const repos = /^[^#]*?\/repos\/[^/#]+\//.exec(position);
  if (repos) return repos[0];
  const hash = position.indexOf('#');
  const path = hash < 0 ? position : position.slice(0, hash);
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** Thrown when the text is not an index this version wrote. */
export class CacheFormatError extends Error {}

/**
 * Rebuilds packages and repos from encodeIndex output. Interned lists are shared between
 * packages (read-only by convention, like the rest of the model).
 */
export function decodeIndex(text: string): Pick<NurIndex, 'packages' | 'repos'> {
  let encoded: EncodedIndex;
  try {
    encoded = JSON.parse(text) as EncodedIndex;
  } catch {
    throw new CacheFormatError('the cached index is not valid JSON');
  }
  if (
    typeof encoded !== 'object' ||
    encoded === null ||
    encoded.format !== CACHE_FORMAT ||
    !Array.isArray(encoded.packages) ||
    !Array.isArray(encoded.repos) ||
    !Array.isArray(encoded.lists) ||
    !Array.isArray(encoded.repoNames) ||
    !Array.isArray(encoded.positionPrefixes)
  )
    throw new CacheFormatError('the cached index has an unknown layout');
  const { repoNames, lists, positionPrefixes } = encoded;
  const packages = new Array<Package>(encoded.packages.length);
  for (let i = 0; i < encoded.packages.length; i++) {
    const row = encoded.packages[i]!;
    const repo = repoNames[row[0]];
    const attr = row[1];
    if (repo === undefined || typeof attr !== 'string')
      throw new CacheFormatError(`the cached index has a bad package row ${i}`);
    const pname = row[3] === 0 ? attr : row[3];
    const version = row[4];
    const flags = row[11];
    packages[i] = {
      repo,
      attr,
      ref: `${repo}.${attr}`,
      attrPath: `nur.repos.${repo}.${attr}`,
      name: row[2] === 0 ? (version ? `${pname}-${version}` : pname) : row[2],
      pname,
      version,
      description: row[5],
      longDescription: row[6],
      homepage: row[7],
      licenses: (lists[row[8]] ?? []) as License[],
      mainProgram: row[9],
      platforms: (lists[row[10]] ?? []) as string[],
      broken: (flags & BROKEN) !== 0,
      unfree: (flags & UNFREE) !== 0,
      insecure: (flags & INSECURE) !== 0,
      available: (flags & UNAVAILABLE) === 0,
      maintainers: (lists[row[12]] ?? []) as Maintainer[],
      position: (positionPrefixes[row[13]] ?? '') + row[14],
      outputs: (lists[row[15]] ?? []) as string[],
    };
  }
  const repos: Record<string, Repo> = {};
  for (const repo of encoded.repos) repos[repo.name] = repo;
  return { packages, repos };
}
