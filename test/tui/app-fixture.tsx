// The search screen over the real fixture index and engine, with recorded effects.
import { vi } from 'vitest';
import type { NurIndex } from '../../src/model.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { packageSnippets } from '../../src/snippets/package.js';
import { App, type AppProps } from '../../src/tui/App.js';
import type { TuiEffects } from '../../src/tui/effects/types.js';
import { createTheme } from '../../src/tui/theme.js';
import { ThemeContext } from '../../src/tui/theme-context.js';
import { fixtureIndex } from '../helpers/fixtures.js';
import { renderTui, type RenderOptions } from './render.js';

export function recordedEffects(overrides: Partial<TuiEffects> = {}) {
  return {
    copy: vi.fn(async () => ({ method: 'wl-copy' })),
    openUrl: vi.fn(async () => undefined),
    planAdd: vi.fn(async () => ({
      preview: { diff: '', summary: 'flake.nix already has nur-mic92' },
    })),
    ...overrides,
  } satisfies TuiEffects;
}

const engines = new WeakMap<NurIndex, ReturnType<typeof createSearchEngine>>();

export function renderApp(
  props: Partial<AppProps> & { color?: boolean } = {},
  size: RenderOptions = {},
) {
  const index = props.index ?? fixtureIndex();
  // A fresh engine per render: the engine remembers its last query to narrow the next one.
  const engine = props.engine ?? createSearchEngine(index.packages);
  void engines;
  const effects = (props.effects as ReturnType<typeof recordedEffects>) ?? recordedEffects();
  const onExit = vi.fn();
  const view = renderTui(
    <ThemeContext.Provider value={createTheme(props.color ?? false)}>
      <App
        index={index}
        engine={engine}
        initialQuery={props.initialQuery ?? ''}
        searchOptions={props.searchOptions}
        snippetsFor={props.snippetsFor ?? ((pkg, repo) => packageSnippets(pkg, repo).snippets)}
        effects={effects}
        age={props.age ?? { text: 'index 1 h old', warning: false }}
        initialNotice={props.initialNotice}
        searchBudgetMs={props.searchBudgetMs}
        onExit={props.onExit ?? onExit}
      />
    </ThemeContext.Provider>,
    size,
  );
  return { ...view, effects, onExit, engine, index };
}
