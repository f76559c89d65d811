// The search screen: wires state (reducer), the deferred search, the terminal size and the injected
// effects to the components. Renders props; decides nothing about the terminal itself.
import { Box, Text, useInput, type Key } from 'ink';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { NurIndex, Package, Repo, SearchEngine, SearchOptions } from '../model.js';
import type { Snippet } from '../snippets/types.js';
import { sanitizeLine } from '../term/sanitize.js';
import { ActionMenu } from './ActionMenu.js';
import type { TuiEffects, TuiOutcome } from './effects/types.js';
import type { IndexAge } from './index-age.js';
import { commandForKey, splitKeys, type KeyPress, type ViewMetrics } from './keymap.js';
import { computeLayout } from './layout.js';
import { LinesView } from './LinesView.js';
import type { MenuItemId } from './menu.js';
import { detailsLines, previewLines, type ViewLine } from './package-view.js';
import { QueryLine } from './QueryLine.js';
import { ResultList } from './ResultList.js';
import { initialState, reducer, type Notice, type TuiState } from './state.js';
import { StatusLine } from './StatusLine.js';
import { diffLines } from './diff-lines.js';
import { runSearch, SEARCH_BUDGET_MS, useDeferredSearch } from './use-search.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useTheme } from './use-theme.js';

export interface AppProps {
  index: NurIndex;
  engine: SearchEngine;
  initialQuery: string;
  searchOptions?: SearchOptions;
  /** Ready-to-paste Nix for a package, primary first; empty when none can be written. */
  snippetsFor(pkg: Package, repo: Repo | undefined): readonly Snippet[];
  effects: TuiEffects;
  age: IndexAge;
  /** A line for the status bar at start (a warning from loading the index). */
  initialNotice?: Notice;
  /** Searches this fast (last time) run in the keystroke's frame; others after it. */
  searchBudgetMs?: number;
  onExit(outcome: TuiOutcome): void;
}

const HINTS: Record<TuiState['screen']['kind'], string> = {
  list: '↵ actions  ⇥ preview  ↑↓ move  ^U clear  esc quit',
  menu: '↵ run  ↑↓ move  letter runs  esc back',
  details: '↑↓ PgUp PgDn scroll  esc back',
  'confirm-add': 'y write flake.nix  n cancel  ↑↓ scroll',
  working: 'working…  ^C quit',
};

// Which snippet each copy action puts on the clipboard (names from src/snippets).
const COPY_SNIPPETS: Partial<Record<MenuItemId, { name: string; what: string }>> = {
  'copy-attr-path': { name: 'attr', what: 'the attr path' },
  'copy-overlay': { name: 'overlay', what: 'the NUR overlay usage' },
  'copy-flake-input': { name: 'flake-input', what: 'the flake input' },
};

function errorText(error: unknown): string {
  return sanitizeLine(error instanceof Error ? error.message : String(error));
}

export function App(props: AppProps) {
  const { index, engine, searchOptions, effects, onExit } = props;
  const theme = useTheme();
  const size = useTerminalSize();
  const budget = props.searchBudgetMs ?? SEARCH_BUDGET_MS;
  const timing = useRef({ lastMs: Infinity }).current;
  const [state, dispatch] = useReducer(reducer, undefined, () => {
    const query = sanitizeLine(props.initialQuery);
    const first = computeLayout(size.columns, size.rows, true);
    const start = {
      ...initialState(query),
      listHeight: first.listHeight,
      notice: props.initialNotice,
    };
    return reducer(start, runSearch(engine, query, searchOptions, timing));
  });
  useDeferredSearch(engine, state.query, state.searchedQuery, dispatch, searchOptions, timing);

  const layout = computeLayout(size.columns, size.rows, state.previewOpen);
  useEffect(() => {
    if (layout.listHeight !== state.listHeight)
      dispatch({ type: 'viewport', listHeight: layout.listHeight });
  }, [layout.listHeight, state.listHeight]);

  const pkg = state.hits[state.cursor]?.pkg;
  const repoIsEmpty = useMemo(() => {
    const repo = searchOptions?.repo?.toLowerCase();
    return repo !== undefined && !index.packages.some((p) => p.repo.toLowerCase() === repo);
  }, [index, searchOptions]);
  const repo = pkg ? index.repos[pkg.repo] : undefined;
  const snippets = useMemo(
    () => (pkg ? props.snippetsFor(pkg, repo) : []),
    // snippetsFor is a pure function of the package; re-running it per render is wasted work.
    [pkg, repo],
  );

  const preview = layout.preview;
  const previewBody = useMemo(
    () =>
      pkg && preview.position !== 'hidden'
        ? previewLines(pkg, repo, snippets[0], preview.width)
        : undefined,
    [pkg, repo, snippets, preview.position, preview.width],
  );

  const bodyWidth = layout.width;
  const bodyHeight = layout.bodyHeight;
  const screen = state.screen;
  const scrollLines: readonly ViewLine[] = useMemo(() => {
    if (screen.kind === 'details' && pkg) return detailsLines(pkg, repo, snippets, bodyWidth);
    if (screen.kind === 'confirm-add') return diffLines(screen.preview, bodyWidth);
    return [];
  }, [screen, pkg, repo, snippets, bodyWidth]);
  const view: ViewMetrics = {
    scrollMax: Math.max(0, scrollLines.length - bodyHeight),
    pageHeight: Math.max(1, bodyHeight - 1),
  };
  // A resize can make the view shorter than where it was scrolled to: keep the last page in view.
  const scrolledPast = 'scroll' in screen && screen.scroll > view.scrollMax;
  useEffect(() => {
    if (scrolledPast) dispatch({ type: 'scrollTo', edge: 'end', max: view.scrollMax });
  }, [scrolledPast, view.scrollMax]);

  // Input handlers read the latest state through refs: one chunk of input can hold several keys,
  // each handled before React re-subscribes a fresh closure.
  const latest = useRef({ state, view, pkg, repo, snippets });
  latest.current = { state, view, pkg, repo, snippets };
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const pendingApply = useRef<(() => Promise<string>) | undefined>(undefined);

  const finish = useCallback((notice: { text: string; tone: 'info' | 'error' }) => {
    if (mounted.current) dispatch({ type: 'done', notice });
  }, []);

  const runItem = useCallback(
    async (item: MenuItemId) => {
      const { pkg, repo, snippets } = latest.current;
      if (!pkg) return;
      switch (item) {
        case 'select':
          onExit({ kind: 'selected', pkg });
          return;
        case 'details':
          dispatch({ type: 'showDetails' });
          return;
        case 'copy-attr-path':
        case 'copy-overlay':
        case 'copy-flake-input': {
          const wanted = COPY_SNIPPETS[item]!;
          const what = wanted.what;
          const text = snippets.find((s) => s.name === wanted.name)?.code;
          if (!text) {
            finish({ text: `No snippet for ${what} of this package`, tone: 'error' });
            return;
          }
          dispatch({ type: 'working', label: `Copying ${what}…` });
          try {
            const { method } = await effects.copy(text);
            finish({ text: `Copied ${what} (${method})`, tone: 'info' });
          } catch (error) {
            finish({ text: `Copy failed: ${errorText(error)}`, tone: 'error' });
          }
          return;
        }
        case 'open': {
          const url = sanitizeLine(pkg.homepage);
          if (!url) {
            finish({ text: 'This package has no homepage', tone: 'error' });
            return;
          }
          dispatch({ type: 'working', label: `Opening ${url}…` });
          try {
            await effects.openUrl(url);
            finish({ text: `Opened ${url}`, tone: 'info' });
          } catch (error) {
            finish({ text: `Could not open the homepage: ${errorText(error)}`, tone: 'error' });
          }
          return;
        }
        case 'add': {
          dispatch({ type: 'working', label: 'Reading ./flake.nix…' });
          try {
            const plan = await effects.planAdd(pkg, repo);
            if (!mounted.current) return;
            if (!plan.apply) {
              finish({ text: sanitizeLine(plan.preview.summary), tone: 'info' });
              return;
            }
            pendingApply.current = plan.apply;
            dispatch({ type: 'confirmAdd', preview: plan.preview });
          } catch (error) {
            finish({ text: errorText(error), tone: 'error' });
          }
          return;
        }
      }
    },
    [effects, finish, onExit],
  );

  const confirmAdd = useCallback(
    async (accept: boolean) => {
      const apply = pendingApply.current;
      pendingApply.current = undefined;
      if (!accept || !apply) {
        finish({ text: 'flake.nix left unchanged', tone: 'info' });
        return;
      }
      dispatch({ type: 'working', label: 'Writing ./flake.nix…' });
      try {
        finish({ text: sanitizeLine(await apply()), tone: 'info' });
      } catch (error) {
        finish({ text: errorText(error), tone: 'error' });
      }
    },
    [finish],
  );

  const onKey = useCallback(
    (input: string, key: KeyPress): 'quit' | undefined => {
      const { state, view } = latest.current;
      const command = commandForKey(input, key, state, view);
      if (!command) return;
      switch (command.kind) {
        case 'dispatch': {
          let next = reducer(state, command.action);
          dispatch(command.action);
          // Only a query that grew narrows the last search cheaply; clearing or deleting can
          // make the engine rank the whole index, which must not happen on the keystroke path.
          const grew = next.query !== state.query && next.query.startsWith(state.query);
          if (grew && timing.lastMs <= budget) {
            const outcome = runSearch(engine, next.query, searchOptions, timing);
            next = reducer(next, outcome);
            dispatch(outcome);
          }
          // Several keys can arrive in one chunk, before React renders: the next one starts here.
          latest.current = { ...latest.current, state: next };
          return;
        }
        case 'quit':
          onExit({ kind: 'cancelled', exitCode: command.code });
          return 'quit';
        case 'run':
          void runItem(command.item);
          return;
        case 'confirm':
          void confirmAdd(command.accept);
          return;
      }
    },
    [onExit, runItem, confirmAdd, engine, searchOptions, timing, budget],
  );
  const onInput = useCallback(
    (input: string, key: Key) => {
      for (const one of splitKeys(input, key)) if (onKey(one.input, one.key) === 'quit') return;
    },
    [onKey],
  );
  useInput(onInput);

  let body;
  if (screen.kind === 'details' || screen.kind === 'confirm-add') {
    body = (
      <LinesView lines={scrollLines} width={bodyWidth} height={bodyHeight} offset={screen.scroll} />
    );
  } else if (screen.kind === 'working') {
    body = (
      <Box width={bodyWidth} height={bodyHeight}>
        <Text {...theme.dim}>{`  ${screen.label}`}</Text>
      </Box>
    );
  } else {
    const menuBeside = preview.position === 'right';
    const left =
      screen.kind === 'menu' && pkg ? (
        <ActionMenu
          pkg={pkg}
          selected={screen.selected}
          width={menuBeside ? layout.listWidth : bodyWidth}
          height={menuBeside ? layout.listHeight : bodyHeight}
        />
      ) : (
        <ResultList
          hits={state.hits}
          cursor={state.cursor}
          scroll={state.scroll}
          width={layout.listWidth}
          height={layout.listHeight}
          emptyText={
            state.searchError
              ? sanitizeLine(state.searchError)
              : repoIsEmpty
                ? `No NUR repo named "${sanitizeLine(searchOptions!.repo!)}" has packages`
                : 'No matches'
          }
          emptyIsError={Boolean(state.searchError) || repoIsEmpty}
        />
      );
    const showPreview = previewBody && (screen.kind === 'list' || menuBeside);
    body = (
      <Box
        flexDirection={preview.position === 'right' ? 'row' : 'column'}
        width={bodyWidth}
        height={bodyHeight}
      >
        {left}
        {showPreview ? (
          <Box
            // Remounted when it moves: Ink does not reset a border side that a re-render turns off.
            key={preview.position}
            borderStyle="single"
            borderTop={preview.position === 'below'}
            borderLeft={preview.position === 'right'}
            borderRight={false}
            borderBottom={false}
            borderDimColor={theme.color}
            width={preview.position === 'right' ? preview.width + 1 : preview.width}
            height={preview.position === 'below' ? preview.height + 1 : preview.height}
          >
            <LinesView lines={previewBody} width={preview.width} height={preview.height} />
          </Box>
        ) : null}
      </Box>
    );
  }

  const notice =
    screen.kind === 'confirm-add'
      ? { text: 'Write this change to ./flake.nix? y/n', tone: 'info' as const }
      : state.notice;
  return (
    <Box flexDirection="column" width={layout.width} height={layout.height}>
      <QueryLine
        scope={searchOptions?.repo ? `repo ${sanitizeLine(searchOptions.repo)}` : undefined}
        query={state.query}
        matched={state.total}
        total={engine.size}
        pending={state.query !== state.searchedQuery}
        width={layout.width}
        focused={screen.kind === 'list'}
      />
      {body}
      <StatusLine hints={HINTS[screen.kind]} age={props.age} notice={notice} width={layout.width} />
    </Box>
  );
}
