// A context for calling command run functions directly: recorded streams, fixed env and time.
import { stderrWarning, type AppContext, type Env, type GlobalOptions } from '../../src/context.js';
import type { NurIndex } from '../../src/model.js';
import { bufferStreams } from '../../src/term/io.js';
import { fixtureIndex } from './fixtures.js';

export interface TestContextOptions {
  index?: NurIndex;
  env?: Env;
  cwd?: string;
  globals?: GlobalOptions;
  isTTY?: boolean;
  columns?: number;
  color?: boolean;
  now?: Date;
}

export function testContext(options: TestContextOptions = {}) {
  const streams = bufferStreams({
    isTTY: options.isTTY,
    columns: options.columns,
    color: options.color,
  });
  const context: AppContext = {
    io: streams.io,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    globals: options.globals ?? {},
    now: () => options.now ?? new Date('2026-01-01T01:00:00.000Z'),
    loadIndex: async () => options.index ?? fixtureIndex(),
    warn: () => {},
  };
  context.warn = stderrWarning(context);
  return { context, stdout: streams.stdout, stderr: streams.stderr };
}
