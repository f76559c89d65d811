// Shown while the index loads inside the UI (first run, or a refresh of a stale cache). Keys work
// already: typing edits the query the search will start with, Esc and Ctrl-C quit.
import { Box, Text, useInput, type Key } from 'ink';
import { useCallback, useRef } from 'react';
import type { TuiOutcome } from './effects/types.js';
import { commandForKey, splitKeys } from './keymap.js';
import { QueryLine } from './QueryLine.js';
import { initialState, reducer } from './state.js';
import { truncate } from './text.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useTheme } from './use-theme.js';

export interface LoadingScreenProps {
  query: string;
  /** The loader's latest progress line (`downloading packages.json [###...] 45% …`). */
  progress?: string;
  onQueryChange(query: string): void;
  onExit(outcome: TuiOutcome): void;
}

export function LoadingScreen({ query, progress, onQueryChange, onExit }: LoadingScreenProps) {
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  const width = Math.max(20, columns);
  const latest = useRef(query);
  latest.current = query;
  const onInput = useCallback(
    (input: string, key: Key) => {
      for (const one of splitKeys(input, key)) {
        // The list keymap, minus what needs results: only editing and quitting apply here.
        const state = initialState(latest.current);
        const command = commandForKey(one.input, one.key, state, { scrollMax: 0, pageHeight: 1 });
        if (command?.kind === 'quit') {
          onExit({ kind: 'cancelled', exitCode: command.code });
          return;
        }
        if (command?.kind !== 'dispatch') continue;
        const next = reducer(state, command.action).query;
        if (next !== latest.current) {
          latest.current = next;
          onQueryChange(next);
        }
      }
    },
    [onExit, onQueryChange],
  );
  useInput(onInput);
  return (
    <Box flexDirection="column" width={width} height={Math.max(3, rows - 1)}>
      <QueryLine query={query} matched={0} total={0} pending width={width} focused />
      <Text {...theme.heading}>{truncate('  Loading the NUR index…', width)}</Text>
      <Text {...theme.dim}>{truncate(progress ? `  ${progress}` : '', width) || ' '}</Text>
    </Box>
  );
}
