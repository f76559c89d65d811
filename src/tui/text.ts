// Fitting untrusted index text into fixed-width cells: highlight segments, width-aware truncation
// and word wrap. Pure; every function expects text that went through sanitizeLine first.
import stringWidth from 'string-width';
import type { MatchRange } from '../model.js';

export interface Segment {
  text: string;
  matched: boolean;
}

// fzf's own marks for cut text and the selected row: ASCII keeps Ink's per-frame width
// measurement of each row on its fast path (a row with any wider character is measured grapheme
// by grapheme, which cost a few milliseconds a frame on a full list).
export const ELLIPSIS = '..';
export const POINTER = '> ';

// Nearly all index text is printable ASCII, where width is length; string-width is only needed
// (and, per keystroke over many rows, only affordable) for the rest.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Terminal columns `text` takes. */
export function textWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

/** Columns of one code point (`for…of` steps), without string-width for printable ASCII. */
function charWidth(char: string): number {
  const code = char.charCodeAt(0);
  return char.length === 1 && code >= 0x20 && code <= 0x7e ? 1 : stringWidth(char);
}

/** Splits `text` into runs of matched and unmatched characters (ranges are UTF-16 offsets). */
export function highlightSegments(text: string, ranges: readonly MatchRange[]): Segment[] {
  const sorted = ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(text.length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  const push = (part: string, matched: boolean) => {
    const last = segments.at(-1);
    if (last && last.matched === matched) last.text += part;
    else segments.push({ text: part, matched });
  };
  let at = 0;
  for (const range of sorted) {
    const start = Math.max(range.start, at);
    if (range.end <= start) continue;
    if (start > at) push(text.slice(at, start), false);
    push(text.slice(start, range.end), true);
    at = range.end;
  }
  if (at < text.length) push(text.slice(at), false);
  return segments;
}

/** Cuts `text` to at most `width` terminal columns, ending in `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (PRINTABLE_ASCII.test(text)) {
    if (text.length <= width) return text;
    return width > ELLIPSIS.length
      ? text.slice(0, width - ELLIPSIS.length) + ELLIPSIS
      : text.slice(0, width);
  }
  // No UTF-16 unit takes more than two columns, so short text fits without measuring.
  if (text.length * 2 <= width || stringWidth(text) <= width) return text;
  const mark = width > ELLIPSIS.length ? ELLIPSIS : '';
  let out = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > width - mark.length) break;
    out += char;
    used += w;
  }
  return out + mark;
}

/** Pads or truncates to exactly `width` columns. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - textWidth(cut)));
}

/** Truncates a run of segments to `width` columns as a whole, keeping the highlight boundaries. */
export function fitSegments(segments: readonly Segment[], width: number): Segment[] {
  const total = segments.reduce((sum, s) => sum + textWidth(s.text), 0);
  if (total <= width) return segments.slice();
  const out: Segment[] = [];
  const mark = width > ELLIPSIS.length ? ELLIPSIS : '';
  let room = width - mark.length;
  for (const segment of segments) {
    if (room <= 0) break;
    const w = textWidth(segment.text);
    if (w <= room) {
      out.push(segment);
      room -= w;
      continue;
    }
    let part = '';
    for (const char of segment.text) {
      const cw = charWidth(char);
      if (cw > room) break;
      part += char;
      room -= cw;
    }
    if (part) out.push({ text: part, matched: segment.matched });
    break;
  }
  if (mark) out.push({ text: mark, matched: false });
  return out;
}

/** `text` in pieces of at most `width` columns, cut anywhere (code, URLs, long words). */
export function hardWrap(text: string, width: number): string[] {
  if (text === '') return [''];
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const char of text) {
    const w = charWidth(char);
    if (used + w > width && piece) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += char;
    used += w;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Greedy word wrap to `width` columns. Words longer than a line are cut, or with `breakWords`
 * carried on over as many lines as they need (where all of the text must be readable).
 */
export function wrap(text: string, width: number, { breakWords = false } = {}): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      const w = textWidth(word);
      if (used > 0 && used + 1 + w <= width) {
        line += ` ${word}`;
        used += 1 + w;
        continue;
      }
      if (used > 0) lines.push(line);
      if (w > width && breakWords) {
        const pieces = hardWrap(word, width);
        lines.push(...pieces.slice(0, -1));
        line = pieces.at(-1)!;
      } else line = w > width ? truncate(word, width) : word;
      used = textWidth(line);
    }
    lines.push(line);
  }
  return lines;
}
