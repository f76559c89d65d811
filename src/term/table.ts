// Column-aligned tables for the terminal: fitted to the width on a TTY, never truncated in a pipe.
//
// The table sanitises every cell itself (sanitizeLine), so no caller can let index text break a
// row or reach the terminal raw. A cell's `style` runs afterwards on the sanitised, fitted text and
// its output (SGR colour from term/style.ts) is trusted: it must not add visible characters.
import stringWidth from 'string-width';
import { sanitizeLine } from './sanitize.js';

export interface TableColumn {
  header?: string;
  /** Gives up width first when the table is wider than the terminal (truncated with `…`). */
  flexible?: boolean;
  /** A flexible column shrinks to this before fixed columns shrink too (default 10). */
  minWidth?: number;
}

export interface StyledCell {
  text: string;
  /** Decorates the visible (sanitised, possibly truncated) text, e.g. with colour. */
  style?: (visible: string) => string;
}

export type TableCell = string | StyledCell;

export interface TableOptions {
  columns: TableColumn[];
  /** Terminal columns to fit to; undefined (a pipe) keeps every cell whole. */
  width?: number;
  /** Spaces between columns (default 2). */
  gap?: number;
  /** Decorates header texts, e.g. bold. */
  headerStyle?: (text: string) => string;
}

const ELLIPSIS = '…';
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** Cuts `text` to at most `max` columns, ending in `…` when anything was cut. */
export function truncateToWidth(text: string, max: number): string {
  if (max <= 0) return '';
  if (stringWidth(text) <= max) return text;
  let out = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > max - 1) break;
    out += segment;
    used += w;
  }
  return out + ELLIPSIS;
}

/** Takes `excess` columns away from the widest shrinkable columns, one at a time, down to floors. */
function shrink(widths: number[], floors: number[], candidates: number[], excess: number): number {
  let left = excess;
  while (left > 0) {
    let widest = -1;
    for (const i of candidates) {
      if (widths[i]! > floors[i]! && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) break;
    widths[widest]!--;
    left--;
  }
  return left;
}

function columnWidths(cells: string[][], headers: string[] | undefined, options: TableOptions) {
  const count = options.columns.length;
  const gap = options.gap ?? 2;
  const widths = options.columns.map((_, i) =>
    Math.max(
      headers ? stringWidth(headers[i] ?? '') : 0,
      ...cells.map((row) => stringWidth(row[i] ?? '')),
    ),
  );
  if (options.width === undefined) return widths;
  const total = widths.reduce((sum, w) => sum + w, 0) + gap * (count - 1);
  let excess = total - options.width;
  if (excess <= 0) return widths;
  const all = widths.map((_, i) => i);
  const flexible = all.filter((i) => options.columns[i]!.flexible);
  const softFloors = options.columns.map((c, i) => Math.min(widths[i]!, c.minWidth ?? 10));
  excess = shrink(widths, softFloors, flexible, excess);
  // Still too wide: every column gives way, down to one column each.
  if (excess > 0)
    shrink(
      widths,
      all.map(() => 1),
      all,
      excess,
    );
  return widths;
}

/** Renders rows (and headers, when any column has one) as lines ending in `\n`. */
export function renderTable(rows: TableCell[][], options: TableOptions): string {
  const texts = rows.map((row) =>
    options.columns.map((_, i) => {
      const cell = row[i];
      return sanitizeLine(typeof cell === 'string' ? cell : (cell?.text ?? ''));
    }),
  );
  const hasHeaders = options.columns.some((c) => c.header);
  const headers = hasHeaders ? options.columns.map((c) => sanitizeLine(c.header ?? '')) : undefined;
  const widths = columnWidths(texts, headers, options);
  const gap = ' '.repeat(options.gap ?? 2);
  const last = options.columns.length - 1;

  const line = (cellTexts: string[], styleOf: (i: number) => ((s: string) => string) | undefined) =>
    cellTexts
      .map((text, i) => {
        const visible = truncateToWidth(text, widths[i]!);
        const style = styleOf(i);
        const styled = style ? style(visible) : visible;
        // Padding goes outside the style so colour never bleeds into the gap.
        const pad = i === last ? 0 : widths[i]! - stringWidth(visible);
        return styled + ' '.repeat(Math.max(0, pad));
      })
      .join(gap)
      .trimEnd();

  const lines: string[] = [];
  if (headers) lines.push(line(headers, () => options.headerStyle));
  texts.forEach((cellTexts, r) => {
    lines.push(
      line(cellTexts, (i) => {
        const cell = rows[r]![i];
        return typeof cell === 'object' ? cell.style : undefined;
      }),
    );
  });
  return lines.map((l) => `${l}\n`).join('');
}
