// End to end in a real pseudo-terminal: tmux runs the built `nur search` against a cache that
// `nur update` filled from the fixture files; keys go in with send-keys, the screen comes back
// with capture-pane. Waits poll the screen until the expected text appears (bounded), so a slow
// machine makes them slower, not flaky.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/engine.js';
import { fixtureHome, NUR_BIN, runNur } from '../helpers/cli.js';
import { fixtureIndex } from '../helpers/fixtures.js';
import { startIndexServer } from '../helpers/index-server.js';

const PROMPT = 'READY$';
const socketDir = mkdtempSync(join(tmpdir(), 'nur-tmux-'));
const socket = join(socketDir, 'socket');
let env: Record<string, string>;
let sessions = 0;

const tmux = (...args: string[]) => execa('tmux', ['-S', socket, '-f', '/dev/null', ...args]);

function expectedRefs(query: string): string[] {
  return createSearchEngine(fixtureIndex().packages)
    .search(query, { limit: 50 })
    .hits.map((hit) => hit.pkg.ref);
}

/** A shell in a fresh tmux session of this size, with the test's environment and no CI. */
async function terminal(columns: number, rows: number) {
  const name = `nur${++sessions}`;
  const vars = Object.entries({ ...env, PATH: process.env.PATH ?? '', TERM: 'xterm-256color' })
    .map(([key, value]) => `${key}='${value}'`)
    .join(' ');
  await tmux(
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    String(columns),
    '-y',
    String(rows),
    `env -i ${vars} PS1='${PROMPT} ' bash --norc --noprofile`,
  );
  const screen = async () => (await tmux('capture-pane', '-p', '-t', name)).stdout;
  const waitFor = async (check: (text: string) => boolean, what: string) => {
    let text = '';
    for (let i = 0; i < 600; i++) {
      text = await screen();
      if (check(text)) return text;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}; the screen was:\n${text}`);
  };
  const session = {
    name,
    screen,
    waitFor,
    waitForText: (text: string) => waitFor((screenText) => screenText.includes(text), text),
    keys: (...keys: string[]) => tmux('send-keys', '-t', name, ...keys),
    /** Types literally (no key names). */
    type: (text: string) => tmux('send-keys', '-t', name, '-l', text),
    /** Runs a shell command and waits for the prompt after it. */
    async shell(command: string, marker: string) {
      await session.type(command);
      await session.keys('Enter');
      return session.waitForText(marker);
    },
    lines: async () => (await screen()).split('\n'),
    close: () => tmux('kill-session', '-t', name).catch(() => undefined),
  };
  await session.waitForText(PROMPT);
  return session;
}

const search = `node ${NUR_BIN} search`;
// The query line starts with the prompt '> ' too; rows are below it.
const selectedRow = (screen: string) =>
  screen
    .split('\n')
    .slice(1)
    .find((line) => line.startsWith('> '));

beforeAll(async () => {
  env = fixtureHome().env;
  const update = await runNur(['update'], { env });
  expect(update.exitCode).toBe(0);
});

afterAll(async () => {
  await tmux('kill-server').catch(() => undefined);
  rmSync(socketDir, { recursive: true, force: true });
});

describe('nur search in a real terminal (120×35)', () => {
  it('shows rows and the preview, filters while typing, and prints the chosen attr path', async () => {
    const term = await terminal(120, 35);
    try {
      await term.shell(`${search} expo`, `/${fixtureIndex().packages.length}`);
      const refs = expectedRefs('expo');
      let screen = await term.waitForText(refs[0]!);
      expect(screen.split('\n')[0]).toMatch(/^> expo\s+\d+\/1473$/);
      for (const ref of refs.slice(0, 3)) expect(screen).toContain(ref);
      expect(selectedRow(screen)).toContain(refs[0]);
      // The preview, right of the list: the selected package's heading and its repo.
      const first = fixtureIndex().packages.find((p) => p.ref === refs[0])!;
      expect(screen).toMatch(new RegExp(`│${first.ref.replace('.', '\\.')}`));
      expect(screen).toContain('Repo ');
      expect(screen.trimEnd().split('\n').at(-1)).toMatch(/index fresh$/);

      await term.type('rt');
      const exportRefs = expectedRefs('export');
      screen = await term.waitFor(
        (text) => text.startsWith('> export') && !/… \d+\//.test(text.split('\n')[0]!),
        'the results for "export"',
      );
      // The terminal's own cursor sits after the query, where the next character goes.
      const cursor = await tmux('display', '-p', '-t', term.name, '#{cursor_x},#{cursor_y}');
      expect(cursor.stdout).toBe(`${'> export'.length},0`);
      await term.keys('Down');
      screen = await term.waitFor(
        (text) => selectedRow(text)?.includes(exportRefs[1]!) ?? false,
        'the second hit selected',
      );
      await term.keys('Enter');
      await term.waitForText(`Actions for ${exportRefs[1]}`);
      await term.type('s');
      const attrPath = fixtureIndex().packages.find((p) => p.ref === exportRefs[1])!.attrPath;
      screen = await term.waitFor(
        (text) => text.includes(`${attrPath}\n${PROMPT}`),
        'the attr path, then the prompt',
      );
      // The alternate screen is gone: the command line and its output are on the normal screen.
      expect(screen).toContain(`${PROMPT} ${search} expo\n${attrPath}\n${PROMPT}`);
      expect(screen).not.toContain('Actions for');
      await term.shell('echo "exit=$?"', 'exit=0');
    } finally {
      await term.close();
    }
  });

  it('prints nothing and exits 1 on Esc, 130 on Ctrl-C, with the prompt back each time', async () => {
    const term = await terminal(120, 35);
    try {
      for (const [key, code] of [
        ['Escape', 1],
        ['C-c', 130],
      ] as const) {
        await term.shell('clear', PROMPT);
        await term.shell(`${search} goatcounter`, 'mic92.goatcounter');
        await term.keys(key);
        const screen = await term.waitFor(
          (text) => text.trimEnd().endsWith(`goatcounter\n${PROMPT}`),
          'the prompt after quitting',
        );
        expect(screen).not.toContain('index fresh');
        await term.shell('echo "exit=$?"', `exit=${code}`);
      }
    } finally {
      await term.close();
    }
  });

  it('quits at once on Ctrl-C while the first download of the index is still stalled', async () => {
    const server = await startIndexServer();
    // Headers would come after ten minutes: until then the download only waits.
    server.route('/packages.json', {
      body: '{}',
      behaviour: { kind: 'slow', delayMs: 600_000 },
    });
    const emptyCache = mkdtempSync(join(tmpdir(), 'nur-tui-cache-'));
    const term = await terminal(120, 35);
    try {
      await term.shell(
        `XDG_CACHE_HOME=${emptyCache} NUR_PACKAGES_URL=${server.url('/packages.json')} ${search}`,
        'Loading the NUR index',
      );
      await term.keys('C-c');
      await term.waitFor((text) => text.trimEnd().endsWith(PROMPT), 'the prompt after Ctrl-C');
      await term.shell('echo "exit=$?"', 'exit=130');
    } finally {
      await term.close();
      await server.close();
      rmSync(emptyCache, { recursive: true, force: true });
    }
  });

  it('moves the preview below the list when the terminal shrinks', async () => {
    const term = await terminal(120, 35);
    try {
      await term.shell(`${search} goatcounter`, 'Homepage');
      expect(
        (await term.lines()).find((l) => l.includes('Homepage'))!.indexOf('│'),
      ).toBeGreaterThan(0);
      await tmux('resize-window', '-t', term.name, '-x', '80', '-y', '30');
      const screen = await term.waitFor(
        (text) => text.split('\n').some((l) => l.startsWith('Homepage')),
        'the preview below the list',
      );
      expect(screen).toMatch(/^─{20,}/m);
      await term.keys('Escape');
      await term.waitFor((text) => text.trimEnd().endsWith(PROMPT), 'the prompt');
    } finally {
      await term.close();
    }
  });
});

describe('nur show $(nur search)', () => {
  it('picks on stderr while stdout is captured, then shows the chosen package', async () => {
    const term = await terminal(120, 35);
    try {
      await term.shell('clear', PROMPT);
      await term.type(`node ${NUR_BIN} show $(${search}) --snippet attr`);
      await term.keys('Enter');
      // Type once the index is in: the list's counter shows the whole index.
      await term.waitForText(`/${fixtureIndex().packages.length}`);
      await term.type('goatcounter');
      await term.waitFor(
        (text) => selectedRow(text)?.includes('mic92.goatcounter') ?? false,
        'mic92.goatcounter selected',
      );
      await term.keys('Enter');
      await term.waitForText('Actions for mic92.goatcounter');
      await term.type('s');
      const screen = await term.waitFor(
        (text) => text.includes(`pkgs.nur.repos.mic92.goatcounter\n${PROMPT}`),
        'the snippet of the chosen package, then the prompt',
      );
      expect(screen).not.toContain('Actions for');
      await term.shell('echo "exit=$?"', 'exit=0');
    } finally {
      await term.close();
    }
    // Every wait above is bounded by its own poll; the test as a whole gets the sum.
  }, 120_000);
});

describe('nur search in a tiny terminal (40×10)', () => {
  it('fits the screen, navigates, opens the menu and quits cleanly', async () => {
    const term = await terminal(40, 10);
    try {
      await term.shell('clear', PROMPT);
      await term.type(`${search} gateway`);
      await term.keys('Enter');
      const refs = expectedRefs('gateway');
      let screen = await term.waitFor(
        (text) => selectedRow(text) !== undefined && text.includes('index'),
        'the list and the status line',
      );
      const lines = screen.split('\n');
      expect(lines[0]).toMatch(/^> gateway\s+\d+\/1473$/);
      expect(selectedRow(screen)).toContain(refs[0]!.slice(0, 15));
      expect(lines.findIndex((l) => l.includes('index'))).toBe(8);
      await term.keys('C-n');
      screen = await term.waitFor(
        (text) => selectedRow(text)?.includes(refs[1]!.slice(0, 15)) ?? false,
        'the second hit selected',
      );
      await term.keys('Enter');
      await term.waitForText('Actions for');
      await term.keys('Escape');
      await term.waitFor((text) => selectedRow(text) !== undefined, 'the list again');
      await term.keys('Escape');
      await term.waitFor((text) => text.trimEnd().endsWith(PROMPT), 'the prompt');
      await term.shell('echo "exit=$?"', 'exit=1');
    } finally {
      await term.close();
    }
  });
});
