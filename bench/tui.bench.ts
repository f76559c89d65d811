// TUI benchmark: time from a keystroke to the rendered frame, with the real App rendered through
// ink-testing-library (Ink's own render path; only the terminal is a recording stream).
// Two numbers per keystroke: "echo" is the frame that shows the typed character (the search is
// still pending, off the keystroke path); "results" is the frame with that query's hits. Moving the
// selection (↓) is timed too. Real-size index (8,378 packages) and 10× that.
// Target: p95 ≤ 16 ms at real size. Prints numbers only; the load average comes first because the
// machine is shared, and Ink's own floor on this machine is measured alongside: redrawing a static
// screen of the same size (34 plain lines of 120 columns) with nothing of nur in it, composed by
// Ink's own Output and by nur's (src/tui/ink-fast-output.ts), which the UI ships with.
import { loadavg } from 'node:os';

// The CLI loads React in production mode (src/tui/run.ts); measure the same build.
process.env.NODE_ENV = 'production';

const [
  { createElement, useState },
  { render },
  { Box, Text, useInput },
  { App },
  { ThemeContext },
  { createTheme },
] = await Promise.all([
  import('react'),
  import('ink-testing-library'),
  import('ink'),
  import('../src/tui/App.js'),
  import('../src/tui/theme-context.js'),
  import('../src/tui/theme.js'),
]);
const { createSearchEngine } = await import('../src/search/engine.js');
const { packageSnippets } = await import('../src/snippets/package.js');
const { syntheticIndex } = await import('./helpers/synthetic.js');
const { installFastInkOutput } = await import('../src/tui/ink-fast-output.js');

const KEYS = { down: '\u001b[B', ctrlU: '\u0015' };
/** Typed one character at a time, Ctrl-U between them, as people search. */
const TYPED = ['exporter', 'firefox', 'hue exporter', 'goatcountr', 'nvim', 'python3', 'rust'];

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const summary = (samples: number[]) => {
  const s = [...samples].sort((a, b) => a - b);
  const r = (n: number) => n.toFixed(1);
  return `p50 ${r(pct(s, 50))} ms  p95 ${r(pct(s, 95))} ms  max ${r(s.at(-1)!)} ms  (n=${s.length})`;
};

function mount(multiplier: number) {
  const index = syntheticIndex(multiplier);
  const engine = createSearchEngine(index.packages);
  const none = async () => {
    throw new Error('no effects in the benchmark');
  };
  const view = render(createElement('div'));
  Object.defineProperty(view.stdout, 'columns', { get: () => 120 });
  Object.defineProperty(view.stdout, 'rows', { get: () => 35 });
  view.rerender(
    createElement(
      ThemeContext.Provider,
      { value: createTheme(true) },
      createElement(App, {
        index,
        engine,
        initialQuery: '',
        snippetsFor: (pkg, repo) => packageSnippets(pkg, repo).snippets,
        effects: { copy: none, openUrl: none, planAdd: none },
        age: { text: 'index fresh', warning: false },
        onExit: () => undefined,
      }),
    ),
  );
  return { view, size: index.packages.length };
}

const pending = (frame: string) => /… \d+\/\d+/.test(frame.split('\n')[0] ?? '');

async function nextFrame(view: ReturnType<typeof render>, after: number) {
  for (let i = 0; i < 1_000_000 && view.frames.length === after; i++) await tick();
}

async function measure(multiplier: number) {
  const { view, size } = mount(multiplier);
  const echo: number[] = [];
  const results: number[] = [];
  /** Ctrl-U alone: clearing the query makes the engine rank the whole index again. */
  const cleared: number[] = [];
  const moves: number[] = [];
  const press = async (key: string, record: boolean, into = results) => {
    const before = view.frames.length;
    const start = performance.now();
    view.stdin.write(key);
    await nextFrame(view, before);
    const echoed = performance.now() - start;
    while (pending(view.lastFrame() ?? '')) await nextFrame(view, view.frames.length);
    const done = performance.now() - start;
    if (record) {
      echo.push(echoed);
      into.push(done);
    }
  };
  const cpu = process.cpuUsage();
  // One warm-up round, then enough measured keys (about 200 typed) for a steady p95.
  for (const round of [0, 1, 2, 3, 4]) {
    for (const query of TYPED) {
      for (const char of query) await press(char, round > 0);
      const before = view.frames.length;
      const start = performance.now();
      view.stdin.write(KEYS.down);
      await nextFrame(view, before);
      if (round > 0) moves.push(performance.now() - start);
      await press(KEYS.ctrlU, round > 0, cleared);
    }
  }
  const used = process.cpuUsage(cpu);
  view.unmount();
  console.log(`${size.toLocaleString('en-US')} packages (${multiplier}×):`);
  console.log(`  keystroke → echo frame     ${summary(echo)}`);
  console.log(`  typed key → results frame  ${summary(results)}`);
  console.log(`  Ctrl-U → all packages      ${summary(cleared)}`);
  console.log(`  ↓ → moved selection frame  ${summary(moves)}`);
  console.log(
    `  CPU ${((used.user + used.system) / 1000).toFixed(0)} ms for ${echo.length + moves.length} measured keys (+ warm-up)`,
  );
}

/** Ink alone: a keystroke moves a marker on a static 34×120 screen. */
async function inkFloor(composition: string) {
  const lines = Array.from({ length: 34 }, (_, i) => `line ${i} `.padEnd(118, '.'));
  function Static() {
    const [row, setRow] = useState(0);
    useInput(() => setRow((n) => (n + 1) % lines.length));
    return createElement(
      Box,
      { flexDirection: 'column' },
      ...lines.map((line, i) => createElement(Text, { key: i }, (i === row ? '> ' : '  ') + line)),
    );
  }
  const view = render(createElement(Static));
  Object.defineProperty(view.stdout, 'columns', { get: () => 120 });
  const samples: number[] = [];
  for (let i = 0; i < 120; i++) {
    const before = view.frames.length;
    const start = performance.now();
    view.stdin.write(KEYS.down);
    await nextFrame(view, before);
    if (i >= 20) samples.push(performance.now() - start);
  }
  view.unmount();
  console.log(`Ink floor, ${composition}: ${summary(samples)}`);
}

console.log(
  `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} (2 cores)`,
);
await inkFloor("Ink's own frame composition");
installFastInkOutput();
await inkFloor("nur's frame composition");
await measure(1);
await measure(10);
console.log('target: keystroke → results frame p95 ≤ 16 ms at real size');
