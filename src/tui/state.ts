// The TUI's state machine: query, results, selection, scroll and which screen is open. Pure, so
// every key binding can be tested without React. Searches run outside (use-search) and report here.
import type { SearchHit } from '../model.js';
import { menuIndexOf, type MenuItemId } from './menu.js';

/** What a confirm screen for adding a repo to flake.nix shows; the apply step stays in the effect. */
export interface AddPreview {
  /** Unified diff of flake.nix, or empty when nothing would change. */
  diff: string;
  /** One line saying what would be added (or why nothing changes). */
  summary: string;
  /** What `nur add` noted on the way (an assumption about flakes, a usage hint). */
  notes?: string[];
}

export type Screen =
  | { kind: 'list' }
  | { kind: 'menu'; selected: number }
  | { kind: 'details'; scroll: number }
  /** An effect is running (planning an add, copying); input other than Ctrl-C waits. */
  | { kind: 'working'; label: string }
  | { kind: 'confirm-add'; preview: AddPreview; scroll: number };

export interface Notice {
  text: string;
  tone: 'info' | 'error';
}

export interface TuiState {
  query: string;
  /** Index of the selected hit. */
  cursor: number;
  /** Index of the first visible hit. */
  scroll: number;
  /** The query the hits belong to; differs from `query` while a search is pending. */
  searchedQuery: string;
  /** Hits of the last finished search, best first. */
  hits: SearchHit[];
  /** Packages that matched, before the hit limit. */
  total: number;
  /** Why the last query could not run (a bad `repo:` token, say). */
  searchError?: string;
  /** Rows the result list has on screen. */
  listHeight: number;
  previewOpen: boolean;
  screen: Screen;
  notice?: Notice;
}

export type TuiAction =
  | { type: 'type'; text: string }
  | { type: 'backspace' }
  | { type: 'deleteWord' }
  | { type: 'clearQuery' }
  | { type: 'move'; by: number }
  | { type: 'page'; direction: 1 | -1 }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'togglePreview' }
  /** A search finished; a new query moves the selection back to the best hit, like fzf. */
  | { type: 'results'; query: string; hits: SearchHit[]; total: number; error?: string }
  | { type: 'viewport'; listHeight: number }
  | { type: 'openMenu' }
  | { type: 'menuMove'; by: number; itemCount: number }
  | { type: 'menuPick'; item: MenuItemId; index: number }
  | { type: 'showDetails' }
  /** `max` is the last scroll offset that still fills the screen; the view knows it. */
  | { type: 'scroll'; by: number; max: number }
  | { type: 'scrollTo'; edge: 'start' | 'end'; max: number }
  | { type: 'working'; label: string }
  | { type: 'confirmAdd'; preview: AddPreview }
  | { type: 'back' }
  /** An action finished: back to the list with a line saying what happened. */
  | { type: 'done'; notice: Notice };

export function initialState(query = '', options: { previewOpen?: boolean } = {}): TuiState {
  return {
    query,
    cursor: 0,
    scroll: 0,
    searchedQuery: query,
    hits: [],
    total: 0,
    listHeight: 10,
    previewOpen: options.previewOpen ?? true,
    screen: { kind: 'list' },
  };
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, value));

/** Keeps the cursor inside the results and the scroll window around the cursor. */
function withCursor(state: TuiState, cursor: number): TuiState {
  const last = Math.max(0, state.hits.length - 1);
  const next = clamp(cursor, 0, last);
  const height = Math.max(1, state.listHeight);
  let scroll = state.scroll;
  if (next < scroll) scroll = next;
  if (next >= scroll + height) scroll = next - height + 1;
  scroll = clamp(scroll, 0, Math.max(0, state.hits.length - height));
  return { ...state, cursor: next, scroll };
}

function withQuery(state: TuiState, query: string): TuiState {
  return query === state.query ? state : { ...state, query, notice: undefined };
}

// Deletes the last word and the blanks before it, like a shell's Ctrl-W.
const withoutLastWord = (query: string) => query.replace(/\s*\S+\s*$/, '');

export function reducer(state: TuiState, action: TuiAction): TuiState {
  switch (action.type) {
    case 'type':
      return withQuery(state, state.query + action.text);
    case 'backspace':
      return withQuery(state, Array.from(state.query).slice(0, -1).join(''));
    case 'deleteWord':
      return withQuery(state, withoutLastWord(state.query));
    case 'clearQuery':
      return withQuery(state, '');
    case 'move':
      return withCursor(state, state.cursor + action.by);
    case 'page':
      return withCursor(state, state.cursor + action.direction * Math.max(1, state.listHeight));
    case 'home':
      return withCursor(state, 0);
    case 'end':
      return withCursor(state, state.hits.length - 1);
    case 'togglePreview':
      return { ...state, previewOpen: !state.previewOpen };
    case 'results': {
      const next: TuiState = {
        ...state,
        searchedQuery: action.query,
        hits: action.hits,
        total: action.total,
        searchError: action.error,
      };
      return action.query !== state.searchedQuery
        ? withCursor({ ...next, scroll: 0 }, 0)
        : withCursor(next, state.cursor);
    }
    case 'viewport':
      return withCursor({ ...state, listHeight: Math.max(1, action.listHeight) }, state.cursor);
    case 'openMenu':
      if (state.hits.length === 0) return state;
      return { ...state, screen: { kind: 'menu', selected: 0 }, notice: undefined };
    case 'menuMove': {
      if (state.screen.kind !== 'menu') return state;
      const count = Math.max(1, action.itemCount);
      // Wraps around, so the last item is one key away from the first.
      const selected = (((state.screen.selected + action.by) % count) + count) % count;
      return { ...state, screen: { kind: 'menu', selected } };
    }
    case 'menuPick':
      if (state.screen.kind !== 'menu') return state;
      return { ...state, screen: { kind: 'menu', selected: action.index } };
    case 'showDetails':
      return { ...state, screen: { kind: 'details', scroll: 0 } };
    case 'scroll':
    case 'scrollTo': {
      const screen = state.screen;
      if (screen.kind !== 'details' && screen.kind !== 'confirm-add') return state;
      const target =
        action.type === 'scroll'
          ? screen.scroll + action.by
          : action.edge === 'start'
            ? 0
            : action.max;
      return { ...state, screen: { ...screen, scroll: clamp(target, 0, Math.max(0, action.max)) } };
    }
    case 'working':
      return { ...state, screen: { kind: 'working', label: action.label }, notice: undefined };
    case 'confirmAdd':
      return { ...state, screen: { kind: 'confirm-add', preview: action.preview, scroll: 0 } };
    case 'back':
      switch (state.screen.kind) {
        case 'details':
          return { ...state, screen: { kind: 'menu', selected: menuIndexOf('details') } };
        case 'confirm-add':
          return { ...state, screen: { kind: 'menu', selected: menuIndexOf('add') } };
        default:
          return { ...state, screen: { kind: 'list' } };
      }
    case 'done':
      return { ...state, screen: { kind: 'list' }, notice: action.notice };
  }
}
