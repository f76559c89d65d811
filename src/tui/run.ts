// The one entry of the interactive search: `nur search` imports this module lazily, so React and
// Ink load only when the TUI actually opens. Owns the terminal for the UI's lifetime: alternate
// screen, raw input, and restoring both on every way out (choice, Esc, Ctrl-C, signal, error).
import type { Instance } from 'ink';
import type { AppContext } from '../context.js';
import { ExitCode } from '../errors.js';
import type { NurIndex, SearchEngine, SearchOptions } from '../model.js';
import { resolveSettings } from '../settings.js';
import { displayAttrPath } from '../snippets/names.js';
import { packageSnippets } from '../snippets/package.js';
import { sanitizeLine, stripControl } from '../term/sanitize.js';
import { withIo } from './effects/borrowed-io.js';
import { createProcessEffects } from './effects/process.js';
import type { TuiEffects, TuiOutcome } from './effects/types.js';
import { indexAge } from './index-age.js';
import type { IndexSource, LoadedIndex } from './SearchTui.js';
import { createTheme } from './theme.js';

export interface SearchTuiOptions {
  context: AppContext;
  /** The query line starts with this (`nur search QUERY`). */
  initialQuery?: string;
  /** The loaded index and its engine; without them the UI loads the index itself, with progress. */
  index?: NurIndex;
  engine?: SearchEngine;
  /** `--repo NAME` and friends, applied to every search. */
  searchOptions?: SearchOptions;
  /** Replaces the real clipboard/browser/flake effects (tests). */
  effects?: TuiEffects;
}

/** 128 + the signal's number, as a shell reports a process the signal ended. */
const SIGNAL_EXIT: Partial<Record<NodeJS.Signals, number>> = {
  SIGHUP: 129,
  SIGINT: 130,
  SIGTERM: 143,
};

const ENTER_ALT_SCREEN = '\u001b[?1049h';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

type Terminal = { output: NodeJS.WriteStream; input: NodeJS.ReadStream };

/**
 * Draws where a person is looking: stdout when it is a terminal, else stderr, so that
 * `nur show $(nur search)` shows the UI while stdout is captured (as fzf does).
 */
export function terminalOf(context: AppContext): Terminal {
  const output = context.io.stdoutIsTTY ? context.io.stdout : context.io.stderr;
  return {
    output: output as NodeJS.WriteStream,
    input: context.io.stdin as NodeJS.ReadStream,
  };
}

/** Turns what the loader writes to stderr into progress lines (`\r`-redrawn bars) and warnings. */
export function captureLoaderOutput(onProgress: (line: string) => void) {
  const warnings: string[] = [];
  let pending = '';
  let shown = '';
  const clean = (text: string) => sanitizeLine(stripControl(text)).replace(/^nur: /, '');
  const progress = (line: string) => {
    if (line === shown) return;
    shown = line;
    onProgress(line);
  };
  const stream = {
    isTTY: true,
    write(chunk: string) {
      pending += String(chunk);
      const lines = pending.split(/\r\n|\r|\n/);
      pending = lines.pop() ?? '';
      for (const line of lines.map(clean).filter(Boolean)) {
        if (line.startsWith('warning: ')) warnings.push(line);
        else progress(line);
      }
      // A progress bar never ends its line: show it while it is being redrawn.
      const partial = clean(pending);
      if (partial && !partial.startsWith('warning: ')) progress(partial);
      return true;
    },
  };
  return { stream, warnings };
}

/**
 * Starts `context.loadIndex()` at once, in parallel with loading React and Ink; the loader's
 * download bar and warnings are kept for the UI, which subscribes when it mounts.
 */
export function startLoading(context: AppContext): IndexSource {
  let listener: ((line: string) => void) | undefined;
  let latest: string | undefined;
  const capture = captureLoaderOutput((line) => {
    latest = line;
    listener?.(line);
  });
  const loading = withIo(context, { stderr: capture.stream, stderrIsTTY: true }, () =>
    context.loadIndex(),
  ).then(async (index): Promise<LoadedIndex> => {
    const { createSearchEngine } = await import('../search/engine.js');
    return { index, engine: createSearchEngine(index.packages), warnings: capture.warnings };
  });
  // Settled by the UI; until it subscribes a failure must not count as unhandled.
  loading.catch(() => undefined);
  return {
    kind: 'load',
    load(onProgress) {
      listener = onProgress;
      if (latest) onProgress(latest);
      return loading;
    },
  };
}

/** React and Ink, loaded in production mode: the development build is several times slower. */
async function loadUi() {
  process.env.NODE_ENV ??= 'production';
  const [{ createElement }, { render }, { SearchTui }, { installFastInkOutput }] =
    await Promise.all([
      import('react'),
      import('ink'),
      import('./SearchTui.js'),
      import('./ink-fast-output.js'),
    ]);
  installFastInkOutput();
  return { createElement, render, SearchTui };
}

export async function runSearchTui(options: SearchTuiOptions): Promise<number> {
  const { context } = options;
  const terminal = terminalOf(context);
  const color = context.io.color;
  const staleAfterSeconds = resolveSettings(context).ttlSeconds;
  const source: IndexSource =
    options.index && options.engine
      ? { kind: 'ready', loaded: { index: options.index, engine: options.engine } }
      : startLoading(context);
  const { createElement, render, SearchTui } = await loadUi();
  const effects =
    options.effects ??
    createProcessEffects({ context, writeTerminal: (data) => terminal.output.write(data) });

  let outcome: TuiOutcome | undefined;
  let failure: { error: unknown } | undefined;
  let instance: Instance | undefined;
  const finish = () => instance?.unmount();

  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    terminal.output.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
  };
  // A terminal closing or a `kill` (INT too: in raw mode only another process sends it) ends the
  // UI like Ctrl-C, through the same restore path.
  const onSignal = (signal: NodeJS.Signals) => {
    outcome ??= { kind: 'cancelled', exitCode: SIGNAL_EXIT[signal] ?? 143 };
    finish();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('SIGINT', onSignal);
  process.on('exit', restore);

  terminal.output.write(ENTER_ALT_SCREEN);
  try {
    instance = render(
      createElement(SearchTui, {
        theme: createTheme(color),
        source,
        initialQuery: options.initialQuery ?? '',
        searchOptions: options.searchOptions,
        snippetsFor: (pkg, repo) => packageSnippets(pkg, repo).snippets,
        effects,
        ageOf: (index) =>
          indexAge(index.meta.fetchedAt, context.now(), {
            staleAfterSeconds,
            offline: context.globals.offline,
          }),
        onExit: (result) => {
          outcome ??= result;
          finish();
        },
        onError: (error) => {
          failure ??= { error };
          finish();
        },
      }),
      {
        stdout: terminal.output,
        stdin: terminal.input,
        stderr: terminal.output,
        exitOnCtrlC: false,
        patchConsole: false,
        // Ink 6.8's incremental redraw moves up one row too few when a frame ends in a newline, as
        // every frame shorter than the terminal does: the screen slides down a row per redraw.
        // Full redraws go out as one write inside a synchronized update.
        incrementalRendering: false,
        maxFps: 60,
      },
    );
    await instance.waitUntilExit();
  } finally {
    instance?.unmount();
    restore();
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('SIGINT', onSignal);
    process.off('exit', restore);
  }

  if (failure) throw failure.error;
  if (outcome?.kind === 'selected') {
    // Printed after the terminal is restored, so it lands on the normal screen (or in a pipe).
    context.io.stdout.write(`${sanitizeLine(displayAttrPath(outcome.pkg))}\n`);
    return ExitCode.ok;
  }
  return outcome?.exitCode ?? ExitCode.interrupted;
}
