// Ink 6.8 composes every frame in its Output class: each line of text is split into graphemes with
// Intl.Segmenter, each cell gets its own copy of its style list, and each pair of neighbouring cells
// is diffed with three fresh Sets; nothing is kept between frames. On a full 120×34 screen that alone
// costs more than a 60 fps frame. This replaces Output.prototype.get with the same algorithm made
// cheap, producing the very same string (test/tui/ink-fast-output.test.ts holds it to Ink's own):
// styled cells are kept from one frame to the next, plain-ASCII lines skip the grapheme segmenter, and
// neighbouring cells with equal styles skip the diff. Frames with clipping keep Ink's own code.
// The class is Ink's internal module; the path import makes the bundler and Node resolve the very
// module Ink's renderer uses (ink is bundled, so this patches the copy that ships).
import {
  ansiCodesToString,
  diffAnsiCodes,
  reduceAnsiCodesIncremental,
  styledCharsFromTokens,
  tokenize,
  type AnsiCode,
  type StyledChar,
} from '@alcalzone/ansi-tokenize';
import Output from '../../node_modules/ink/build/output.js';

type Operation =
  | { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] }
  | { type: 'clip' }
  | { type: 'unclip' };
type Transformer = (line: string, index: number) => string;
interface OutputCaches {
  getStyledChars(line: string): StyledChar[];
  getStringWidth(text: string): number;
}
interface OutputInternals {
  width: number;
  height: number;
  operations: Operation[];
  caches: OutputCaches;
}
type Get = (this: Output) => { output: string; height: number };

const NO_STYLES: AnsiCode[] = [];
const BLANK: StyledChar = { type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES };
/**
 * Styled cells of the lines of the last two frames: what a keystroke's frame shares with the one
 * before it. Older lines are dropped, so memory stays at two screens' worth.
 */
let currentLines = new Map<string, StyledChar[]>();
let previousLines = new Map<string, StyledChar[]>();

function startFrame(): void {
  previousLines = currentLines;
  currentLines = new Map();
}

/** Lines whose cells are kept (tests check the bound). */
export function cachedLineCount(): number {
  return currentLines.size + previousLines.size;
}

const sgrTokens = new Map<string, AnsiCode[]>();
const SGR = /\u001b\[[0-9;]*m/y;

/** The tokens of one SGR sequence, exactly as the tokenizer splits compound codes. */
function sgrCodes(sequence: string): AnsiCode[] {
  let codes = sgrTokens.get(sequence);
  if (!codes) {
    codes = tokenize(sequence).filter((token): token is AnsiCode => token.type === 'ansi');
    sgrTokens.set(sequence, codes);
  }
  return codes;
}

/**
 * Styled cells of a line of printable ASCII and SGR sequences, or undefined for anything else
 * (wide or combining characters, other escapes), which goes through the full tokenizer. Every
 * printable ASCII character is its own one-column grapheme, so this is what the tokenizer yields.
 */
function asciiStyledChars(line: string): StyledChar[] | undefined {
  const cells: StyledChar[] = [];
  let styles = NO_STYLES;
  for (let i = 0; i < line.length;) {
    const code = line.charCodeAt(i);
    if (code === 0x1b) {
      SGR.lastIndex = i;
      const sequence = SGR.exec(line)?.[0];
      if (!sequence) return undefined;
      styles = reduceAnsiCodesIncremental(styles, sgrCodes(sequence));
      i += sequence.length;
      continue;
    }
    if (code < 0x20 || code > 0x7e) return undefined;
    cells.push({ type: 'char', value: line[i]!, fullWidth: false, styles });
    i++;
  }
  return cells;
}

export function styledCharsOf(line: string): StyledChar[] {
  let cells = currentLines.get(line) ?? previousLines.get(line);
  cells ??= asciiStyledChars(line) ?? styledCharsFromTokens(tokenize(line));
  currentLines.set(line, cells);
  return cells;
}

function sameStyles(a: AnsiCode[], b: AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false;
  }
  return true;
}

/** styledCharsToString, with the diff of two equal style lists (always empty) skipped. */
export function rowToString(cells: StyledChar[]): string {
  let row = '';
  let previous: AnsiCode[] | undefined;
  for (const cell of cells) {
    if (previous === undefined) row += ansiCodesToString(cell.styles);
    else if (!sameStyles(previous, cell.styles)) {
      row += ansiCodesToString(diffAnsiCodes(previous, cell.styles));
    }
    row += cell.value;
    previous = cell.styles;
  }
  if (previous && previous.length > 0) row += ansiCodesToString(diffAnsiCodes(previous, []));
  return row;
}

function cellWidth(value: string, caches: OutputCaches): number {
  if (value.length === 1) {
    const code = value.charCodeAt(0);
    if (code >= 0x20 && code <= 0x7e) return 1;
  }
  return Math.max(1, caches.getStringWidth(value));
}

/** Ink's Output.get for frames without clipping: same cells, same order, same string. */
function fastGet(this: OutputInternals, inkGet: Get): { output: string; height: number } {
  if (this.operations.some((operation) => operation.type === 'clip')) {
    return inkGet.call(this as unknown as Output);
  }
  startFrame();
  const rows: StyledChar[][] = [];
  for (let y = 0; y < this.height; y++) rows.push(new Array<StyledChar>(this.width).fill(BLANK));
  for (const operation of this.operations) {
    if (operation.type !== 'write') continue;
    const { x, y, text, transformers } = operation;
    const lines = text.split('\n');
    // As in Ink: once a line has no row to land on (above or below the output), none after it does.
    for (let index = 0; index < lines.length; index++) {
      const row = rows[y + index];
      if (!row) break;
      let line = lines[index]!;
      for (const transform of transformers) line = transform(line, index);
      let column = x;
      for (const cell of styledCharsOf(line)) {
        row[column] = cell;
        const width = cellWidth(cell.value, this.caches);
        for (let filler = 1; filler < width; filler++) {
          row[column + filler] = { type: 'char', value: '', fullWidth: false, styles: cell.styles };
        }
        column += width;
      }
    }
  }
  const output = rows
    .map((row) => rowToString(row.filter((cell) => cell !== undefined)).trimEnd())
    .join('\n');
  return { output, height: rows.length };
}

/** Ink's own composition, kept for clipped frames and for tests that hold the fast one to it. */
export const inkGet = (Output.prototype as unknown as { get: Get }).get;

export function composeFast(output: Output): { output: string; height: number } {
  return fastGet.call(output as unknown as OutputInternals, inkGet);
}

/** Makes every Ink frame from now on use the fast composition. Idempotent. */
export function installFastInkOutput(): void {
  (Output.prototype as unknown as { get: Get }).get = function get(this: Output) {
    return composeFast(this);
  };
}
