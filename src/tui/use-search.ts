import { useEffect, type Dispatch } from 'react';
import type { SearchEngine, SearchOptions } from '../model.js';
import type { TuiAction } from './state.js';

/** Enough hits to scroll through; the counter still shows how many matched in all. */
export const HIT_LIMIT = 1000;

export type SearchOutcome = Extract<TuiAction, { type: 'results' }>;

/** Runs one search and turns a bad query into a message instead of an exception. */
export function runSearch(
  engine: SearchEngine,
  query: string,
  options: SearchOptions = {},
): SearchOutcome {
  try {
    const result = engine.search(query, { ...options, limit: HIT_LIMIT });
    return { type: 'results', query, hits: result.hits, total: result.total };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { type: 'results', query, hits: [], total: 0, error: message };
  }
}

/**
 * Searches after the keystroke's frame, never inside it: the query line redraws at once, the search
 * runs on the next turn of the event loop, and keystrokes that arrive meanwhile cancel it so only
 * the latest query is searched.
 */
export function useDeferredSearch(
  engine: SearchEngine,
  query: string,
  searchedQuery: string,
  dispatch: Dispatch<TuiAction>,
  options?: SearchOptions,
): void {
  useEffect(() => {
    if (query === searchedQuery) return;
    const handle = setImmediate(() => dispatch(runSearch(engine, query, options)));
    return () => clearImmediate(handle);
  }, [engine, query, searchedQuery, dispatch, options]);
}
