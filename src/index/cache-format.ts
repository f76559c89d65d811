// The compact on-disk form of a normalised index, laid out so loading it parses as little as
// possible. Pure: text in, model out; cache.ts does the file I/O.
//
// Layout (ASCII only, so the loader decodes the bytes as latin1: a copy into a one-byte string):
//   line 1   JSON header: format, package count, digits per number, repo names, position
//            prefixes, interned lists (platform lists, licences, maintainers and outputs repeat
//            across thousands of packages), the repos, and the few strings kept out of the body.
//   rest     one row per package: INT_FIELDS fixed-width base-64 numbers, then STRING_FIELDS
//            strings, each followed by \x01.
// The body is read with one cursor: indexOf and slice per string, charCodeAt per digit. No JSON
// tokenising, no intermediate arrays, and longer values are slices of the file text, not copies.
// On a real-size index (8,378 packages) JSON.parse of the old one-document layout alone cost
// ~25 ms, and its short-lived row arrays much of the GC after it.
// Strings that are not plain ASCII or contain the separator stay in the header, JSON-escaped.
import type { License, Maintainer, NurIndex, Package, Repo } from '../model.js';

/** Bumped whenever the layout changes; an older cache is then rebuilt, never misread. */
export const CACHE_FORMAT = 3;

const SEPARATOR = '\x01';
/** Characters that cannot go into the body as they are. */
const NOT_BODY_SAFE = /[\x01\u0080-\uffff]/;

// Numbers of a row, in order (keep in step with encodeIndex/decodeIndex).
const INT_FIELDS = 7;
const REPO = 0;
const LICENSES = 1;
const PLATFORMS = 2;
const FLAGS = 3;
const MAINTAINERS = 4;
const POSITION_PREFIX = 5;
const OUTPUTS = 6;
/** Strings of a row, in order: attr, name, pname, version, description, longDescription,
 * homepage, mainProgram, and the position after its prefix. */
const STRING_FIELDS = 9;

// FLAGS bits. PNAME_IS_ATTR marks the common case whose pname string is left empty.
const BROKEN = 1;
const UNFREE = 2;
const INSECURE = 4;
const UNAVAILABLE = 8;
const PNAME_IS_ATTR = 16;

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let d = 0; d < DIGITS.length; d++) DIGIT_VALUE[DIGITS.charCodeAt(d)] = d;

interface Header {
  format: number;
  count: number;
  /** Base-64 digits per number in the rows. */
  width: number;
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

function fixedWidth(value: number, width: number): string {
  let digits = '';
  for (let d = 0; d < width; d++) {
    digits = DIGITS[value & 63] + digits;
    value = Math.floor(value / 64);
  }
  return digits;
}

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
  let largest = 0;
  for (const row of ints) for (const value of row) largest = Math.max(largest, value);
  let width = 1;
  while (64 ** width <= largest) width++;
  const header: Header = {
    format: CACHE_FORMAT,
    count: packages.length,
    width,
    repoNames: repoNames.values,
    positionPrefixes: positionPrefixes.values,
    lists: lists.values,
    repos: Object.values(index.repos),
    outOfBody,
  };
  const body = strings.map(
    (row, i) =>
      ints[i]!.map((value) => fixedWidth(value, width)).join('') + row.join(SEPARATOR) + SEPARATOR,
  );
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
    !Number.isInteger(header.width) ||
    header.width < 1 ||
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
  const { count, width, repoNames, positionPrefixes, lists, outOfBody } = header;
  // `repo.` once per repo, so each ref is one concatenation.
  const refPrefixes = repoNames.map((name) => `${name}.`);
  let at = newline + 1;
  let slot = 0;
  let nextOut = 0;
  let nextOutSlot = outOfBody.length ? outOfBody[0]![0] : -1;
  const int = (): number => {
    let value = 0;
    for (let d = 0; d < width; d++) {
      const digit = DIGIT_VALUE[text.charCodeAt(at++)] ?? -1;
      if (digit < 0) throw cutOff();
      value = value * 64 + digit;
    }
    return value;
  };
  const string = (): string => {
    const end = text.indexOf(SEPARATOR, at);
    if (end < 0) throw cutOff();
    let value: string;
    if (slot === nextOutSlot) {
      value = outOfBody[nextOut]![1];
      nextOutSlot = ++nextOut < outOfBody.length ? outOfBody[nextOut]![0] : -1;
    } else value = text.slice(at, end);
    at = end + 1;
    slot++;
    return value;
  };
  const list = (id: number): unknown[] => {
    const value = lists[id];
    if (value === undefined) throw cutOff();
    return value;
  };
  const packages = new Array<Package>(count);
  for (let i = 0; i < count; i++) {
    const repoId = int();
    const repo = repoNames[repoId];
    if (repo === undefined) throw cutOff();
    const licenses = list(int()) as License[];
    const platforms = list(int()) as string[];
    const flags = int();
    const maintainers = list(int()) as Maintainer[];
    const prefix = positionPrefixes[int()];
    if (prefix === undefined) throw cutOff();
    const outputs = list(int()) as string[];
    const attr = string();
    const name = string();
    const pname = string();
    const ref = refPrefixes[repoId] + attr;
    packages[i] = {
      repo,
      attr,
      ref,
      attrPath: 'nur.repos.' + ref,
      name,
      pname: flags & PNAME_IS_ATTR ? attr : pname,
      version: string(),
      description: string(),
      longDescription: string(),
      homepage: string(),
      licenses,
      mainProgram: string(),
      platforms,
      broken: (flags & BROKEN) !== 0,
      unfree: (flags & UNFREE) !== 0,
      insecure: (flags & INSECURE) !== 0,
      available: (flags & UNAVAILABLE) === 0,
      maintainers,
      position: prefix + string(),
      outputs,
    };
  }
  if (at !== text.length) throw cutOff();
  const repos: Record<string, Repo> = {};
  for (const repo of header.repos) repos[repo.name] = repo;
  return { packages, repos };
}
