// A window of pre-wrapped lines (preview, details, diff): each line one row, cut to the width.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { LineRole, ViewLine } from './package-view.js';
import type { Theme, TextStyle } from './theme.js';
import { truncate } from './text.js';
import { useTheme } from './use-theme.js';

export interface LinesViewProps {
  lines: readonly ViewLine[];
  width: number;
  height: number;
  /** Index of the first line shown. */
  offset?: number;
}

function styleFor(theme: Theme, role: LineRole): TextStyle {
  switch (role) {
    case 'heading':
      return theme.heading;
    case 'dim':
      return theme.dim;
    case 'warning':
      return theme.warning;
    case 'added':
      return theme.diffAdd;
    case 'removed':
      return theme.diffRemove;
    default:
      return {};
  }
}

function LinesViewImpl({ lines, width, height, offset = 0 }: LinesViewProps) {
  const theme = useTheme();
  const visible = lines.slice(offset, offset + height);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {visible.map((line, i) => (
        <Text key={offset + i} {...styleFor(theme, line.role)} wrap="truncate">
          {truncate(line.text, width) || ' '}
        </Text>
      ))}
    </Box>
  );
}

/** Redrawn only when its lines change: the preview stays while typing keeps the same top hit. */
export const LinesView = memo(LinesViewImpl);
