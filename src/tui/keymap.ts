// Keys → what they mean on the current screen. Pure: the App turns commands into reducer actions
// or effects. fzf's bindings where fzf has one.
import type { Key } from 'ink';
import { MENU_ITEMS, menuItemForShortcut, type MenuItemId } from './menu.js';
import type { TuiAction, TuiState } from './state.js';

export type KeyCommand =
  | { kind: 'dispatch'; action: TuiAction }
  | { kind: 'run'; item: MenuItemId }
  | { kind: 'confirm'; accept: boolean }
  | { kind: 'quit'; code: number };

/** What the keymap needs to know about the screen: how far a scrolling view can go. */
export interface ViewMetrics {
  /** Last scroll offset of the details or diff view. */
  scrollMax: number;
  /** Rows a page of that view holds. */
  pageHeight: number;
}

export type KeyPress = Pick<
  Key,
  | 'upArrow'
  | 'downArrow'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'return'
  | 'escape'
  | 'ctrl'
  | 'meta'
  | 'tab'
  | 'backspace'
  | 'delete'
>;

const dispatch = (action: TuiAction): KeyCommand => ({ kind: 'dispatch', action });

/** A key event with no flag set: plain typed text. */
export const NO_KEY: KeyPress = {
  upArrow: false,
  downArrow: false,
  pageUp: false,
  pageDown: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  meta: false,
  tab: false,
  backspace: false,
  delete: false,
};

const CONTROL = /[\u0000-\u001a\u001c-\u001f\u007f]/;

/** One control byte as the key it is: Enter, Tab, Backspace, or Ctrl and a letter. */
function controlKey(char: string): { input: string; key: KeyPress } {
  const code = char.charCodeAt(0);
  if (char === '\r') return { input: '', key: { ...NO_KEY, return: true } };
  // A line break comes from a paste, not the Enter key: it separates words.
  if (char === '\n') return { input: ' ', key: NO_KEY };
  if (char === '\t') return { input: '', key: { ...NO_KEY, tab: true } };
  if (code === 0x7f || code === 0x08) return { input: '', key: { ...NO_KEY, backspace: true } };
  return { input: String.fromCharCode(code + 0x60), key: { ...NO_KEY, ctrl: true } };
}

/**
 * The keys in one chunk of input. Ink splits a chunk only at escape sequences, so keys typed
 * faster than it reads (`goat` then Ctrl-C, or Enter) arrive as one string; fzf handles each.
 */
export function splitKeys(input: string, key: KeyPress): { input: string; key: KeyPress }[] {
  if (input.length <= 1 || input.startsWith('\u001b') || !CONTROL.test(input))
    return [{ input, key }];
  const keys: { input: string; key: KeyPress }[] = [];
  for (const part of input.split(/([\u0000-\u001a\u001c-\u001f\u007f])/)) {
    if (!part) continue;
    keys.push(CONTROL.test(part) ? controlKey(part) : { input: part, key: NO_KEY });
  }
  return keys;
}

// Typed or pasted text, minus anything that is not printable (pastes can carry newlines, tabs).
function printable(input: string): string {
  return input.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/ {2,}/g, ' ');
}

const isUp = (input: string, key: KeyPress) => key.upArrow || (key.ctrl && input === 'p');
const isDown = (input: string, key: KeyPress) => key.downArrow || (key.ctrl && input === 'n');

function listKey(input: string, key: KeyPress): KeyCommand | undefined {
  if (key.escape) return { kind: 'quit', code: 1 };
  if (key.return) return dispatch({ type: 'openMenu' });
  if (key.tab) return dispatch({ type: 'togglePreview' });
  if (isUp(input, key)) return dispatch({ type: 'move', by: -1 });
  if (isDown(input, key)) return dispatch({ type: 'move', by: 1 });
  if (key.pageUp) return dispatch({ type: 'page', direction: -1 });
  if (key.pageDown) return dispatch({ type: 'page', direction: 1 });
  if (key.home) return dispatch({ type: 'home' });
  if (key.end) return dispatch({ type: 'end' });
  // Terminals send DEL (0x7f) for Backspace, which Ink reports as `delete`.
  if (key.backspace || key.delete) return dispatch({ type: 'backspace' });
  if (key.ctrl && input === 'u') return dispatch({ type: 'clearQuery' });
  if (key.ctrl && input === 'w') return dispatch({ type: 'deleteWord' });
  if (key.ctrl || key.meta) return undefined;
  const text = printable(input);
  return text ? dispatch({ type: 'type', text }) : undefined;
}

function menuKey(input: string, key: KeyPress, state: TuiState): KeyCommand | undefined {
  if (state.screen.kind !== 'menu') return undefined;
  if (key.escape) return dispatch({ type: 'back' });
  if (isUp(input, key)) return dispatch({ type: 'menuMove', by: -1, itemCount: MENU_ITEMS.length });
  if (isDown(input, key))
    return dispatch({ type: 'menuMove', by: 1, itemCount: MENU_ITEMS.length });
  if (key.return) {
    const item = MENU_ITEMS[state.screen.selected];
    return item ? { kind: 'run', item: item.id } : undefined;
  }
  if (key.ctrl || key.meta) return undefined;
  const item = menuItemForShortcut(input);
  return item ? { kind: 'run', item: item.id } : undefined;
}

function scrollKey(input: string, key: KeyPress, view: ViewMetrics): KeyCommand | undefined {
  const max = view.scrollMax;
  if (isUp(input, key)) return dispatch({ type: 'scroll', by: -1, max });
  if (isDown(input, key)) return dispatch({ type: 'scroll', by: 1, max });
  if (key.pageUp) return dispatch({ type: 'scroll', by: -view.pageHeight, max });
  if (key.pageDown || input === ' ') return dispatch({ type: 'scroll', by: view.pageHeight, max });
  if (key.home) return dispatch({ type: 'scrollTo', edge: 'start', max });
  if (key.end) return dispatch({ type: 'scrollTo', edge: 'end', max });
  return undefined;
}

export function commandForKey(
  input: string,
  key: KeyPress,
  state: TuiState,
  view: ViewMetrics,
): KeyCommand | undefined {
  if (key.ctrl && input === 'c') return { kind: 'quit', code: 130 };
  switch (state.screen.kind) {
    case 'list':
      return listKey(input, key);
    case 'menu':
      return menuKey(input, key, state);
    case 'details':
      if (key.escape || key.return || input === 'q') return dispatch({ type: 'back' });
      return scrollKey(input, key, view);
    case 'confirm-add':
      if (input === 'y' || input === 'Y') return { kind: 'confirm', accept: true };
      if (key.escape || input === 'n' || input === 'N') return { kind: 'confirm', accept: false };
      return scrollKey(input, key, view);
    case 'working':
      return undefined;
  }
}
