// The file's own layout: line endings, indentation, one element per line or several on one line.
// Insertions and removals here are exact inverses, so add → remove restores a file byte for byte.
import type { Patch } from './apply.js';

export interface Span {
  from: number;
  to: number;
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** Offset just after the newline that ends the line holding `pos` (or the end of the text). */
export function nextLineStart(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

/** The whitespace a line starts with. */
export function indentAt(text: string, pos: number): string {
  const start = lineStart(text, pos);
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** One indentation step as the file writes it: a tab, or the smallest space indent seen. */
export function indentUnit(text: string): string {
  let smallest = Infinity;
  for (const line of text.split('\n')) {
    const lead = /^[ \t]*/.exec(line)![0];
    if (lead.length === line.replace(/\r$/, '').length) continue;
    if (lead.startsWith('\t')) return '\t';
    if (lead.length > 0 && lead.length < smallest) smallest = lead.length;
  }
  return Number.isFinite(smallest) ? ' '.repeat(Math.min(Math.max(smallest, 2), 8)) : '  ';
}

const TRAILING_TRIVIA = /^[ \t]*(?:#[^\n]*|\/\*(?:(?!\*\/)[^\n])*\*\/[ \t]*)?\r?(?:\n|$)/;

/** Only whitespace before the span on its first line, and only whitespace or a comment after it. */
export function isOwnLine(text: string, span: Span): boolean {
  const before = text.slice(lineStart(text, span.from), span.from);
  return /^[ \t]*$/.test(before) && TRAILING_TRIVIA.test(text.slice(span.to));
}

/** The line is empty (a blank line written by us is exactly an end of line). */
function isEmptyLineBefore(text: string, start: number): number | undefined {
  if (start === 0) return undefined;
  const prevStart = lineStart(text, start - 1);
  const line = text.slice(prevStart, start);
  return line === '\n' || line === '\r\n' ? prevStart : undefined;
}

export interface InsertOptions {
  /** Lines of each new element; lines after the first carry their indent relative to the element. */
  elements: string[][];
  eol: string;
  /** Put an empty line before the new elements (the container separates entries that way). */
  blankLine?: boolean;
}

/** New elements after `anchor`: on their own lines when the anchor is, else on the anchor's line. */
export function insertAfter(text: string, anchor: Span, options: InsertOptions): Patch {
  if (isOwnLine(text, anchor)) {
    const indent = indentAt(text, anchor.from);
    let at = nextLineStart(text, anchor.to);
    let lead = '';
    if (at === text.length && !text.endsWith('\n')) lead = options.eol;
    if (options.blankLine) lead += options.eol;
    const body = options.elements
      .map((lines) => lines.map((l) => indent + l + options.eol).join(''))
      .join('');
    return { from: at, to: at, insert: lead + body };
  }
  // A block comment right after the anchor on its line belongs to it (`./b /* the NAS */`).
  let at = anchor.to;
  for (
    let m = SAME_LINE_COMMENT.exec(text.slice(at));
    m;
    m = SAME_LINE_COMMENT.exec(text.slice(at))
  )
    at += m[0].length;
  const insert = options.elements.map((lines) => ' ' + lines.join(' ')).join('');
  return { from: at, to: at, insert };
}

const SAME_LINE_COMMENT = /^[ \t]*\/\*(?:(?!\*\/)[^\n])*\*\//;

/** New elements in an empty `{ }`/`[ ]`: a line before the closer when it has its own line. */
export function insertInto(
  text: string,
  open: Span,
  close: Span,
  unit: string,
  options: InsertOptions,
): Patch {
  const closeOnOwnLine = /^[ \t]*$/.test(text.slice(lineStart(text, close.from), close.from));
  if (closeOnOwnLine && lineStart(text, close.from) > open.to) {
    const indent = indentAt(text, close.from) + unit;
    const at = lineStart(text, close.from);
    const body = options.elements
      .map((lines) => lines.map((l) => indent + l + options.eol).join(''))
      .join('');
    return { from: at, to: at, insert: body };
  }
  const insert = options.elements.map((lines) => ' ' + lines.join(' ')).join('');
  return { from: open.to, to: open.to, insert };
}

/** New elements before `first`, on their own lines (the first binding of a container). */
export function insertBefore(text: string, first: Span, options: InsertOptions): Patch {
  if (/^[ \t]*$/.test(text.slice(lineStart(text, first.from), first.from))) {
    const indent = indentAt(text, first.from);
    const at = lineStart(text, first.from);
    const body = options.elements
      .map((lines) => lines.map((l) => indent + l + options.eol).join(''))
      .join('');
    return { from: at, to: at, insert: body };
  }
  const insert = options.elements.map((lines) => lines.join(' ') + ' ').join('');
  return { from: first.from, to: first.from, insert };
}

/**
 * Removes an element the way insertAfter/insertInto/insertBefore added it: its whole lines when it
 * stands on its own lines, else the element and the spaces before it. With `blankLine`, an empty
 * line right above it goes too.
 */
export function removeElement(text: string, span: Span, blankLine = false): Patch {
  if (isOwnLine(text, span)) {
    let from = lineStart(text, span.from);
    if (blankLine) from = isEmptyLineBefore(text, from) ?? from;
    return { from, to: nextLineStart(text, span.to), insert: '' };
  }
  let from = span.from;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  if (from === lineStart(text, span.from)) {
    // First on a line with more after it: take the spaces after it instead.
    let to = span.to;
    while (to < text.length && (text[to] === ' ' || text[to] === '\t')) to++;
    return { from: span.from, to, insert: '' };
  }
  return { from, to: span.to, insert: '' };
}

/** Whitespace only between two spans, with an empty line in it. */
export function blankLineBetween(text: string, a: Span, b: Span): boolean {
  const gap = text.slice(a.to, b.from);
  return /^\s*$/.test(gap) && (gap.match(/\n/g)?.length ?? 0) >= 2;
}
