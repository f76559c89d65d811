// Colour, width and prompting are decided once from the streams and the environment.
import { describe, expect, it } from 'vitest';
import {
  bufferStreams,
  colorEnabled,
  createIOStreams,
  terminalWidth,
  type OutputStream,
} from '../../src/term/io.js';

const tty = (columns?: number): OutputStream => ({ write: () => true, isTTY: true, columns });
const pipe = (): OutputStream => ({ write: () => true, isTTY: false });

function streams(
  stdout: OutputStream,
  options: { stdinIsTTY?: boolean; stderr?: OutputStream } = {},
) {
  return { stdout, stderr: options.stderr ?? stdout, stdin: { isTTY: options.stdinIsTTY ?? true } };
}

describe('colorEnabled', () => {
  it('colours a terminal and not a pipe when nothing says otherwise', () => {
    expect(colorEnabled(true, {})).toBe(true);
    expect(colorEnabled(false, {})).toBe(false);
  });

  it('turns colour off for any non-empty NO_COLOR, even on a terminal', () => {
    for (const value of ['1', '0', 'true', 'anything'])
      expect(colorEnabled(true, { NO_COLOR: value }), value).toBe(false);
  });

  it('ignores an empty NO_COLOR, as the NO_COLOR convention says', () => {
    expect(colorEnabled(true, { NO_COLOR: '' })).toBe(true);
  });

  it('forces colour into a pipe with FORCE_COLOR', () => {
    for (const value of ['1', '2', '3', 'true', ''])
      expect(colorEnabled(false, { FORCE_COLOR: value }), value).toBe(true);
  });

  it('turns colour off on a terminal with FORCE_COLOR=0 or false', () => {
    expect(colorEnabled(true, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled(true, { FORCE_COLOR: 'false' })).toBe(false);
  });

  it('lets NO_COLOR win over FORCE_COLOR', () => {
    expect(colorEnabled(true, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });

  it('lets --no-color win over FORCE_COLOR', () => {
    expect(colorEnabled(true, { FORCE_COLOR: '1' }, { noColor: true })).toBe(false);
  });

  it('does not colour a dumb terminal unless forced', () => {
    expect(colorEnabled(true, { TERM: 'dumb' })).toBe(false);
    expect(colorEnabled(true, { TERM: 'dumb', FORCE_COLOR: '1' })).toBe(true);
  });
});

describe('terminalWidth', () => {
  it('takes COLUMNS over what the terminal reports', () => {
    expect(terminalWidth(tty(120), { COLUMNS: '60' })).toBe(60);
  });

  it("uses the terminal's columns when COLUMNS is unset, empty, zero or not a number", () => {
    for (const COLUMNS of [undefined, '', '0', '-5', 'wide'])
      expect(terminalWidth(tty(132), { COLUMNS }), String(COLUMNS)).toBe(132);
  });

  it('falls back to 80 columns on a terminal that reports none', () => {
    expect(terminalWidth(tty(), {})).toBe(80);
    expect(terminalWidth(tty(0), {})).toBe(80);
  });

  it('has no width in a pipe without COLUMNS', () => {
    expect(terminalWidth(pipe(), {})).toBeUndefined();
  });
});

describe('createIOStreams', () => {
  it('fits a terminal to COLUMNS and colours it', () => {
    const io = createIOStreams(streams(tty(200)), { COLUMNS: '72' });
    expect(io.stdoutIsTTY).toBe(true);
    expect(io.width).toBe(72);
    expect(io.color).toBe(true);
  });

  it('never truncates or colours a pipe, whatever COLUMNS says', () => {
    const io = createIOStreams(streams(pipe()), { COLUMNS: '72' });
    expect(io.width).toBeUndefined();
    expect(io.color).toBe(false);
  });

  it('colours a pipe only when FORCE_COLOR asks', () => {
    expect(createIOStreams(streams(pipe()), { FORCE_COLOR: '1' }).color).toBe(true);
  });

  it('passes --no-color through', () => {
    expect(createIOStreams(streams(tty(80)), {}, { noColor: true }).color).toBe(false);
  });

  it('prompts only with a terminal on stdin and stdout, outside CI', () => {
    expect(createIOStreams(streams(tty(80)), {}).canPrompt).toBe(true);
    expect(createIOStreams(streams(tty(80), { stdinIsTTY: false }), {}).canPrompt).toBe(false);
    expect(createIOStreams(streams(pipe()), {}).canPrompt).toBe(false);
    expect(createIOStreams(streams(tty(80)), { CI: 'true' }).canPrompt).toBe(false);
    expect(createIOStreams(streams(tty(80)), { CI: '0' }).canPrompt).toBe(true);
  });

  it('tells stderr apart from stdout, so progress can go to a terminal while stdout is piped', () => {
    const io = createIOStreams(streams(pipe(), { stderr: tty(80) }), {});
    expect(io.stdoutIsTTY).toBe(false);
    expect(io.stderrIsTTY).toBe(true);
  });
});

describe('bufferStreams', () => {
  it('records what is written to each stream', () => {
    const { io, stdout, stderr } = bufferStreams();
    io.stdout.write('out');
    io.stderr.write('err');
    expect(stdout()).toBe('out');
    expect(stderr()).toBe('err');
  });

  it('has a width only when it pretends to be a terminal', () => {
    expect(bufferStreams().io.width).toBeUndefined();
    expect(bufferStreams({ isTTY: true, columns: 100 }).io.width).toBe(100);
  });
});
