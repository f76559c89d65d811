// What every command run gets: streams, environment, working directory and resolved settings.
import type { NurIndex } from './model.js';
import { createIOStreams, type IOStreams } from './term/io.js';
import { sanitizeLine } from './term/sanitize.js';

export type Env = Record<string, string | undefined>;

export interface GlobalOptions {
  offline?: boolean;
  /** Overrides the packages index URL for this run. */
  indexUrl?: string;
  color?: boolean;
  verbose?: boolean;
}

export interface AppContext {
  io: IOStreams;
  env: Env;
  cwd: string;
  globals: GlobalOptions;
  /** Current time; injectable so cache ages are testable. */
  now(): Date;
  /**
   * The index for this run: from the cache, refreshed when stale unless offline. Warnings (stale
   * cache, offline) go to stderr. Tests inject a fixture index here.
   */
  loadIndex(): Promise<NurIndex>;
  /** A one-line warning on the current stderr, sanitised (it may quote index or server text). */
  warn(message: string): void;
}

/** The `warn` of a context: writes to whatever `context.io.stderr` is at the time. */
export function stderrWarning(context: Pick<AppContext, 'io'>): (message: string) => void {
  return (message) => context.io.stderr.write(`nur: warning: ${sanitizeLine(message)}\n`);
}

export function createProcessContext(globals: GlobalOptions): AppContext {
  const env = process.env;
  const context: AppContext = {
    io: createIOStreams(
      { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
      env,
      { noColor: globals.color === false },
    ),
    env,
    cwd: process.cwd(),
    globals,
    now: () => new Date(),
    loadIndex: () => Promise.reject(new Error('index loader not bound')),
    warn: () => {},
  };
  context.warn = stderrWarning(context);
  context.loadIndex = async () => {
    const { openIndex } = await import('./index/open.js');
    return openIndex(context);
  };
  return context;
}
