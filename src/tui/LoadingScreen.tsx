// Shown while the index loads inside the UI (first run, or a refresh of a stale cache).
import { Box, Text } from 'ink';
import { truncate } from './text.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useTheme } from './use-theme.js';

export interface LoadingScreenProps {
  /** The loader's latest progress line (`downloading packages.json [###...] 45% …`). */
  progress?: string;
}

export function LoadingScreen({ progress }: LoadingScreenProps) {
  const theme = useTheme();
  const { columns, rows } = useTerminalSize();
  const width = Math.max(20, columns);
  return (
    <Box flexDirection="column" width={width} height={Math.max(2, rows - 1)}>
      <Text {...theme.heading}>{truncate('Loading the NUR index…', width)}</Text>
      <Text {...theme.dim}>{truncate(progress ?? '', width) || ' '}</Text>
    </Box>
  );
}
