// Errors are values with a user-facing one-line message and an exit code; only cli.ts prints them.

export const ExitCode = {
  ok: 0,
  /** Nothing found, or an operation refused. */
  failure: 1,
  usage: 2,
  interrupted: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class NurError extends Error {
  readonly exitCode: number;
  /** A second line telling the user what to do next. */
  readonly hint?: string;

  constructor(
    message: string,
    options: { exitCode?: number; hint?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'NurError';
    this.exitCode = options.exitCode ?? ExitCode.failure;
    this.hint = options.hint;
  }
}

export class UsageError extends NurError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.usage, hint });
    this.name = 'UsageError';
  }
}
