import stringWidth from 'string-width';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { NurIndex, Package } from '../../src/model.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { packageSnippets } from '../../src/snippets/package.js';
import { fixtureIndex, fixturePackage, fixtureRepo } from '../helpers/fixtures.js';
import { recordedEffects, renderApp } from './app-fixture.js';

afterEach(() => cleanup());

/** What a fresh engine ranks for `query`: the expected rows come from the engine, not by hand. */
function expectedHits(query: string) {
  return createSearchEngine(fixtureIndex().packages).search(query, { limit: 1000 });
}

const lines = (text: string) => text.split('\n');
// The query line starts with the prompt '> ' too; rows are below it.
const selectedRow = (text: string) =>
  lines(text)
    .slice(1)
    .find((l) => l.startsWith('> '));
const snippet = (pkg: Package, name: string) =>
  packageSnippets(pkg, fixtureIndex().repos[pkg.repo]).snippets.find((s) => s.name === name)!.code;

describe('the search screen', () => {
  it('starts with QUERY, the matched/total counter and the best hit selected', async () => {
    const view = renderApp({ initialQuery: 'goatcounter' });
    const expected = expectedHits('goatcounter');
    expect(view.text()).toContain('> goatcounter');
    expect(view.text()).toContain(`${expected.total}/${fixtureIndex().packages.length}`);
    expect(selectedRow(view.text())).toContain(expected.hits[0]!.pkg.ref);
  });

  it('filters on every keystroke', async () => {
    const view = renderApp();
    expect(view.text()).toContain(`${fixtureIndex().packages.length}/`);
    await view.type('gateway');
    const expected = expectedHits('gateway');
    expect(view.text()).toContain(`${expected.total}/${fixtureIndex().packages.length}`);
    for (const hit of expected.hits) expect(view.text()).toContain(hit.pkg.ref);
    expect(selectedRow(view.text())).toContain(expected.hits[0]!.pkg.ref);
  });

  it('draws the typed character before a slow search runs, so typing never waits for it', async () => {
    // Budget 0: every search counts as slow and runs after the keystroke's frame.
    const view = renderApp({ initialQuery: 'goatcounte', searchBudgetMs: 0 });
    await view.settle();
    const frames = view.frames.length;
    view.stdin.write('r');
    for (let i = 0; i < 100 && view.frames.length === frames; i++)
      await new Promise((resolve) => setImmediate(resolve));
    expect(view.text()).toContain('> goatcounter');
    expect(view.text()).toMatch(/… \d+\/\d+/);
    await view.settle();
    expect(view.text()).not.toMatch(/… \d+\/\d+/);
  });

  it("shows the results in the keystroke's own frame when the search is fast", async () => {
    const view = renderApp({ initialQuery: 'goatcounte', searchBudgetMs: Infinity });
    await view.settle();
    const frames = view.frames.length;
    view.stdin.write('r');
    for (let i = 0; i < 100 && view.frames.length === frames; i++)
      await new Promise((resolve) => setImmediate(resolve));
    expect(view.text()).toContain('> goatcounter');
    expect(view.text()).not.toMatch(/… \d+\/\d+/);
    expect(selectedRow(view.text())).toContain(expectedHits('goatcounter').hits[0]!.pkg.ref);
  });

  it('handles several keys arriving in one chunk, each on the screen the previous one opened', async () => {
    const view = renderApp({ initialQuery: 'gateway', searchBudgetMs: Infinity });
    await view.settle();
    // Enter then ↓ in one read: the ↓ must move in the menu Enter opened, not in the list.
    view.stdin.write('\r\u001b[B');
    await view.settle();
    expect(selectedRow(view.text())).toContain('Show full details');
  });

  it('handles control keys typed in the same chunk as text, each as its own key', async () => {
    const view = renderApp({ searchBudgetMs: Infinity });
    await view.settle();
    view.stdin.write('goatx\u007f\r');
    await view.settle();
    expect(lines(view.text())[0]).toMatch(/^> goat /);
    expect(selectedRow(view.text())).toContain('Select');
    const quitting = renderApp({ searchBudgetMs: Infinity });
    await quitting.settle();
    quitting.stdin.write('goat\u0003');
    await quitting.settle();
    expect(quitting.onExit).toHaveBeenCalledWith({ kind: 'cancelled', exitCode: 130 });
  });

  it('edits the query with Backspace and clears it with Ctrl-U', async () => {
    const view = renderApp({ initialQuery: 'goatq' });
    expect(view.text()).toContain(`${expectedHits('goatq').total}/`);
    await view.press('backspace');
    expect(view.text()).toContain('> goat ');
    expect(selectedRow(view.text())).toContain(expectedHits('goat').hits[0]!.pkg.ref);
    await view.press('ctrlU');
    expect(view.text()).toContain(`${fixtureIndex().packages.length}/`);
  });

  it('moves the selection with the arrows and Ctrl-N/Ctrl-P', async () => {
    const view = renderApp({ initialQuery: 'gateway' });
    const refs = expectedHits('gateway').hits.map((h) => h.pkg.ref);
    await view.press('down');
    expect(selectedRow(view.text())).toContain(refs[1]);
    await view.press('ctrlN');
    expect(selectedRow(view.text())).toContain(refs[2]);
    await view.press('up');
    expect(selectedRow(view.text())).toContain(refs[1]);
    await view.press('ctrlP', 'ctrlP');
    expect(selectedRow(view.text())).toContain(refs[0]);
  });

  it('pages with PgDn/PgUp and jumps with End/Home, rendering only the visible rows', async () => {
    const view = renderApp({}, { columns: 120, rows: 20 });
    const refs = expectedHits('').hits.map((h) => h.pkg.ref);
    const rows = () => lines(view.text()).length;
    const before = rows();
    await view.press('pageDown');
    const listHeight = refs.indexOf(refs.find((ref) => selectedRow(view.text())!.includes(ref))!);
    expect(listHeight).toBeGreaterThan(3);
    await view.press('end');
    expect(selectedRow(view.text())).toContain(refs.at(-1));
    expect(view.text()).not.toContain(`  ${refs[0]} `);
    await view.press('pageUp');
    expect(selectedRow(view.text())).toContain(refs[refs.length - 1 - listHeight]);
    await view.press('home');
    expect(selectedRow(view.text())).toContain(refs[0]);
    expect(rows()).toBe(before);
  });

  it('marks broken and unavailable packages in the list', async () => {
    const broken = fixtureIndex().packages.find((p) => p.broken)!;
    const view = renderApp({ initialQuery: `'${broken.ref}` }, { columns: 140 });
    expect(selectedRow(view.text())).toContain(broken.ref);
    expect(selectedRow(view.text())).toMatch(/\[broken[\],]/);
  });

  it('highlights the matched characters of the ref', async () => {
    const view = renderApp({ initialQuery: 'goatcounter', color: true });
    const row = lines(view.frame()).find((l) => l.includes('counter'))!;
    expect(row).toMatch(/\u001b\[[0-9;]*m[^\u001b]*goatcounter/);
  });
});

describe('the preview', () => {
  it('shows the selected package to the right on wide terminals', async () => {
    const view = renderApp({ initialQuery: 'goatcounter' }, { columns: 120, rows: 30 });
    const pkg = fixturePackage('mic92.goatcounter');
    const row = lines(view.text()).find((l) => l.includes('Homepage'))!;
    expect(row).toContain(pkg.homepage);
    expect(row.indexOf('Homepage')).toBeGreaterThan(50);
    expect(view.text()).toContain(fixtureRepo('mic92').url);
  });

  it('sits below the list on narrow terminals and reflows on resize', async () => {
    const view = renderApp({ initialQuery: 'goatcounter' }, { columns: 120, rows: 30 });
    await view.resize(80, 30);
    const text = lines(view.text());
    const homepage = text.find((l) => l.includes('Homepage'))!;
    expect(homepage.indexOf('Homepage')).toBe(0);
    expect(text.findIndex((l) => l.includes('Homepage'))).toBeGreaterThan(
      text.findIndex((l, i) => i > 0 && l.startsWith('> ')),
    );
  });

  it('toggles with Tab', async () => {
    const view = renderApp({ initialQuery: 'goatcounter' });
    expect(view.text()).toContain('Homepage');
    await view.press('tab');
    expect(view.text()).not.toContain('Homepage');
    await view.press('tab');
    expect(view.text()).toContain('Homepage');
  });
});

describe('the action menu', () => {
  it('opens on Enter and closes on Esc', async () => {
    const view = renderApp({ initialQuery: 'goatcounter' });
    await view.press('enter');
    expect(view.text()).toContain('Actions for mic92.goatcounter');
    await view.press('escape');
    expect(view.text()).not.toContain('Actions for');
    expect(view.onExit).not.toHaveBeenCalled();
  });

  it('ends with the selected package on "select"', async () => {
    const view = renderApp({ initialQuery: 'gateway' });
    await view.press('down', 'enter', 'enter');
    expect(view.onExit).toHaveBeenCalledWith({
      kind: 'selected',
      pkg: expectedHits('gateway').hits[1]!.pkg,
    });
  });

  it('shows the full details, scrolls them, and goes back to the menu on Esc', async () => {
    const view = renderApp({ initialQuery: 'goatcounter' }, { columns: 100, rows: 16 });
    await view.press('enter', 'down', 'enter');
    expect(view.text()).toContain('Attr path');
    expect(view.text()).toContain('nur.repos.mic92.goatcounter');
    const first = view.text();
    await view.press('pageDown');
    expect(view.text()).not.toBe(first);
    await view.press('escape');
    expect(selectedRow(view.text())).toContain('Show full details');
  });

  it('keeps the last page of the details in view when a resize makes them shorter', async () => {
    const view = renderApp({ initialQuery: 'goatcounter' }, { columns: 40, rows: 10 });
    await view.press('enter', 'down', 'enter', 'end');
    await view.resize(120, 35);
    const body = lines(view.text()).slice(1, -1);
    // The last page fills the view: the details end on its last row, not above empty rows.
    expect(body.at(-1)).toBe('pkgs.nur.repos.mic92.goatcounter');
    expect(body.filter((line) => line.trim() !== '').length).toBeGreaterThan(body.length / 2);
    await view.press('up');
    expect(lines(view.text()).slice(1, -1)).not.toEqual(body);
  });

  it.each([
    ['c', 'attr', 'the attr path'],
    ['o', 'overlay', 'the NUR overlay usage'],
    ['f', 'flake-input', 'the flake input'],
  ])('copies a snippet with "%s" through the clipboard effect', async (key, name, what) => {
    const view = renderApp({ initialQuery: 'goatcounter' });
    await view.press('enter');
    await view.type(key);
    const pkg = fixturePackage('mic92.goatcounter');
    expect(view.effects.copy).toHaveBeenCalledWith(snippet(pkg, name));
    expect(view.text()).toContain(`Copied ${what} (wl-copy)`);
    expect(view.text()).not.toContain('Actions for');
  });

  it('reports a clipboard failure in the status line', async () => {
    const effects = recordedEffects({
      copy: vi.fn(async () => {
        throw new Error('no clipboard\u001b[2J here');
      }),
    });
    const view = renderApp({ initialQuery: 'goatcounter', effects });
    await view.press('enter');
    await view.type('c');
    expect(view.text()).toContain('Copy failed: no clipboard here');
  });

  it('opens the homepage through the opener effect', async () => {
    const view = renderApp({ initialQuery: 'goatcounter' });
    await view.press('enter');
    await view.type('h');
    const url = fixturePackage('mic92.goatcounter').homepage;
    expect(view.effects.openUrl).toHaveBeenCalledWith(url);
    expect(view.text()).toContain(`Opened ${url}`);
  });

  it('says so when the package has no homepage instead of opening anything', async () => {
    const pkg = fixtureIndex().packages.find((p) => !p.homepage)!;
    const view = renderApp({ initialQuery: `'${pkg.ref}` });
    await view.press('enter');
    await view.type('h');
    expect(view.effects.openUrl).not.toHaveBeenCalled();
    expect(view.text()).toContain('no homepage');
  });

  it('shows the flake.nix diff, and writes only after "y"', async () => {
    const apply = vi.fn(async () => 'Added nur-mic92 to ./flake.nix');
    const planAdd = vi.fn(async () => ({
      preview: {
        summary: 'Add input nur-mic92 (github:Mic92/nur-packages)',
        diff: '--- a/flake.nix\n+++ b/flake.nix\n@@ -1,3 +1,4 @@\n {\n+  inputs.nur-mic92.url = "github:Mic92/nur-packages";\n   outputs = { self }: { };\n }',
      },
      apply,
    }));
    const view = renderApp({ initialQuery: 'goatcounter', effects: recordedEffects({ planAdd }) });
    await view.press('enter');
    await view.type('a');
    expect(planAdd).toHaveBeenCalledWith(fixturePackage('mic92.goatcounter'), fixtureRepo('mic92'));
    expect(view.text()).toContain('+  inputs.nur-mic92.url = "github:Mic92/nur-packages";');
    expect(view.text()).toContain('Write this change to ./flake.nix? y/n');
    expect(apply).not.toHaveBeenCalled();
    await view.type('y');
    expect(apply).toHaveBeenCalledTimes(1);
    expect(view.text()).toContain('Added nur-mic92 to ./flake.nix');
  });

  it('shows the whole change and the question on a 40×10 terminal', async () => {
    const changed = '  outputs = { self, nixpkgs, home-manager, nur-mic92, ... }: { };';
    const planAdd = vi.fn(async () => ({
      preview: {
        summary: 'Add input nur-mic92 (github:Mic92/nur-packages)',
        notes: ['could not check whether it is a flake (offline); using it as plain Nix'],
        diff: `@@ -1 +1 @@\n-  outputs = { self, nixpkgs, home-manager, ... }: { };\n+${changed}`,
      },
      apply: vi.fn(async () => 'written'),
    }));
    const view = renderApp(
      { initialQuery: 'goatcounter', effects: recordedEffects({ planAdd }) },
      { columns: 40, rows: 10 },
    );
    await view.press('enter');
    await view.type('a');
    await view.press('pageDown');
    const screen = lines(view.text());
    expect(screen.at(-1)).toBe('Write this change to ./flake.nix? y/n');
    // The added line, carried over rows that each keep its +, reads back whole.
    const added = screen.filter((l) => l.startsWith('+'));
    expect(added.map((l) => l.slice(1)).join('')).toBe(changed);
  });

  it('leaves flake.nix alone on "n"', async () => {
    const apply = vi.fn(async () => 'written');
    const planAdd = vi.fn(async () => ({ preview: { summary: 'Add', diff: '+x' }, apply }));
    const view = renderApp({ initialQuery: 'goatcounter', effects: recordedEffects({ planAdd }) });
    await view.press('enter');
    await view.type('an');
    expect(apply).not.toHaveBeenCalled();
    expect(view.text()).toContain('flake.nix left unchanged');
  });

  it('says why nothing is added when flake.nix already has the repo', async () => {
    const view = renderApp({ initialQuery: 'goatcounter' });
    await view.press('enter');
    await view.type('a');
    expect(view.text()).toContain('flake.nix already has nur-mic92');
    expect(view.text()).not.toContain('y/n');
  });
});

describe('quitting', () => {
  it('ends with exit code 1 on Esc from the list', async () => {
    const view = renderApp({ initialQuery: 'goat' });
    await view.press('escape');
    expect(view.onExit).toHaveBeenCalledWith({ kind: 'cancelled', exitCode: 1 });
  });

  it('ends with exit code 130 on Ctrl-C from any screen', async () => {
    const fromList = renderApp({ initialQuery: 'goat' });
    await fromList.press('ctrlC');
    expect(fromList.onExit).toHaveBeenCalledWith({ kind: 'cancelled', exitCode: 130 });
    const fromMenu = renderApp({ initialQuery: 'goat' });
    await fromMenu.press('enter', 'ctrlC');
    expect(fromMenu.onExit).toHaveBeenCalledWith({ kind: 'cancelled', exitCode: 130 });
  });
});

describe('untrusted text and small terminals', () => {
  const base = fixturePackage('mic92.goatcounter');
  const hostile = (attr: string, description: string): Package => ({
    ...base,
    attr,
    ref: `mic92.${attr}`,
    attrPath: `nur.repos.mic92.${attr}`,
    description,
  });
  const hostileIndex: NurIndex = {
    ...fixtureIndex(),
    packages: [
      hostile('evil-osc', 'copies \u001b]52;c;ZXZpbA==\u0007 to your clipboard'),
      hostile('evil-clear', 'clears\u001b[2J\u001b[H the screen'),
      hostile('evil-lines', 'breaks\nthe\r\nrows\u2028apart'),
      hostile('evil-bidi', 'reorders \u202eeht\u202c text'),
    ],
  };

  it('renders hostile descriptions without escapes and one row per package', async () => {
    const view = renderApp({ index: hostileIndex, initialQuery: 'evil' }, { columns: 120 });
    const text = view.frame();
    expect(text).not.toMatch(/[\u001b\u0007\u202e\u2028]/);
    const rows = lines(text).filter((l) => l.includes('mic92.evil-'));
    expect(rows).toHaveLength(4);
    expect(rows.find((r) => r.includes('evil-lines'))).toContain('breaks the rows apart');
  });

  it('emits no colour codes at all when colour is off (NO_COLOR)', async () => {
    const colored = renderApp({ initialQuery: 'goat', color: true });
    expect(colored.frame()).toMatch(/\u001b\[/);
    const plain = renderApp({ initialQuery: 'goat', color: false });
    await plain.press('down', 'enter');
    expect(plain.frame()).not.toMatch(/\u001b\[/);
  });

  it('fits a 40×10 terminal: every line within 40 columns, list, preview and status visible', async () => {
    const view = renderApp({ initialQuery: 'gateway' }, { columns: 40, rows: 10 });
    const text = lines(view.text());
    expect(text.length).toBeLessThanOrEqual(9);
    for (const line of text) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    expect(text[0]).toContain('> gateway');
    expect(selectedRow(view.text())).toBeDefined();
    expect(text.at(-1)).toContain('index 1 h old');
    await view.press('enter');
    expect(view.text()).toContain('Actions for');
    for (const line of lines(view.text())) expect(stringWidth(line)).toBeLessThanOrEqual(40);
  });

  it('shows a --repo filter next to the counter, and says when that repo has no packages', async () => {
    const view = renderApp({ searchOptions: { repo: 'mic92' } }, { columns: 100 });
    await view.settle();
    const count = fixtureIndex().packages.filter((p) => p.repo === 'mic92').length;
    expect(lines(view.text())[0]).toMatch(
      new RegExp(` ${count}/${fixtureIndex().packages.length} in repo mic92$`),
    );
    const unknown = renderApp({ searchOptions: { repo: 'nosuchrepo' } }, { columns: 100 });
    await unknown.settle();
    expect(unknown.text()).toContain('No NUR repo named "nosuchrepo" has packages');
  });

  it('shows why a query cannot run instead of rows', async () => {
    const view = renderApp({ initialQuery: 'repo:' });
    expect(view.text()).toContain('"repo:" needs a value');
    await view.type('mic92');
    expect(selectedRow(view.text())).toContain('mic92.');
  });

  it('shows a warning from loading the index in the status line', async () => {
    const view = renderApp({
      initialQuery: 'goat',
      initialNotice: { text: 'warning: offline; using the cache from 5 h ago', tone: 'error' },
      age: { text: 'index 5 h old (offline)', warning: true },
    });
    expect(view.text()).toContain('warning: offline; using the cache from 5 h ago');
    expect(view.text()).toContain('! index 5 h old (offline)');
  });
});
