// A unified diff of flake.nix as coloured view lines, under the summary of what changes.
import { sanitizeLine, stripControl } from '../term/sanitize.js';
import type { ViewLine } from './package-view.js';
import type { AddPreview } from './state.js';
import { truncate } from './text.js';

export function diffLines(preview: AddPreview, width: number): ViewLine[] {
  const lines: ViewLine[] = [
    { text: truncate(sanitizeLine(preview.summary), width), role: 'heading' },
  ];
  for (const note of preview.notes ?? [])
    lines.push({ text: truncate(sanitizeLine(note), width), role: 'warning' });
  lines.push({ text: '', role: 'plain' });
  for (const raw of preview.diff.replace(/\r/g, '').split('\n')) {
    // Tabs would shift columns unpredictably; the file's own indentation is shown as spaces.
    const text = truncate(stripControl(raw.replace(/\t/g, '  ')), width);
    const role =
      raw.startsWith('+++') || raw.startsWith('---') || raw.startsWith('@@')
        ? 'dim'
        : raw.startsWith('+')
          ? 'added'
          : raw.startsWith('-')
            ? 'removed'
            : 'plain';
    lines.push({ text, role });
  }
  return lines;
}
