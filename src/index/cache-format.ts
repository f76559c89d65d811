// The compact on-disk form of a normalised index, laid out so loading it parses as little as
// possible. Pure: text in, model out; cache.ts does the file I/O.
//
// Layout (ASCII only, so the loader decodes the bytes as latin1: a copy into a one-byte string):
//   line 1   JSON header: format, package count, INT_FIELDS numbers per package, repo names,
//            position prefixes, interned lists (platform lists, licences, maintainers and outputs
//            repeat across thousands of packages), the repos, and the few strings kept out of the
//            body.
//   rest     STRING_FIELDS strings per package, each followed by \x01.
// The body is taken apart with one split(): no JSON tokenising and, for longer values, no copying
// (V8 makes slices of the file text). The per-package loop only indexes arrays: JS that runs once
// in a cold process is slow, so the tokenising is left to JSON.parse and split, which are native.
// On a real-size index (8,378 packages) JSON.parse of the old one-document layout alone cost
// ~25 ms, and its short-lived row arrays much of the GC after it.
// Strings that are not plain ASCII or contain the separator stay in the header, JSON-escaped.
import type { License, Maintainer, NurIndex, Package, Repo } from '../model.js';

/** Bumped whenever the layout changes; an older cache is then rebuilt, never misread. */
export const CACHE_FORMAT = 4;

const SEPARATOR = '\x01';
/** Characters that cannot go into the body as they are. */
const NOT_BODY_SAFE = /[\x01\u0080-\uffff]/;

// A package's numbers in the header, in order (keep in step with encodeIndex/decodeIndex).
const INT_FIELDS = 7;
const REPO = 0;
const LICENSES = 1;
const PLATFORMS = 2;
const FLAGS = 3;
const MAINTAINERS = 4;
const POSITION_PREFIX = 5;
const OUTPUTS = 6;
/**
 * A package's strings in the body, in order: attr, name, pname, version, description,
 * longDescription, homepage, mainProgram, and the position after its prefix.
 */
const STRING_FIELDS = 9;

// FLAGS bits. PNAME_IS_ATTR marks the common case whose pname string is left empty.
const BROKEN = 1;
const UNFREE = 2;
const INSECURE = 4;
const UNAVAILABLE = 8;
const PNAME_IS_ATTR = 16;

interface Header {
  format: number;
  count: number;
  /** INT_FIELDS numbers per package. */
  ints: number[];
  repoNames: string[];
  /** Shared beginnings of position URLs (`https://…/nur-combined/tree/<rev>/repos/<repo>/`). */
  positionPrefixes: string[];
  lists: unknown[][];
  repos: Repo[];
  /** [string slot (row * STRING_FIELDS + field), value] for strings kept out of the body. */
  outOfBody: [number, string][];
}

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

/** JSON with every non-ASCII character escaped, so the file stays ASCII. */
const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** Serialises the packages and repos of an index (meta lives in meta.json). */
export function encodeIndex(index: Pick<NurIndex, 'packages' | 'repos'>): string {
  const { packages } = index;
  const repoNames = new Interner<string>();
  const positionPrefixes = new Interner<string>();
  const lists = new Interner<unknown[]>();
  lists.intern([]);
  const ints: number[][] = [];
  const strings: string[][] = [];
  const outOfBody: [number, string][] = [];
  for (let i = 0; i < packages.length; i++) {
    const pkg = packages[i]!;
    const prefix = positionPrefix(pkg.position);
    ints.push([
      repoNames.intern(pkg.repo, pkg.repo),
      lists.intern(pkg.licenses),
      lists.intern(pkg.platforms),
      (pkg.broken ? BROKEN : 0) |
        (pkg.unfree ? UNFREE : 0) |
        (pkg.insecure ? INSECURE : 0) |
        (pkg.available ? 0 : UNAVAILABLE) |
        (pkg.pname === pkg.attr ? PNAME_IS_ATTR : 0),
      lists.intern(pkg.maintainers),
      positionPrefixes.intern(prefix, prefix),
      lists.intern(pkg.outputs),
    ]);
    const row = [
      pkg.attr,
      pkg.name,
      pkg.pname === pkg.attr ? '' : pkg.pname,
      pkg.version,
      pkg.description,
      pkg.longDescription,
      pkg.homepage,
      pkg.mainProgram,
      pkg.position.slice(prefix.length),
    ];
    for (let f = 0; f < STRING_FIELDS; f++) {
      if (!NOT_BODY_SAFE.test(row[f]!)) continue;
      outOfBody.push([i * STRING_FIELDS + f, row[f]!]);
      row[f] = '';
    }
    strings.push(row);
  }
  const header: Header = {
    format: CACHE_FORMAT,
    count: packages.length,
    ints: ints.flat(),
    repoNames: repoNames.values,
    positionPrefixes: positionPrefixes.values,
    lists: lists.values,
    repos: Object.values(index.repos),
    outOfBody,
  };
  const body = strings.map((row) => row.join(SEPARATOR) + SEPARATOR);
  return `${asciiJson(header)}\n${body.join('')}`;
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

function readHeader(text: string, newline: number): Header {
  let header: Header;
  try {
    header = JSON.parse(newline < 0 ? text : text.slice(0, newline)) as Header;
  } catch {
    throw new CacheFormatError('the cached index is not valid JSON');
  }
  if (
    typeof header !== 'object' ||
    header === null ||
    header.format !== CACHE_FORMAT ||
    !Number.isInteger(header.count) ||
    !Array.isArray(header.ints) ||
    header.ints.length !== header.count * INT_FIELDS ||
    !Array.isArray(header.repoNames) ||
    !Array.isArray(header.positionPrefixes) ||
    !Array.isArray(header.lists) ||
    !Array.isArray(header.repos) ||
    !Array.isArray(header.outOfBody) ||
    newline < 0
  )
    throw new CacheFormatError('the cached index has an unknown layout');
  return header;
}

const cutOff = () => new CacheFormatError('the cached index is cut off or damaged');

/**
 * Rebuilds packages and repos from encodeIndex output. Interned lists are shared between
 * packages (read-only by convention, like the rest of the model).
 */
export function decodeIndex(text: string): Pick<NurIndex, 'packages' | 'repos'> {
  const newline = text.indexOf('\n');
  const header = readHeader(text, newline);
  const { count, ints, repoNames, positionPrefixes, lists } = header;
  const body = count === 0 ? [] : text.slice(newline + 1).split(SEPARATOR);
  // STRING_FIELDS values per package, then the empty string after the last separator.
  if (body.length !== (count === 0 ? 0 : count * STRING_FIELDS + 1)) throw cutOff();
  for (const [slot, value] of header.outOfBody) body[slot] = value;
  // `repo.` once per repo, so each ref is one concatenation.
  const refPrefixes = repoNames.map((name) => `${name}.`);
  const packages = new Array<Package>(count);
  for (let i = 0; i < count; i++) {
    const at = i * INT_FIELDS;
    const repoId = ints[at + REPO]!;
    const repo = repoNames[repoId];
    const prefix = positionPrefixes[ints[at + POSITION_PREFIX]!];
    const licenses = lists[ints[at + LICENSES]!];
    const platforms = lists[ints[at + PLATFORMS]!];
    const maintainers = lists[ints[at + MAINTAINERS]!];
    const outputs = lists[ints[at + OUTPUTS]!];
    if (
      repo === undefined ||
      prefix === undefined ||
      licenses === undefined ||
      platforms === undefined ||
      maintainers === undefined ||
      outputs === undefined
    )
      throw cutOff();
    const flags = ints[at + FLAGS]!;
    const s = i * STRING_FIELDS;
    const attr = body[s]!;
    const ref = refPrefixes[repoId] + attr;
    packages[i] = {
      repo,
      attr,
      ref,
      attrPath: 'nur.repos.' + ref,
      name: body[s + 1]!,
      pname: flags & PNAME_IS_ATTR ? attr : body[s + 2]!,
      version: body[s + 3]!,
      description: body[s + 4]!,
      longDescription: body[s + 5]!,
      homepage: body[s + 6]!,
      licenses: licenses as License[],
      mainProgram: body[s + 7]!,
      platforms: platforms as string[],
      broken: (flags & BROKEN) !== 0,
      unfree: (flags & UNFREE) !== 0,
      insecure: (flags & INSECURE) !== 0,
      available: (flags & UNAVAILABLE) === 0,
      maintainers: maintainers as Maintainer[],
      position: prefix + body[s + 8]!,
      outputs: outputs as string[],
    };
  }
  const repos: Record<string, Repo> = {};
  for (const repo of header.repos) repos[repo.name] = repo;
  return { packages, repos };
}
