// Whether we talk to a terminal, use colour, or fit to a width is decided once, here.

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface InputStream {
  isTTY?: boolean;
}

export interface IOStreams {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: InputStream;
  /** stdout is a terminal. */
  stdoutIsTTY: boolean;
  /** stderr is a terminal (progress bars go there). */
  stderrIsTTY: boolean;
  /** Both ends are a terminal and not CI: the interactive TUI may run. */
  canPrompt: boolean;
  /**
   * stdin and stderr are a terminal and not CI: a picker may draw on stderr while stdout is
   * captured, as fzf does for `nur show $(nur search)`.
   */
  canPromptOnStderr: boolean;
  color: boolean;
  /** Columns to fit tables to; undefined in a pipe (never truncate). */
  width?: number;
}

export interface IOOptions {
  noColor?: boolean;
}

type Env = Record<string, string | undefined>;

export function colorEnabled(isTTY: boolean, env: Env, opts: IOOptions = {}): boolean {
  if (opts.noColor) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

export function terminalWidth(stream: OutputStream, env: Env): number | undefined {
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  if (Number.isFinite(fromEnv) && fromEnv > 0) return fromEnv;
  if (!stream.isTTY) return undefined;
  return stream.columns && stream.columns > 0 ? stream.columns : 80;
}

function isCI(env: Env): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

export function createIOStreams(
  streams: { stdout: OutputStream; stderr: OutputStream; stdin: InputStream },
  env: Env,
  opts: IOOptions = {},
): IOStreams {
  const stdoutIsTTY = Boolean(streams.stdout.isTTY);
  const stderrIsTTY = Boolean(streams.stderr.isTTY);
  return {
    ...streams,
    stdoutIsTTY,
    stderrIsTTY,
    canPrompt: stdoutIsTTY && Boolean(streams.stdin.isTTY) && !isCI(env),
    canPromptOnStderr: stderrIsTTY && Boolean(streams.stdin.isTTY) && !isCI(env),
    color: colorEnabled(stdoutIsTTY, env, opts),
    width: stdoutIsTTY ? terminalWidth(streams.stdout, env) : undefined,
  };
}

/** Streams that record what was written: for tests and for capturing output. */
export function bufferStreams(
  options: { isTTY?: boolean; columns?: number; color?: boolean } = {},
) {
  const out: string[] = [];
  const err: string[] = [];
  const isTTY = options.isTTY ?? false;
  const io: IOStreams = {
    stdout: { write: (s: string) => out.push(s), isTTY, columns: options.columns },
    stderr: { write: (s: string) => err.push(s), isTTY },
    stdin: { isTTY },
    stdoutIsTTY: isTTY,
    stderrIsTTY: isTTY,
    canPrompt: false,
    canPromptOnStderr: false,
    color: options.color ?? false,
    width: isTTY ? (options.columns ?? 80) : undefined,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
