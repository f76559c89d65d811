// Renders a TUI tree with ink-testing-library at a chosen terminal size, and sends keys that
// resolve only once Ink has handled them and the frames that follow have been drawn.
import chalk from 'chalk';
import { render as inkRender } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { installFastInkOutput } from '../../src/tui/ink-fast-output.js';

export { KEYS, type KeyName } from './keys.js';
import { KEYS, type KeyName } from './keys.js';

// Colours on, so tests about NO_COLOR can see that a no-colour theme emits no SGR at all.
chalk.level = 1;
// Frames composed as the shipped UI composes them.
installFastInkOutput();

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface RenderOptions {
  columns?: number;
  rows?: number;
}

export function renderTui(element: ReactElement, options: RenderOptions = {}) {
  // Mount nothing first, so the size is in place before the tree reads it.
  const instance = inkRender(<></>);
  let columns = options.columns ?? 100;
  let rows = options.rows ?? 30;
  Object.defineProperty(instance.stdout, 'columns', { get: () => columns, configurable: true });
  Object.defineProperty(instance.stdout, 'rows', { get: () => rows, configurable: true });
  instance.rerender(element);

  /** Waits until Ink has drawn everything the last input caused (bounded). */
  async function settle(): Promise<void> {
    let stableTurns = 0;
    let seen = instance.frames.length;
    for (let i = 0; i < 200 && stableTurns < 4; i++) {
      await turn();
      if (instance.frames.length === seen) stableTurns++;
      else {
        seen = instance.frames.length;
        stableTurns = 0;
      }
    }
  }

  return {
    ...instance,
    settle,
    frame: () => instance.lastFrame() ?? '',
    /** The last frame without colour codes. */
    text: () => (instance.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, ''),
    async type(text: string) {
      for (const char of text) {
        instance.stdin.write(char);
        await settle();
      }
    },
    async press(...keys: KeyName[]) {
      for (const key of keys) {
        instance.stdin.write(KEYS[key]);
        await settle();
      }
    },
    async resize(nextColumns: number, nextRows: number) {
      columns = nextColumns;
      rows = nextRows;
      instance.stdout.emit('resize');
      await settle();
    },
  };
}
