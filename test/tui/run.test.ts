import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { stderrWarning, type AppContext } from '../../src/context.js';
import type { NurIndex } from '../../src/model.js';
import { createSearchEngine } from '../../src/search/engine.js';
import type { IOStreams } from '../../src/term/io.js';
import { captureLoaderOutput, runSearchTui } from '../../src/tui/run.js';
import { fixtureIndex } from '../helpers/fixtures.js';
import { recordedEffects } from './app-fixture.js';
import { KEYS } from './keys.js';

// Ink draws only a final frame when it thinks it runs in CI (it reads CI once, when first
// imported, which here is lazily inside runSearchTui); these tests watch frames like a user does.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;

const ENTER_ALT = '\u001b[?1049h';
const LEAVE_ALT = '\u001b[?1049l';

class FakeTerminal extends EventEmitter {
  isTTY = true;
  columns = 100;
  rows = 30;
  readonly chunks: string[] = [];
  write(chunk: string) {
    this.chunks.push(String(chunk));
    return true;
  }
  text() {
    return this.chunks.join('');
  }
}

class FakeKeyboard extends EventEmitter {
  isTTY = true;
  private pending: string | null = null;
  setRawMode() {}
  setEncoding() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
  read() {
    const data = this.pending;
    this.pending = null;
    return data;
  }
  press(data: string) {
    this.pending = data;
    this.emit('readable');
  }
  /** Resolves once the UI listens for keys. */
  async listening() {
    for (let i = 0; i < 500 && this.listenerCount('readable') === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 2));
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Waits (bounded) until `text` has been drawn. */
async function drawn(terminal: FakeTerminal, text: string) {
  for (let i = 0; i < 1000 && !terminal.text().includes(text); i++)
    await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Opens the action menu and picks "select"; Enter is repeated until the menu shows, since the
 * search screen subscribes to keys just after its first frame. */
async function selectFirstHit(
  t: { stdout: FakeTerminal; keyboard: FakeKeyboard },
  screen = t.stdout,
) {
  await drawn(screen, `/${fixtureIndex().packages.length}`);
  for (let i = 0; i < 50 && !screen.text().includes('Actions for'); i++) {
    t.keyboard.press(KEYS.enter);
    await drawn(screen, 'Actions for');
  }
  t.keyboard.press('s');
}

function tuiContext(options: { stdoutIsTTY?: boolean; loadIndex?: () => Promise<NurIndex> } = {}) {
  const stdoutIsTTY = options.stdoutIsTTY ?? true;
  const stdout = new FakeTerminal();
  stdout.isTTY = stdoutIsTTY;
  const stderr = new FakeTerminal();
  const keyboard = new FakeKeyboard();
  const io: IOStreams = {
    stdout,
    stderr,
    stdin: keyboard,
    stdoutIsTTY,
    stderrIsTTY: true,
    canPrompt: true,
    canPromptOnStderr: true,
    color: false,
    width: 100,
  };
  const home = mkdtempSync(join(tmpdir(), 'nur-tui-'));
  const context: AppContext = {
    io,
    env: { HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
    cwd: home,
    globals: {},
    now: () => new Date('2026-01-01T02:00:00.000Z'),
    loadIndex: options.loadIndex ?? (async () => fixtureIndex()),
    warn: () => {},
  };
  context.warn = stderrWarning(context);
  return { context, stdout, stderr, keyboard };
}

function start(
  t: ReturnType<typeof tuiContext>,
  options: { loaded?: boolean; initialQuery?: string } = {},
) {
  const index = fixtureIndex();
  return runSearchTui({
    context: t.context,
    initialQuery: options.initialQuery ?? 'goatcounter',
    ...(options.loaded === false ? {} : { index, engine: createSearchEngine(index.packages) }),
    effects: recordedEffects(),
  });
}

describe('runSearchTui', () => {
  it('prints the chosen attr path after leaving the alternate screen, and exits 0', async () => {
    const t = tuiContext();
    const done = start(t);
    await selectFirstHit(t);
    expect(await done).toBe(0);
    const out = t.stdout.text();
    expect(out.startsWith(ENTER_ALT)).toBe(true);
    expect(out.endsWith(`${LEAVE_ALT}\u001b[?25hnur.repos.mic92.goatcounter\n`)).toBe(true);
  });

  it('draws on stderr and prints only the attr path when stdout is captured, as in $(nur search)', async () => {
    const t = tuiContext({ stdoutIsTTY: false });
    const done = start(t);
    await selectFirstHit(t, t.stderr);
    expect(await done).toBe(0);
    expect(t.stdout.text()).toBe('nur.repos.mic92.goatcounter\n');
    expect(t.stderr.text()).toContain(ENTER_ALT);
    expect(t.stderr.text().endsWith(`${LEAVE_ALT}\u001b[?25h`)).toBe(true);
  });

  it('prints a chosen package of a digit-leading repo as a valid, quoted Nix attr path', async () => {
    const t = tuiContext({ stdoutIsTTY: false });
    const done = start(t, { initialQuery: '^sklauncher$ repo:0komo' });
    await selectFirstHit(t, t.stderr);
    expect(await done).toBe(0);
    expect(t.stdout.text()).toBe('nur.repos."0komo".sklauncher\n');
  });

  it('prints nothing and returns 1 on Esc, 130 on Ctrl-C, restoring the screen both times', async () => {
    for (const [key, code] of [
      [KEYS.escape, 1],
      [KEYS.ctrlC, 130],
    ] as const) {
      const t = tuiContext();
      const done = start(t);
      await t.keyboard.listening();
      t.keyboard.press(key);
      expect(await done).toBe(code);
      expect(t.stdout.text().endsWith(`${LEAVE_ALT}\u001b[?25h`)).toBe(true);
    }
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)(
    'ends like an interrupt on %s from outside and restores the screen',
    async (signal, code) => {
      const t = tuiContext();
      const listenersBefore = process.listenerCount(signal);
      const done = start(t);
      await t.keyboard.listening();
      process.emit(signal, signal);
      expect(await done).toBe(code);
      expect(t.stdout.text().endsWith(`${LEAVE_ALT}\u001b[?25h`)).toBe(true);
      expect(process.listenerCount(signal)).toBe(listenersBefore);
    },
  );

  it('restores the terminal and rethrows when loading the index fails', async () => {
    const failure = new Error('no cached index');
    const t = tuiContext({ loadIndex: async () => Promise.reject(failure) });
    await expect(start(t, { loaded: false })).rejects.toBe(failure);
    expect(t.stdout.text().startsWith(ENTER_ALT)).toBe(true);
    expect(t.stdout.text().endsWith(`${LEAVE_ALT}\u001b[?25h`)).toBe(true);
  });

  it('loads the index inside the UI, keeping the loader off the real stderr', async () => {
    const t = tuiContext();
    const loadIndex = vi.fn(async () => {
      // What the index loader writes while downloading: a redrawn bar, then a warning.
      t.context.io.stderr.write('\r\u001b[Knur: downloading packages.json [##......] 25%');
      t.context.io.stderr.write('\r\u001b[K');
      t.context.io.stderr.write('nur: warning: offline; using the cache from 5 h ago\n');
      return fixtureIndex();
    });
    t.context.loadIndex = loadIndex;
    const stderrBefore = t.context.io.stderr;
    const done = start(t, { loaded: false });
    await t.keyboard.listening();
    await selectFirstHit(t);
    expect(await done).toBe(0);
    expect(loadIndex).toHaveBeenCalledTimes(1);
    expect(t.stderr.text()).toBe('');
    expect(t.context.io.stderr).toBe(stderrBefore);
    expect(t.stdout.text().endsWith('nur.repos.mic92.goatcounter\n')).toBe(true);
  });
});

describe('keys while the index loads', () => {
  it('types into the query the search starts with, and quits on Ctrl-C', async () => {
    let release: () => void = () => undefined;
    const loaded = new Promise<void>((resolve) => (release = resolve));
    const t = tuiContext({
      loadIndex: async () => {
        await loaded;
        return fixtureIndex();
      },
    });
    const done = start(t, { loaded: false, initialQuery: '' });
    await t.keyboard.listening();
    for (const char of 'goatcounter') t.keyboard.press(char);
    release();
    await selectFirstHit(t);
    expect(await done).toBe(0);
    expect(t.stdout.text().endsWith('nur.repos.mic92.goatcounter\n')).toBe(true);

    const waiting = tuiContext({ loadIndex: () => new Promise(() => undefined) });
    const cancelled = start(waiting, { loaded: false });
    await waiting.keyboard.listening();
    waiting.keyboard.press(KEYS.ctrlC);
    expect(await cancelled).toBe(130);
    expect(waiting.stdout.text().endsWith(`${LEAVE_ALT}\u001b[?25h`)).toBe(true);
  });
});

describe('a chunk typed while the index loads', () => {
  it('is read key by key, so Ctrl-C right after text still quits', async () => {
    const waiting = tuiContext({ loadIndex: () => new Promise(() => undefined) });
    const cancelled = start(waiting, { loaded: false, initialQuery: '' });
    await waiting.keyboard.listening();
    waiting.keyboard.press(`goat${KEYS.ctrlC}`);
    expect(await cancelled).toBe(130);
  });
});

describe('captureLoaderOutput', () => {
  it('reports the latest progress bar text and collects warnings', () => {
    const progress: string[] = [];
    const capture = captureLoaderOutput((line) => progress.push(line));
    capture.stream.write(
      '\r\u001b[Knur: downloading packages.json [##......] 25%  1.0 MB / 4.0 MB',
    );
    capture.stream.write(
      '\r\u001b[Knur: downloading packages.json [########] 100%  4.0 MB / 4.0 MB',
    );
    capture.stream.write('\r\u001b[K');
    capture.stream.write('nur: warning: could not refresh; using the cache from 5 h ago\n');
    expect(progress).toEqual([
      'downloading packages.json [##......] 25%  1.0 MB / 4.0 MB',
      'downloading packages.json [########] 100%  4.0 MB / 4.0 MB',
    ]);
    expect(capture.warnings).toEqual(['warning: could not refresh; using the cache from 5 h ago']);
  });
});
