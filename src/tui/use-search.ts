import { useEffect, type Dispatch } from 'react';
import type { SearchEngine, SearchOptions } from '../model.js';
import type { TuiAction } from './state.js';

/** Enough hits to scroll through; the counter still shows how many matched in all. */
export const HIT_LIMIT = 1000;

/**
 * When the query grows and the last search took at most this long, the search runs inside the
 * keystroke's own frame (one frame instead of two); otherwise it runs after it.
 */
export const SEARCH_BUDGET_MS = 8;

export type SearchOutcome = Extract<TuiAction, { type: 'results' }>;

/** Runs one search and turns a bad query into a message instead of an exception. */
export function runSearch(
  engine: SearchEngine,
  query: string,
  options: SearchOptions = {},
  timing?: { lastMs: number },
): SearchOutcome {
  const start = performance.now();
  try {
    const result = engine.search(query, { ...options, limit: HIT_LIMIT });
    return { type: 'results', query, hits: result.hits, total: result.total };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'results', query, hits: [], total: 0, error: message };
  } finally {
    if (timing) timing.lastMs = performance.now() - start;
  }
}

/**
 * Catches up with a query the keystroke did not search: after the keystroke's frame, never inside
 * it. The query line has already redrawn; keystrokes that arrive meanwhile cancel this search so
 * only the latest query is searched.
 */
export function useDeferredSearch(
  engine: SearchEngine,
  query: string,
  searchedQuery: string,
  dispatch: Dispatch<TuiAction>,
  options: SearchOptions | undefined,
  timing: { lastMs: number },
): void {
  useEffect(() => {
    if (query === searchedQuery) return;
    const handle = setImmediate(() => dispatch(runSearch(engine, query, options, timing)));
    return () => clearImmediate(handle);
  }, [engine, query, searchedQuery, dispatch, options, timing]);
}
