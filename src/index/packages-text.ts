// Normalises packages.json straight from its text, one entry at a time. Pure.
// JSON.parse of the whole 20 MB file builds every raw entry at once (~100 MB of objects) before
// any is normalised; splitting the top-level object first and parsing each value alone keeps only
// one raw entry alive, which is what keeps a refresh under its memory budget. Anything the
// splitter does not understand falls back to JSON.parse of the whole text, so errors and edge
// cases behave exactly as normalizePackages(JSON.parse(text)).
import type { Package } from '../model.js';
import { normalizePackage, normalizePackages, type NormalizedPackages } from './normalize.js';

class SplitError extends Error {}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** `i` is at an opening quote; returns the index just after the closing quote. */
function stringEnd(text: string, i: number): number {
  let from = i + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) throw new SplitError('unterminated string');
    let backslashes = 0;
    for (let b = quote - 1; text.charCodeAt(b) === BACKSLASH; b--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** Index just after the JSON value starting at `i` (brackets are matched by JSON.parse later). */
function valueEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) return stringEnd(text, i);
  if (first === OPEN_BRACE || first === OPEN_BRACKET) {
    let depth = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        i = stringEnd(text, i);
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    throw new SplitError('unterminated value');
  }
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === COMMA || c === CLOSE_BRACE || isSpace(c)) break;
    j++;
  }
  if (j === i) throw new SplitError('missing value');
  return j;
}

/** Calls `onEntry(key, value)` for each member of the top-level object, in order. */
function forEachEntry(text: string, onEntry: (key: string, value: unknown) => void): void {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== OPEN_BRACE) throw new SplitError('not an object');
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === CLOSE_BRACE) {
    if (skipSpace(text, i + 1) !== text.length) throw new SplitError('text after the object');
    return;
  }
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) throw new SplitError('expected a key');
    const keyEnd = stringEnd(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== COLON) throw new SplitError('expected ":"');
    i = skipSpace(text, i + 1);
    const end = valueEnd(text, i);
    onEntry(key, JSON.parse(text.slice(i, end)));
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (c === COMMA) {
      i = skipSpace(text, i + 1);
      continue;
    }
    if (c === CLOSE_BRACE && skipSpace(text, i + 1) === text.length) return;
    throw new SplitError('expected "," or "}"');
  }
}

/** Same result as normalizePackages(JSON.parse(text)); throws SyntaxError/TypeError as it would. */
export function normalizePackagesText(text: string): NormalizedPackages {
  // A repeated key keeps its first position and its last value, as JSON.parse does.
  const byKey = new Map<string, Package | undefined>();
  try {
    forEachEntry(text, (key, value) => byKey.set(key, normalizePackage(key, value)));
  } catch (error) {
    if (error instanceof SplitError || error instanceof SyntaxError)
      return normalizePackages(JSON.parse(text));
    throw error;
  }
  const packages: Package[] = [];
  let skipped = 0;
  for (const pkg of byKey.values()) {
    if (pkg) packages.push(pkg);
    else skipped++;
  }
  packages.sort((a, b) => (a.attrPath < b.attrPath ? -1 : a.attrPath > b.attrPath ? 1 : 0));
  return { packages, skipped };
}
