// Root of the UI: the theme, then either the loading screen or the search screen.
import { useEffect, useState } from 'react';
import type { NurIndex, SearchEngine } from '../model.js';
import { sanitizeLine } from '../term/sanitize.js';
import { App, type AppProps } from './App.js';
import type { IndexAge } from './index-age.js';
import { LoadingScreen } from './LoadingScreen.js';
import { ThemeContext } from './theme-context.js';
import type { Theme } from './theme.js';

export interface LoadedIndex {
  index: NurIndex;
  engine: SearchEngine;
  /** Warnings the loader printed (an offline or stale cache), shown in the status line. */
  warnings?: string[];
}

export type IndexSource =
  | { kind: 'ready'; loaded: LoadedIndex }
  /** Loads inside the UI; `onProgress` gets the loader's progress lines as they change. */
  | { kind: 'load'; load(onProgress: (line: string) => void): Promise<LoadedIndex> };

export interface SearchTuiProps extends Omit<AppProps, 'index' | 'engine' | 'age'> {
  theme: Theme;
  source: IndexSource;
  ageOf(index: NurIndex): IndexAge;
  /** Loading failed: the caller unmounts and reports the error. */
  onError(error: unknown): void;
}

export function SearchTui({ theme, source, ageOf, onError, ...appProps }: SearchTuiProps) {
  const [loaded, setLoaded] = useState(source.kind === 'ready' ? source.loaded : undefined);
  const [progress, setProgress] = useState<string>();
  // What the user types while the index loads becomes the query the search starts with.
  const [query, setQuery] = useState(() => sanitizeLine(appProps.initialQuery));
  useEffect(() => {
    if (source.kind !== 'load') return;
    let live = true;
    source
      .load((line) => live && setProgress(line))
      .then(
        (result) => live && setLoaded(result),
        (error: unknown) => live && onError(error),
      );
    return () => {
      live = false;
    };
  }, [source, onError]);

  const warning = loaded?.warnings?.at(-1);
  return (
    <ThemeContext.Provider value={theme}>
      {loaded ? (
        <App
          {...appProps}
          initialQuery={query}
          index={loaded.index}
          engine={loaded.engine}
          age={ageOf(loaded.index)}
          initialNotice={warning ? { text: warning, tone: 'error' } : undefined}
        />
      ) : (
        <LoadingScreen
          query={query}
          progress={progress}
          onQueryChange={setQuery}
          onExit={appProps.onExit}
        />
      )}
    </ThemeContext.Provider>
  );
}
