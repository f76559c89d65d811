import { describe, expect, it } from 'vitest';
import { commandForKey, NO_KEY, splitKeys, type KeyPress } from '../../src/tui/keymap.js';
import { MENU_ITEMS } from '../../src/tui/menu.js';
import { initialState, type Screen, type TuiState } from '../../src/tui/state.js';

const none = NO_KEY;
const key = (over: Partial<KeyPress>): KeyPress => ({ ...none, ...over });
const view = { scrollMax: 30, pageHeight: 10 };
const on = (screen: Screen): TuiState => ({ ...initialState('q'), screen });
const list = on({ kind: 'list' });

describe('on the result list', () => {
  it('types printable input and turns pasted line breaks into spaces', () => {
    expect(commandForKey('g', none, list, view)).toEqual({
      kind: 'dispatch',
      action: { type: 'type', text: 'g' },
    });
    expect(commandForKey('hue\nexporter', none, list, view)).toEqual({
      kind: 'dispatch',
      action: { type: 'type', text: 'hue exporter' },
    });
  });

  it.each([
    ['↑', '', key({ upArrow: true }), { type: 'move', by: -1 }],
    ['Ctrl-P', 'p', key({ ctrl: true }), { type: 'move', by: -1 }],
    ['↓', '', key({ downArrow: true }), { type: 'move', by: 1 }],
    ['Ctrl-N', 'n', key({ ctrl: true }), { type: 'move', by: 1 }],
    ['PgUp', '', key({ pageUp: true }), { type: 'page', direction: -1 }],
    ['PgDn', '', key({ pageDown: true }), { type: 'page', direction: 1 }],
    ['Home', '', key({ home: true }), { type: 'home' }],
    ['End', '', key({ end: true }), { type: 'end' }],
    ['Tab', '', key({ tab: true }), { type: 'togglePreview' }],
    ['Enter', '', key({ return: true }), { type: 'openMenu' }],
    ['Backspace', '', key({ backspace: true }), { type: 'backspace' }],
    ['DEL (what terminals send for Backspace)', '', key({ delete: true }), { type: 'backspace' }],
    ['Ctrl-U', 'u', key({ ctrl: true }), { type: 'clearQuery' }],
    ['Ctrl-W', 'w', key({ ctrl: true }), { type: 'deleteWord' }],
  ])('maps %s', (_name, input, press, action) => {
    expect(commandForKey(input, press, list, view)).toEqual({ kind: 'dispatch', action });
  });

  it('quits with 1 on Esc and 130 on Ctrl-C', () => {
    expect(commandForKey('', key({ escape: true, meta: true }), list, view)).toEqual({
      kind: 'quit',
      code: 1,
    });
    expect(commandForKey('c', key({ ctrl: true }), list, view)).toEqual({
      kind: 'quit',
      code: 130,
    });
  });

  it('ignores other control and Alt combinations instead of typing them', () => {
    expect(commandForKey('x', key({ ctrl: true }), list, view)).toBeUndefined();
    expect(commandForKey('b', key({ meta: true }), list, view)).toBeUndefined();
  });
});

describe('in the action menu', () => {
  const menu = on({ kind: 'menu', selected: 2 });

  it('runs the highlighted item on Enter and any item by its letter', () => {
    expect(commandForKey('', key({ return: true }), menu, view)).toEqual({
      kind: 'run',
      item: MENU_ITEMS[2]!.id,
    });
    for (const item of MENU_ITEMS)
      expect(commandForKey(item.shortcut, none, menu, view)).toEqual({
        kind: 'run',
        item: item.id,
      });
  });

  it('goes back on Esc and still quits on Ctrl-C', () => {
    expect(commandForKey('', key({ escape: true }), menu, view)).toEqual({
      kind: 'dispatch',
      action: { type: 'back' },
    });
    expect(commandForKey('c', key({ ctrl: true }), menu, view)).toEqual({
      kind: 'quit',
      code: 130,
    });
  });
});

describe('in scrolling views', () => {
  it('scrolls the details by line and page within the view metrics', () => {
    const details = on({ kind: 'details', scroll: 0 });
    expect(commandForKey('', key({ pageDown: true }), details, view)).toEqual({
      kind: 'dispatch',
      action: { type: 'scroll', by: 10, max: 30 },
    });
    expect(commandForKey('', key({ end: true }), details, view)).toEqual({
      kind: 'dispatch',
      action: { type: 'scrollTo', edge: 'end', max: 30 },
    });
  });

  it('asks y/n on the flake.nix diff, Esc meaning no', () => {
    const confirm = on({ kind: 'confirm-add', preview: { diff: '', summary: '' }, scroll: 0 });
    expect(commandForKey('y', none, confirm, view)).toEqual({ kind: 'confirm', accept: true });
    expect(commandForKey('n', none, confirm, view)).toEqual({ kind: 'confirm', accept: false });
    expect(commandForKey('', key({ escape: true }), confirm, view)).toEqual({
      kind: 'confirm',
      accept: false,
    });
  });

  it('ignores keys while an action runs, except Ctrl-C', () => {
    const working = on({ kind: 'working', label: 'Copying…' });
    expect(commandForKey('', key({ escape: true }), working, view)).toBeUndefined();
    expect(commandForKey('c', key({ ctrl: true }), working, view)).toEqual({
      kind: 'quit',
      code: 130,
    });
  });
});

describe('splitting a chunk of input into keys', () => {
  it('separates control keys typed together with text, as fzf reads them', () => {
    expect(splitKeys('goat\u0003', none)).toEqual([
      { input: 'goat', key: none },
      { input: 'c', key: key({ ctrl: true }) },
    ]);
    expect(splitKeys('\u0015goat\r\t', none)).toEqual([
      { input: 'u', key: key({ ctrl: true }) },
      { input: 'goat', key: none },
      { input: '', key: key({ return: true }) },
      { input: '', key: key({ tab: true }) },
    ]);
    expect(splitKeys('goatx\u007f', none)).toEqual([
      { input: 'goatx', key: none },
      { input: '', key: key({ backspace: true }) },
    ]);
  });

  it('keeps pasted line breaks as spaces, and single keys and escape sequences as Ink gave them', () => {
    expect(splitKeys('a\nb', none).map((k) => k.input)).toEqual(['a', ' ', 'b']);
    expect(splitKeys('c', key({ ctrl: true }))).toEqual([{ input: 'c', key: key({ ctrl: true }) }]);
    expect(splitKeys('\u001b[B', key({ downArrow: true }))).toEqual([
      { input: '\u001b[B', key: key({ downArrow: true }) },
    ]);
    expect(splitKeys('goat', none)).toEqual([{ input: 'goat', key: none }]);
  });
});
