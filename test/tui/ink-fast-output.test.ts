// nur's frame composition must produce exactly Ink's string for every frame: held to Ink's own
// Output.get over the real screen (every key the UI has) and over thousands of generated frames
// with everything a frame can hold (styles of every kind, wide and combining characters, escapes
// that are not styles, links, text beyond every edge, transformers, clipping).
import chalk from 'chalk';
import {
  styledCharsFromTokens,
  styledCharsToString,
  tokenize,
  type StyledChar,
} from '@alcalzone/ansi-tokenize';
import { afterAll, describe, expect, it } from 'vitest';
import Output from '../../node_modules/ink/build/output.js';
import {
  cachedLineCount,
  composeFast,
  inkGet,
  installFastInkOutput,
  rowToString,
  styledCharsOf,
} from '../../src/tui/ink-fast-output.js';
import { renderApp } from './app-fixture.js';

type Frame = { output: string; height: number };
type Get = (this: Output) => Frame;
const prototype = Output.prototype as unknown as { get: Get };

afterAll(() => {
  prototype.get = inkGet;
});

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]) => items[int(items.length)]!;
  return { next, int, pick };
}

const PIECES = [
  'a',
  'exporter',
  ' ',
  '   ',
  'nur.repos.mic92',
  '…',
  '›',
  '│',
  '─',
  'é',
  'e\u0301',
  '漢字',
  'ｶ',
  '😀',
  '👍🏽',
  '🇩🇪',
  '❤\uFE0F',
  '1\u20E3',
  '\u200B',
  '\t',
  '\u001b[31m',
  '\u001b[39m',
  '\u001b[1m',
  '\u001b[2m',
  '\u001b[22m',
  '\u001b[0m',
  '\u001b[m',
  '\u001b[1;33;44m',
  '\u001b[38;5;208m',
  '\u001b[48;2;10;20;30m',
  '\u001b[4m',
  '\u001b[24m',
  '\u001b[7m',
  '\u001b[27m',
  '\u001b[49m',
  '\u001b]8;;https://example.org\u0007link\u001b]8;;\u0007',
  '\u001b[?25h',
  '\u001b',
  '\u009b31m',
  '\u007f',
] as const;

function randomText(rng: ReturnType<typeof random>): string {
  const lines = 1 + rng.int(3);
  const out: string[] = [];
  for (let l = 0; l < lines; l++) {
    let line = '';
    const pieces = rng.int(8);
    for (let p = 0; p < pieces; p++) line += rng.pick(PIECES);
    out.push(line);
  }
  return out.join('\n');
}

const TRANSFORMERS = [
  (line: string) => chalk.green(line),
  (line: string) => chalk.bgBlue.bold(line),
  (line: string, index: number) => `${index}:${line}`,
  (line: string) => line.toUpperCase(),
];

function randomOutput(seed: number): Output {
  const rng = random(seed);
  const width = 1 + rng.int(30);
  const height = 1 + rng.int(6);
  const output = new Output({ width, height });
  const writes = rng.int(7);
  for (let w = 0; w < writes; w++) {
    if (rng.next() < 0.08) output.clip({ x1: rng.int(width), x2: width, y1: 0, y2: height });
    const transformers = rng.next() < 0.3 ? [rng.pick(TRANSFORMERS)] : [];
    output.write(rng.int(width + 4) - 2, rng.int(height + 2) - 1, randomText(rng), {
      transformers,
    });
  }
  return output;
}

describe('fast Ink frame composition', () => {
  it('composes every generated frame exactly as Ink does', () => {
    chalk.level = 3;
    const mismatches: number[] = [];
    for (let seed = 1; seed <= 4000; seed++) {
      const output = randomOutput(seed);
      const expected = inkGet.call(output);
      if (composeFast(output).output !== expected.output) mismatches.push(seed);
    }
    expect(mismatches).toEqual([]);
  });

  it('matches Ink on every frame of the real screen while typing, moving and opening screens', async () => {
    const frames: { ink: Frame; fast: Frame }[] = [];
    prototype.get = function (this: Output) {
      const ink = inkGet.call(this);
      frames.push({ ink, fast: composeFast(this) });
      return ink;
    };
    try {
      const view = renderApp({ color: true, initialQuery: 'expo' }, { columns: 120, rows: 35 });
      await view.type('rter');
      await view.press('down', 'down', 'tab', 'tab', 'enter', 'down', 'escape');
      await view.resize(60, 15);
      await view.type(' hue');
      view.unmount();
    } finally {
      prototype.get = inkGet;
    }
    expect(frames.length).toBeGreaterThan(10);
    for (const { ink, fast } of frames) expect(fast).toEqual(ink);
  });

  it('installs itself as the composition every Ink frame uses', async () => {
    installFastInkOutput();
    expect(prototype.get).not.toBe(inkGet);
    const view = renderApp({ color: true, initialQuery: 'goatcounter' }, { columns: 100 });
    await view.settle();
    expect(view.text()).toContain('goatcounter');
    view.unmount();
    prototype.get = inkGet;
  });

  it('keeps the cells of the last two frames only, however many frames went before', () => {
    for (let frame = 0; frame < 50; frame++) {
      const output = new Output({ width: 40, height: 10 });
      for (let y = 0; y < 10; y++)
        output.write(0, y, `frame ${frame} line ${y}`, { transformers: [] });
      composeFast(output);
    }
    expect(cachedLineCount()).toBe(20);
  });

  it('reads plain-ASCII lines cell for cell as the tokenizer does, styles included', () => {
    chalk.level = 3;
    const lines = [
      `a${chalk.yellow.bold('bc')}d`,
      chalk.dim(`x${chalk.bold('y')}z`),
      `\u001b[1;31;48;5;17mq\u001b[0mr\u001b[mS`,
      chalk.bgRgb(1, 2, 3).underline('~!@#$%^&*()_+{}|:"<>?'),
    ];
    const cellsOf = (cells: StyledChar[]) =>
      cells.map((c) => [c.value, c.fullWidth, c.styles.map((s) => [s.code, s.endCode])]);
    for (const line of lines) {
      const cells = styledCharsOf(line);
      expect(cellsOf(cells)).toEqual(cellsOf(styledCharsFromTokens(tokenize(line))));
      expect(rowToString(cells)).toBe(styledCharsToString(cells));
    }
  });
});
