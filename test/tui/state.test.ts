import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src/model.js';
import { MENU_ITEMS, menuIndexOf } from '../../src/tui/menu.js';
import { initialState, reducer, type TuiAction, type TuiState } from '../../src/tui/state.js';
import { fixtureIndex } from '../helpers/fixtures.js';

const hits = (n: number): SearchHit[] =>
  fixtureIndex()
    .packages.slice(0, n)
    .map((pkg) => ({ pkg, score: 0, refMatches: [], descriptionMatches: [] }));

function run(state: TuiState, ...actions: TuiAction[]): TuiState {
  return actions.reduce(reducer, state);
}

function withResults(count: number, listHeight = 5): TuiState {
  return run(
    { ...initialState('q'), listHeight },
    { type: 'results', query: 'q', hits: hits(count), total: count },
  );
}

describe('query editing', () => {
  it('appends typed text, removes one character per Backspace, clears on Ctrl-U', () => {
    let state = run(initialState(''), { type: 'type', text: 'goa' }, { type: 'type', text: 't' });
    expect(state.query).toBe('goat');
    state = reducer(state, { type: 'backspace' });
    expect(state.query).toBe('goa');
    expect(reducer(state, { type: 'clearQuery' }).query).toBe('');
  });

  it('removes a whole code point on Backspace, not half a surrogate pair', () => {
    expect(reducer(initialState('nix🦀'), { type: 'backspace' }).query).toBe('nix');
  });

  it('deletes the last word with Ctrl-W', () => {
    expect(reducer(initialState('hue exporter'), { type: 'deleteWord' }).query).toBe('hue');
  });

  it('clears a notice once the query changes', () => {
    const state = run(initialState('a'), {
      type: 'done',
      notice: { text: 'Copied', tone: 'info' },
    });
    expect(state.notice).toBeDefined();
    expect(reducer(state, { type: 'type', text: 'b' }).notice).toBeUndefined();
  });
});

describe('selection and scrolling', () => {
  it('moves within the hits and stops at both ends', () => {
    const state = withResults(3);
    expect(run(state, { type: 'move', by: -1 }).cursor).toBe(0);
    expect(run(state, { type: 'move', by: 1 }, { type: 'move', by: 1 }).cursor).toBe(2);
    expect(run(state, ...Array(5).fill({ type: 'move', by: 1 })).cursor).toBe(2);
  });

  it('scrolls the window so the cursor stays visible', () => {
    const state = run(withResults(20, 5), ...Array(7).fill({ type: 'move', by: 1 }));
    expect(state.cursor).toBe(7);
    expect(state.scroll).toBe(3);
    const back = run(state, ...Array(6).fill({ type: 'move', by: -1 }));
    expect(back.cursor).toBe(1);
    expect(back.scroll).toBe(1);
  });

  it('pages by the list height and jumps to the ends with Home and End', () => {
    const state = withResults(20, 5);
    expect(reducer(state, { type: 'page', direction: 1 }).cursor).toBe(5);
    const end = reducer(state, { type: 'end' });
    expect(end.cursor).toBe(19);
    expect(end.scroll).toBe(15);
    expect(reducer(end, { type: 'page', direction: -1 }).cursor).toBe(14);
    expect(reducer(end, { type: 'home' })).toMatchObject({ cursor: 0, scroll: 0 });
  });

  it('returns to the best hit when results for a new query arrive, like fzf', () => {
    const state = run(withResults(20), { type: 'end' }, { type: 'type', text: 'x' });
    expect(state.cursor).toBe(19);
    const next = reducer(state, { type: 'results', query: 'qx', hits: hits(10), total: 10 });
    expect(next).toMatchObject({ cursor: 0, scroll: 0, searchedQuery: 'qx', total: 10 });
  });

  it('keeps the cursor inside fewer hits and a smaller viewport', () => {
    const state = run(withResults(20, 10), { type: 'move', by: 9 });
    expect(reducer(state, { type: 'viewport', listHeight: 3 })).toMatchObject({
      cursor: 9,
      scroll: 7,
    });
  });

  it('does not open the menu when nothing matched', () => {
    const empty = run(initialState('zzz'), { type: 'results', query: 'zzz', hits: [], total: 0 });
    expect(reducer(empty, { type: 'openMenu' }).screen.kind).toBe('list');
  });
});

describe('screens', () => {
  it('wraps around the menu in both directions', () => {
    const menu = reducer(withResults(3), { type: 'openMenu' });
    const itemCount = MENU_ITEMS.length;
    const up = reducer(menu, { type: 'menuMove', by: -1, itemCount });
    expect(up.screen).toEqual({ kind: 'menu', selected: itemCount - 1 });
    expect(reducer(up, { type: 'menuMove', by: 1, itemCount }).screen).toEqual({
      kind: 'menu',
      selected: 0,
    });
  });

  it('goes back from details to the menu item that opened them, and from the menu to the list', () => {
    const details = run(withResults(3), { type: 'openMenu' }, { type: 'showDetails' });
    const menu = reducer(details, { type: 'back' });
    expect(menu.screen).toEqual({ kind: 'menu', selected: menuIndexOf('details') });
    expect(reducer(menu, { type: 'back' }).screen.kind).toBe('list');
  });

  it('clamps the details scroll to what the view can show', () => {
    const details = run(withResults(3), { type: 'openMenu' }, { type: 'showDetails' });
    expect(reducer(details, { type: 'scroll', by: 50, max: 12 }).screen).toEqual({
      kind: 'details',
      scroll: 12,
    });
    expect(reducer(details, { type: 'scroll', by: -3, max: 12 }).screen).toEqual({
      kind: 'details',
      scroll: 0,
    });
    expect(reducer(details, { type: 'scrollTo', edge: 'end', max: 7 }).screen).toEqual({
      kind: 'details',
      scroll: 7,
    });
  });

  it('returns to the list with the outcome of an action', () => {
    const state = run(
      withResults(3),
      { type: 'openMenu' },
      { type: 'working', label: 'Copying…' },
      { type: 'done', notice: { text: 'Copied', tone: 'info' } },
    );
    expect(state.screen.kind).toBe('list');
    expect(state.notice?.text).toBe('Copied');
  });
});
