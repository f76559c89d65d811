// Index values come from hundreds of maintainers: names, URLs and files that try to break out of
// the Nix they are spliced into, or to reach the terminal raw, must be escaped exactly or refused.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Package, Repo } from '../../src/model.js';
import { detectHost } from '../../src/nix/flake-url.js';
import { repoInputName } from '../../src/snippets/names.js';
import { packageSnippets } from '../../src/snippets/package.js';
import { repoSnippets } from '../../src/snippets/repo.js';
import type { SnippetSet } from '../../src/snippets/types.js';
import { stripControl } from '../../src/term/sanitize.js';
import { fixturePackage } from '../helpers/fixtures.js';
import { NIX_FLAKES, nixParseError } from '../helpers/nix.js';
import { flakeDir, writeStandins } from './standins.js';

const scratch = mkdtempSync(join(tmpdir(), 'nur-hostile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const base = fixturePackage('mic92.goatcounter');
const hostilePackage = (repo: string, attr: string): Package => ({
  ...base,
  repo,
  attr,
  ref: `${repo}.${attr}`,
  attrPath: `nur.repos.${repo}.${attr}`,
});
const hostileRepo = (name: string, url: string, extra: Partial<Repo> = {}): Repo => ({
  name,
  url,
  host: detectHost(url, extra.type),
  submodules: false,
  ...extra,
});

/** All Nix snippets of a set as one expression, so one real parse judges them all. */
function parseAll(sets: SnippetSet[]): string | undefined {
  const nix = sets.flatMap((set) =>
    set.snippets.filter((s) => s.language === 'nix').map((s) => `(\n${s.code}\n)`),
  );
  return nixParseError(`pkgs: [\n${nix.join('\n')}\n]`);
}

function evalJson(expression: string): unknown {
  const result = spawnSync('nix-instantiate', ['--eval', '--strict', '--json', '-E', expression], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout);
}

describe('hostile names', () => {
  const repoName = 'r"${builtins.abort "x"}\\\'';

  it('escapes a repo name exactly: the attr snippet selects that very name', () => {
    const set = packageSnippets(hostilePackage(repoName, 'pkg'), undefined);
    const attr = set.snippets.find((s) => s.name === 'attr')!.code;
    // The tree is built from JSON, not with the code under test.
    const tree = join(scratch, 'tree.json');
    writeFileSync(tree, JSON.stringify({ nur: { repos: { [repoName]: { pkg: 'found' } } } }));
    expect(evalJson(`let pkgs = builtins.fromJSON (builtins.readFile ${tree}); in ${attr}`)).toBe(
      'found',
    );
    expect(parseAll([set])).toBeUndefined();
  });

  it('leaves out the NUR flake reference for a name nix cannot take after #, and says why', () => {
    const set = packageSnippets(hostilePackage(repoName, 'pkg'), undefined);
    expect(set.omitted.find((o) => o.name === 'nix-run')?.reason).toMatch(/flake reference/);
    expect(set.snippets.map((s) => s.name)).toEqual([
      'overlay',
      'home-manager',
      'package-overrides',
      'attr',
    ]);
  });

  it('refuses every snippet for names with control characters instead of printing them', () => {
    for (const [repo, attr] of [
      ['evil\u001b]52;c;aGk=\u0007', 'x'],
      ['ok', 'x\ny = 1;'],
      ['ok', 'x\u009b31m'],
      ['ok', 'x\u202eexe'],
    ] as const) {
      const set = packageSnippets(
        hostilePackage(repo, attr),
        hostileRepo(repo, 'https://github.com/a/b'),
      );
      expect(set.snippets).toEqual([]);
      expect(set.omitted.every((o) => /control characters/.test(o.reason))).toBe(true);
    }
  });

  it('never writes a snippet that breaks the Nix or carries a control character (fuzz)', () => {
    const alphabet = [
      '"',
      '$',
      '{',
      '}',
      '\\',
      "'",
      ' ',
      '\n',
      '\u001b',
      'a',
      '0',
      '-',
      '#',
      '`',
      ';',
      '.',
      '/',
      '${',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = () =>
      Array.from(
        { length: 1 + Math.floor(random() * 8) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
    const sets: SnippetSet[] = [];
    for (let i = 0; i < 150; i++) {
      const repo = hostileRepo(word(), 'https://github.com/a/b', { file: word(), branch: word() });
      sets.push(
        packageSnippets(hostilePackage(repo.name, word()), repo),
        repoSnippets(repo, word()),
      );
    }
    for (const set of sets)
      for (const snippet of set.snippets) expect(stripControl(snippet.code)).toBe(snippet.code);
    expect(sets.some((s) => s.snippets.length > 2)).toBe(true);
    expect(parseAll(sets)).toBeUndefined();
  });
});

describe('hostile repos.json entries', () => {
  const pkg = hostilePackage('evil', 'pkg');

  it('leaves out the repo snippets for unsafe URLs, with the reason, and keeps the rest', () => {
    for (const url of [
      'https://github.com/a/b"; x = 1;',
      'file:///etc',
      'https://user:pass@github.com/a/b',
      'https://github.com/a/b?x=${y}',
      'not a url',
    ]) {
      const set = packageSnippets(pkg, hostileRepo('evil', url));
      expect(set.omitted.map((o) => o.name).sort()).toEqual(['flake-input', 'repo-flake']);
      expect(set.snippets.map((s) => s.name)).toContain('overlay');
      const repoSet = repoSnippets(hostileRepo('evil', url));
      expect(repoSet.omitted.map((o) => o.name).sort()).toEqual(['flake-input', 'import']);
      expect(repoSet.omitted[0]!.reason).toMatch(/URL|not safe|scheme|credentials/);
    }
  });

  it('refuses an unsafe branch and ignores a lock rev that is not a commit hash', () => {
    const branch = packageSnippets(
      pkg,
      hostileRepo('evil', 'https://github.com/a/b', { branch: 'x"; y' }),
    );
    expect(branch.omitted.find((o) => o.name === 'flake-input')?.reason).toMatch(/branch/);
    const rev = repoSnippets(
      hostileRepo('evil', 'https://codeberg.org/a/b', { lockedRev: 'abc"; evil' }),
    );
    const code = rev.snippets.map((s) => s.code).join('\n');
    expect(code).not.toContain('evil"');
    expect(code).not.toContain('rev = ');
    expect(parseAll([rev])).toBeUndefined();
  });

  it('escapes a hostile `file` so the import reads exactly that file', () => {
    const file = 'sub/a${b}"c\\.nix';
    const repo = hostileRepo('evil', 'https://github.com/a/b', { file });
    const snippet = packageSnippets(pkg, repo).snippets.find((s) => s.name === 'flake-input')!;
    expect(nixParseError(snippet.code)).toBeUndefined();
    const standins = writeStandins([pkg]);
    try {
      const dir = flakeDir(standins.root, 'hostile-file', snippet.code);
      const result = spawnSync(
        'nix',
        [
          ...NIX_FLAKES,
          'eval',
          '--json',
          '--override-input',
          'nixpkgs',
          `path:${standins.nixpkgs}`,
          '--override-input',
          repoInputName('evil'),
          `path:${standins.repo('evil', file)}`,
          `path:${dir}#packages.x86_64-linux.pkg.name`,
        ],
        { encoding: 'utf8' },
      );
      expect(result.stderr).not.toMatch(/error/);
      expect(JSON.parse(result.stdout)).toBe('evil.pkg');
    } finally {
      rmSync(standins.root, { recursive: true, force: true });
    }
  });
});
