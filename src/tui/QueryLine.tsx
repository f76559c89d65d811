// The prompt: what the user typed, the real terminal cursor after it, and `matched/total`.
import { Box, Text, useCursor } from 'ink';
import { truncate, textWidth } from './text.js';
import { useTheme } from './use-theme.js';

export interface QueryLineProps {
  query: string;
  matched: number;
  total: number;
  /** A search for the latest keystrokes has not finished yet. */
  pending: boolean;
  width: number;
  /** The cursor is shown only while the query can be edited. */
  focused: boolean;
  /** A filter from the command line (`--repo mic92`), shown so the counter is not a puzzle. */
  scope?: string;
}

const PROMPT = '> ';

export function QueryLine(props: QueryLineProps) {
  const { query, matched, total, pending, width, focused, scope } = props;
  const theme = useTheme();
  const { setCursorPosition } = useCursor();
  const counter = `${pending ? '… ' : ''}${matched}/${total}${scope ? ` in ${scope}` : ''}`;
  const room = Math.max(1, width - PROMPT.length - counter.length - 2);
  // Long queries scroll left so the end being typed stays visible.
  let shown = query;
  while (textWidth(shown) > room) shown = Array.from(shown).slice(1).join('');
  setCursorPosition(focused ? { x: PROMPT.length + textWidth(shown), y: 0 } : undefined);
  return (
    <Box width={width} height={1}>
      <Text {...theme.pointer}>{PROMPT}</Text>
      <Box flexGrow={1}>
        <Text wrap="truncate">{truncate(shown, room)}</Text>
      </Box>
      <Text {...theme.dim}> {counter}</Text>
    </Box>
  );
}
