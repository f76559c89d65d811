// One search hit on one row: pointer, ref with the matched characters highlighted, version,
// flags and description, each cut to its column.
import { Text } from 'ink';
import { styled } from './styled.js';
import { memo } from 'react';
import type { SearchHit } from '../model.js';
import { sanitizeLine } from '../term/sanitize.js';
import type { ListColumns } from './layout.js';
import { packageFlags } from './package-view.js';
import {
  fit,
  fitSegments,
  highlightSegments,
  POINTER,
  truncate,
  type Segment,
  textWidth,
} from './text.js';
import { useTheme } from './use-theme.js';

export interface ResultRowProps {
  hit: SearchHit;
  selected: boolean;
  columns: ListColumns;
}

// Match ranges point into the raw text; if sanitising changed it, they would point elsewhere.
function segmentsOf(raw: string, ranges: SearchHit['refMatches']): Segment[] {
  const safe = sanitizeLine(raw);
  return safe === raw ? highlightSegments(safe, ranges) : [{ text: safe, matched: false }];
}

function ResultRowView({ hit, selected, columns }: ResultRowProps) {
  const theme = useTheme();
  const { pkg } = hit;
  const ref = fitSegments(segmentsOf(pkg.ref, hit.refMatches), columns.refWidth);
  const refUsed = ref.reduce((n, s) => n + textWidth(s.text), 0);
  // Unfree is not a problem to flag in a list; broken and unavailable are.
  const flags = packageFlags(pkg).filter((f) => f !== 'unfree');
  const flagText = flags.length ? `[${flags.join(', ')}] ` : '';
  const flagCell = flagText.length < columns.descriptionWidth ? flagText : '';
  const description = truncate(
    sanitizeLine(pkg.description),
    columns.descriptionWidth - flagCell.length,
  );
  const rowStyle = selected ? theme.selected : {};
  const padding = ' '.repeat(Math.max(0, columns.refWidth - refUsed) + 1);
  const refText = ref.map((s) => (s.matched ? styled(s.text, theme.match) : s.text)).join('');
  // One styled string per row: Ink then lays out, measures and reconciles one text node per row
  // instead of a tree of styled runs (the list redraws on every keystroke).
  const row =
    styled(selected ? POINTER : '  ', theme.pointer) +
    styled(refText + padding, rowStyle) +
    (columns.versionWidth > 0
      ? styled(`${fit(sanitizeLine(pkg.version), columns.versionWidth)} `, theme.dim)
      : '') +
    (flagCell ? styled(flagCell, theme.warning) : '') +
    styled(description, rowStyle);
  return <Text wrap="truncate">{row}</Text>;
}

export const ResultRow = memo(ResultRowView);
