import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

const sizeOf = (stream: { columns?: number; rows?: number }): TerminalSize => ({
  columns: stream.columns && stream.columns > 0 ? stream.columns : 80,
  rows: stream.rows && stream.rows > 0 ? stream.rows : 24,
});

/** The terminal's size, updated on resize (Ink itself skips resize handling under CI). */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = () => {
      const next = sizeOf(stdout);
      setSize((prev) => (prev.columns === next.columns && prev.rows === next.rows ? prev : next));
    };
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
