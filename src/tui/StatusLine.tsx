// Bottom line: the last action's outcome or the key hints on the left, the index age on the right.
import { Box, Text } from 'ink';
import type { IndexAge } from './index-age.js';
import type { Notice } from './state.js';
import { truncate, textWidth } from './text.js';
import { useTheme } from './use-theme.js';

export interface StatusLineProps {
  hints: string;
  age: IndexAge;
  notice?: Notice;
  width: number;
}

export function StatusLine({ hints, age, notice, width }: StatusLineProps) {
  const theme = useTheme();
  const ageText = age.warning ? `! ${age.text}` : age.text;
  const leftText = notice?.text ?? hints;
  // The age keeps its place next to the hints; a notice (a question, an outcome) matters more,
  // so the age yields when both do not fit.
  const ageYields = notice !== undefined && textWidth(leftText) + 1 + textWidth(ageText) > width;
  const ageWidth = ageYields ? 0 : Math.min(textWidth(ageText), Math.max(0, width - 12));
  const leftWidth = Math.max(0, width - ageWidth - (ageWidth ? 1 : 0));
  const left = truncate(leftText, leftWidth);
  const leftStyle = notice ? (notice.tone === 'error' ? theme.error : theme.success) : theme.dim;
  return (
    <Box width={width} height={1}>
      <Box width={leftWidth} marginRight={ageWidth ? 1 : 0}>
        <Text {...leftStyle} wrap="truncate">
          {left}
        </Text>
      </Box>
      <Text {...(age.warning ? theme.warning : theme.dim)} wrap="truncate">
        {truncate(ageText, ageWidth)}
      </Text>
    </Box>
  );
}
