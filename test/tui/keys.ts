// What a terminal sends for the keys the TUI binds.
export const KEYS = {
  up: '\u001b[A',
  down: '\u001b[B',
  pageUp: '\u001b[5~',
  pageDown: '\u001b[6~',
  home: '\u001b[H',
  end: '\u001b[F',
  enter: '\r',
  escape: '\u001b',
  tab: '\t',
  backspace: '\u007f',
  ctrlC: '\u0003',
  ctrlN: '\u000e',
  ctrlP: '\u0010',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
} as const;

export type KeyName = keyof typeof KEYS;
