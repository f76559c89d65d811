import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../src/context.js';
import type { NurIndex } from '../../src/model.js';
import { createSearchEngine } from '../../src/search/engine.js';
import type { IOStreams } from '../../src/term/io.js';
import { captureLoaderOutput, runSearchTui } from '../../src/tui/run.js';
import { fixtureIndex } from '../helpers/fixtures.js';
import { recordedEffects } from './app-fixture.js';
import { KEYS } from './render.js';

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
  };
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
    await t.keyboard.listening();
    t.keyboard.press(KEYS.enter);
    await new Promise((resolve) => setTimeout(resolve, 20));
    t.keyboard.press('s');
    expect(await done).toBe(0);
    const out = t.stdout.text();
    expect(out.startsWith(ENTER_ALT)).toBe(true);
    expect(out.endsWith(`${LEAVE_ALT}\u001b[?25hnur.repos.mic92.goatcounter\n`)).toBe(true);
  });

  it('draws on stderr and prints only the attr path when stdout is captured, as in $(nur search)', async () => {
    const t = tuiContext({ stdoutIsTTY: false });
    const done = start(t);
    await t.keyboard.listening();
    t.keyboard.press(KEYS.enter);
    await new Promise((resolve) => setTimeout(resolve, 20));
    t.keyboard.press('s');
    expect(await done).toBe(0);
    expect(t.stdout.text()).toBe('nur.repos.mic92.goatcounter\n');
    expect(t.stderr.text()).toContain(ENTER_ALT);
    expect(t.stderr.text().endsWith(`${LEAVE_ALT}\u001b[?25h`)).toBe(true);
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

  it('ends like an interrupt on SIGTERM and restores the screen', async () => {
    const t = tuiContext();
    const listenersBefore = process.listenerCount('SIGTERM');
    const done = start(t);
    await t.keyboard.listening();
    process.emit('SIGTERM', 'SIGTERM');
    expect(await done).toBe(143);
    expect(t.stdout.text().endsWith(`${LEAVE_ALT}\u001b[?25h`)).toBe(true);
    expect(process.listenerCount('SIGTERM')).toBe(listenersBefore);
  });

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
    for (let i = 0; i < 200 && !t.stdout.text().includes('goatcounter'); i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    t.keyboard.press(KEYS.enter);
    await new Promise((resolve) => setTimeout(resolve, 20));
    t.keyboard.press('s');
    expect(await done).toBe(0);
    expect(loadIndex).toHaveBeenCalledTimes(1);
    expect(t.stderr.text()).toBe('');
    expect(t.context.io.stderr).toBe(stderrBefore);
    expect(t.stdout.text().endsWith('nur.repos.mic92.goatcounter\n')).toBe(true);
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
