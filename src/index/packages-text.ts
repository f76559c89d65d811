// Normalises packages.json straight from its text, one entry at a time, as the text streams in.
// Pure. JSON.parse of the whole 20 MB file builds every raw entry at once (~100 MB of objects)
// before any is normalised; splitting the top-level object and parsing each value alone keeps
// only one raw entry, and only the unprocessed tail of the text, alive. Results and errors match
// normalizePackages(JSON.parse(text)).
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

/** Same result as normalizePackages(JSON.parse(text)); throws SyntaxError/TypeError as it would. */
export function normalizePackagesText(text: string): NormalizedPackages {
  const normalizer = new PackagesTextNormalizer();
  normalizer.push(text);
  return normalizer.end();
}

/** Text arrived so far ends inside a token; wait for more. */
class Incomplete {}
/** Thrown at the end of almost every chunk: one shared value, no stack trace to capture. */
const INCOMPLETE = new Incomplete();

/** Flat copy, so a small remainder does not keep a large parent string alive (V8 slices share). */
const detach = (text: string): string => (text.length ? (' ' + text).slice(1) : '');

const MAX_MISSED_CLOSER = 16;
/** Past this much text without the closer, an entry is not laid out as the first one was. */
const MAX_FAST_ENTRY = 1 << 20;

/**
 * Streaming form of normalizePackagesText: push text chunks as they arrive, then end(). Only the
 * unprocessed tail of the text is kept, so a 20 MB download is never held whole. Top-level values
 * other than an object are collected whole and handed to JSON.parse, so errors stay the same.
 * push() never throws; a syntax error is remembered and thrown by end().
 */
export class PackagesTextNormalizer {
  private pending = '';
  private state: 'start' | 'first' | 'entry' | 'after-entry' | 'done' | 'whole' = 'start';
  private whole: string[] = [];
  private failure?: unknown;
  private readonly byKey = new Map<string, Package | undefined>();
  /**
   * The published file is pretty-printed: each entry is an object that ends with a newline, the
   * indentation of its key, and `}`. When the text before the first key shows that layout, an
   * entry's end is found with one indexOf instead of a scan of every character (most of the CPU
   * of a refresh). JSON.parse then checks the guess: a slice from `{` that parses is exactly one
   * object, since a shorter value would leave the closing `}` trailing and a longer one would be
   * cut off. A failed guess falls back to the scan.
   */
  private closer?: string;
  private missedCloser = 0;

  push(chunk: string): void {
    if (this.failure !== undefined) return;
    if (this.state === 'whole') {
      this.whole.push(chunk);
      return;
    }
    this.pending = this.pending ? this.pending + chunk : chunk;
    try {
      this.drain(false);
    } catch (error) {
      this.failure = error;
      this.pending = '';
    }
  }

  end(): NormalizedPackages {
    if (this.failure !== undefined) throw this.failure;
    if (this.state === 'whole') return normalizePackages(JSON.parse(this.whole.join('')));
    this.drain(true);
    if (this.state !== 'done') {
      // Not a complete object: let JSON.parse name the problem (or, for a bare value, succeed
      // and have normalizePackages reject it).
      return normalizePackages(JSON.parse(this.pending));
    }
    if (skipSpace(this.pending, 0) !== this.pending.length)
      throw new SyntaxError('Unexpected non-whitespace character after JSON');
    const packages: Package[] = [];
    let skipped = 0;
    for (const pkg of this.byKey.values()) {
      if (pkg) packages.push(pkg);
      else skipped++;
    }
    packages.sort((a, b) => (a.attrPath < b.attrPath ? -1 : a.attrPath > b.attrPath ? 1 : 0));
    return { packages, skipped };
  }

  private drain(final: boolean): void {
    const text = this.pending;
    let committed = 0;
    const need = () => {
      throw INCOMPLETE;
    };
    const end = (fn: () => number) => {
      try {
        return fn();
      } catch (error) {
        if (error instanceof SplitError) {
          // Ran off the end of the text so far: incomplete now, an error once all text is in.
          if (final) throw new SyntaxError(`Unexpected end of JSON input (${error.message})`);
          throw INCOMPLETE;
        }
        throw error;
      }
    };
    try {
      for (;;) {
        let i = skipSpace(text, committed);
        if (this.state === 'done') {
          committed = text.length;
          if (i < text.length) committed = i;
          return;
        }
        if (i >= text.length) {
          committed = i;
          if (final) return;
          need();
        }
        const c = text.charCodeAt(i);
        if (this.state === 'start') {
          if (c !== OPEN_BRACE) {
            this.state = 'whole';
            this.whole = [text.slice(committed)];
            committed = text.length;
            return;
          }
          this.state = 'first';
          committed = i + 1;
          continue;
        }
        if (this.state === 'after-entry' || (this.state === 'first' && c === CLOSE_BRACE)) {
          if (c === CLOSE_BRACE) this.state = 'done';
          else if (c === COMMA) this.state = 'entry';
          else
            throw new SyntaxError(
              `Expected ',' or '}' in packages.json near "${text.slice(i, i + 20)}"`,
            );
          committed = i + 1;
          continue;
        }
        // state 'first' or 'entry': a whole `"key": value` or nothing.
        if (c !== QUOTE)
          throw new SyntaxError(`Expected a key in packages.json near "${text.slice(i, i + 20)}"`);
        if (this.state === 'first') {
          const indent = /\n([ \t]*)$/.exec(text.slice(committed, i));
          if (indent) this.closer = `\n${indent[1]}}`;
        }
        const keyEnd = end(() => stringEnd(text, i));
        const key = JSON.parse(text.slice(i, keyEnd)) as string;
        i = skipSpace(text, keyEnd);
        if (i >= text.length && !final) need();
        if (text.charCodeAt(i) !== COLON) throw new SyntaxError(`Expected ':' after "${key}"`);
        i = skipSpace(text, i + 1);
        if (i >= text.length && !final) need();
        const valueStart = i;
        let valueStop = -1;
        let value: unknown;
        if (this.closer !== undefined && text.charCodeAt(valueStart) === OPEN_BRACE) {
          const close = text.indexOf(this.closer, valueStart);
          if (close >= 0) {
            try {
              value = JSON.parse(text.slice(valueStart, close + this.closer.length));
              valueStop = close + this.closer.length;
            } catch {
              // Laid out differently (`{}` inline, say): scan this one; give up after a few.
              if (++this.missedCloser > MAX_MISSED_CLOSER) this.closer = undefined;
            }
          } else if (!final && text.length - valueStart < MAX_FAST_ENTRY) need();
          else this.closer = undefined;
        }
        if (valueStop < 0) {
          valueStop = end(() => valueEnd(text, valueStart));
          if (valueStop >= text.length && !final && !isContainerOrString(text, valueStart)) need();
          value = JSON.parse(text.slice(valueStart, valueStop));
        }
        this.byKey.set(key, normalizePackage(key, value));
        this.state = 'after-entry';
        committed = valueStop;
      }
    } catch (error) {
      if (!(error instanceof Incomplete)) throw error;
    } finally {
      this.pending = detach(text.slice(committed));
    }
  }
}

/** A primitive (number, true, …) at the very end of the text may still be growing. */
function isContainerOrString(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === QUOTE || c === OPEN_BRACE || c === OPEN_BRACKET;
}
