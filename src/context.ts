// What every command run gets: streams, environment, working directory and resolved settings.
import { createIOStreams, type IOStreams } from './term/io.js';

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
}

export function createProcessContext(globals: GlobalOptions): AppContext {
  const env = process.env;
  return {
    io: createIOStreams(
      { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin },
      env,
      { noColor: globals.color === false },
    ),
    env,
    cwd: process.cwd(),
    globals,
    now: () => new Date(),
  };
}
