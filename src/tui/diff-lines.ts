// A unified diff of flake.nix as coloured view lines, under the summary of what changes. Nothing
// is cut: a change must be read whole before it is confirmed, on any terminal width.
import { sanitizeLine, stripControl } from '../term/sanitize.js';
import type { ViewLine } from './package-view.js';
import type { AddPreview } from './state.js';
import { hardWrap, wrap } from './text.js';

function roleOf(raw: string): ViewLine['role'] {
  if (raw.startsWith('+++') || raw.startsWith('---') || raw.startsWith('@@')) return 'dim';
  if (raw.startsWith('+')) return 'added';
  if (raw.startsWith('-')) return 'removed';
  return 'plain';
}

export function diffLines(preview: AddPreview, width: number): ViewLine[] {
  const prose = (text: string, role: ViewLine['role']) =>
    wrap(sanitizeLine(text), width, { breakWords: true }).map((t) => ({ text: t, role }));
  const lines: ViewLine[] = [...prose(preview.summary, 'heading')];
  for (const note of preview.notes ?? []) lines.push(...prose(note, 'warning'));
  lines.push({ text: '', role: 'plain' });
  for (const raw of preview.diff.replace(/\r/g, '').split('\n')) {
    // Tabs would shift columns unpredictably; the file's own indentation is shown as spaces.
    const text = stripControl(raw.replace(/\t/g, '  '));
    const role = roleOf(raw);
    // A long line goes on over the next rows, each under the same +/- mark.
    const mark = role === 'added' || role === 'removed' ? text[0]! : ' ';
    const [first = ''] = hardWrap(text, width);
    lines.push({ text: first, role });
    const rest = text.slice(first.length);
    if (rest) for (const more of hardWrap(rest, width - 1)) lines.push({ text: mark + more, role });
  }
  return lines;
}
