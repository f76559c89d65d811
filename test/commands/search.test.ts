import { describe, expect, it } from 'vitest';
import {
  searchRun,
  shouldOpenPicker,
  type SearchCommandOptions,
} from '../../src/commands/search.js';
import { UsageError } from '../../src/errors.js';
import type { NurIndex, Package } from '../../src/model.js';
import { displayWidth } from '../../src/term/table.js';
import { testContext, type TestContextOptions } from '../helpers/context.js';
import { fixtureIndex, fixturePackage } from '../helpers/fixtures.js';

async function run(options: Partial<SearchCommandOptions>, ctx: TestContextOptions = {}) {
  const { context, stdout, stderr } = testContext(ctx);
  const code = await searchRun({ query: '', ...options }, context);
  return { code, stdout: stdout(), stderr: stderr() };
}

const ESCAPE_OR_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function hostileIndex(): NurIndex {
  const base = fixturePackage('mic92.goatcounter');
  const hostile: Package = {
    ...base,
    repo: 'evil',
    attr: 'pwn\u001b[2Jed',
    ref: 'evil.pwn\u001b[2Jed',
    attrPath: 'nur.repos.evil.pwn\u001b[2Jed',
    pname: 'hostilepkg',
    version: '1.0\u001b[31m',
    homepage: 'https://x\u0007',
    description:
      '\u001b]0;owned\u0007hostilepkg \u001b[31mred\u001b[0m\nsecond line \u009b2J\u001b]8;;http://evil\u001b\\link',
  };
  const index = fixtureIndex();
  return { ...index, packages: [...index.packages, hostile] };
}

describe('nur search in a pipe', () => {
  it('prints the best match first, one package per line, without headers', async () => {
    const { code, stdout } = await run({ query: 'goatcounter' });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^mic92\.goatcounter\s+\S+\s+Easy web analytics/);
    expect(stdout).not.toContain('PACKAGE');
  });

  it('keeps long descriptions whole in a pipe', async () => {
    const { stdout } = await run({ query: 'exporter' });
    expect(stdout).toContain(fixturePackage('pborzenkov.transmission-exporter').description);
    expect(stdout).not.toContain('…');
  });

  it('marks broken and unavailable packages', async () => {
    const { stdout } = await run({ query: 'nordvpn' });
    expect(stdout).toMatch(/nordvpn .*\[unavailable\]/);
  });

  it('honours --limit and --repo', async () => {
    const limited = await run({ query: 'go', limit: 3 });
    expect(limited.stdout.trimEnd().split('\n')).toHaveLength(3);
    const repo = await run({ query: 'irc', repo: 'mic92', limit: 0 });
    for (const line of repo.stdout.trimEnd().split('\n')) expect(line).toMatch(/^mic92\./);
  });

  it('lists a whole repo with --repo and no query', async () => {
    const { code, stdout } = await run({ query: '', repo: '0komo', limit: 0 });
    expect(code).toBe(0);
    const count = fixtureIndex().packages.filter((p) => p.repo === '0komo').length;
    expect(stdout.trimEnd().split('\n')).toHaveLength(count);
  });

  it('exits 1 with one line on stderr and nothing on stdout when nothing matches', async () => {
    const { code, stdout, stderr } = await run({ query: 'zzqqxxnothing' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('nur: no packages match "zzqqxxnothing"\n');
  });

  it('rejects a malformed query with a usage error (exit 2)', async () => {
    await expect(run({ query: 'repo:' })).rejects.toThrow(UsageError);
    await expect(run({ query: 'go !' })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('rejects a bad limit and an empty query', async () => {
    await expect(run({ query: 'go', limit: -1 })).rejects.toMatchObject({ exitCode: 2 });
    await expect(run({ query: '  ' })).rejects.toMatchObject({ exitCode: 2 });
  });

  it('rejects an empty --repo as a usage error naming the option', async () => {
    for (const repo of ['', '  ']) {
      const error = await run({ query: 'goat', repo }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(2);
      expect((error as UsageError).message).toMatch(/--repo .*empty/);
    }
  });

  it('fails with a hint for a repo that has no packages', async () => {
    await expect(run({ query: 'go', repo: 'no-such-repo' })).rejects.toMatchObject({
      exitCode: 1,
      hint: expect.stringContaining('nur repos'),
    });
  });
});

describe('nur search --json', () => {
  it('prints the documented fields, best first', async () => {
    const { code, stdout } = await run({ query: 'goatcounter', json: true });
    expect(code).toBe(0);
    const hits = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(Object.keys(hits[0]!).sort()).toEqual(
      [
        'ref',
        'attrPath',
        'repo',
        'attr',
        'pname',
        'version',
        'description',
        'homepage',
        'licenses',
        'broken',
        'unfree',
        'available',
        'score',
      ].sort(),
    );
    const pkg = fixturePackage('mic92.goatcounter');
    expect(hits[0]).toMatchObject({
      ref: 'mic92.goatcounter',
      attrPath: 'nur.repos.mic92.goatcounter',
      repo: 'mic92',
      attr: 'goatcounter',
      pname: pkg.pname,
      version: pkg.version,
      broken: false,
      available: true,
    });
    expect(hits[0]!.licenses).toEqual(pkg.licenses.map((l) => l.spdxId ?? l.shortName));
  });

  it('prints attrPath as a Nix attr path, quoting repos that start with a digit', async () => {
    const { stdout } = await run({ query: 'repo:0komo', json: true, limit: 0 });
    const hits = JSON.parse(stdout) as Array<{ ref: string; attrPath: string }>;
    expect(hits.length).toBe(fixtureIndex().packages.filter((p) => p.repo === '0komo').length);
    for (const hit of hits)
      expect(hit.attrPath).toBe(`nur.repos."0komo".${hit.ref.slice('0komo.'.length)}`);
  });

  it('orders by descending score', async () => {
    const hits = JSON.parse(
      (await run({ query: 'exporter', json: true, limit: 0 })).stdout,
    ) as Array<{
      score: number;
    }>;
    for (let i = 1; i < hits.length; i++)
      expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
  });

  it('prints an empty array and exits 1 when nothing matches', async () => {
    const { code, stdout, stderr } = await run({ query: 'zzqqxxnothing', json: true });
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual([]);
    expect(stderr).toBe('');
  });
});

describe('untrusted index text', () => {
  it('never lets escape sequences from the index reach the table', async () => {
    for (const isTTY of [false, true]) {
      const { stdout } = await run(
        { query: 'hostilepkg', plain: true },
        { index: hostileIndex(), isTTY, columns: 100 },
      );
      expect(stdout).toContain('hostilepkg');
      expect(stdout).not.toMatch(ESCAPE_OR_CONTROL);
    }
  });

  it('keeps a hostile description on its own row', async () => {
    const { stdout } = await run({ query: 'hostilepkg' }, { index: hostileIndex() });
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('strips escape sequences from JSON string values so jq -r cannot emit them', async () => {
    const { stdout } = await run({ query: 'hostilepkg', json: true }, { index: hostileIndex() });
    const [hit] = JSON.parse(stdout) as Array<Record<string, unknown>>;
    for (const value of Object.values(hit!))
      if (typeof value === 'string') expect(value).not.toMatch(ESCAPE_OR_CONTROL);
    expect(stdout).not.toMatch(/\\u001b|\\u0007|\\u009b/);
  });

  it('only adds its own colour codes when colour is on', async () => {
    const { stdout } = await run(
      { query: 'hostilepkg', plain: true },
      { index: hostileIndex(), isTTY: true, columns: 100, color: true },
    );
    const withoutOwnSgr = stdout.replace(/\u001b\[\d+m/g, '');
    expect(withoutOwnSgr).not.toMatch(ESCAPE_OR_CONTROL);
    expect(stdout).not.toContain('\u001b[2J');
    expect(stdout).not.toContain('\u001b]');
  });
});

describe('on a terminal with --plain', () => {
  it.each([40, 80, 120])('fits every line into %i columns', async (columns) => {
    const { stdout } = await run({ query: 'exporter', plain: true }, { isTTY: true, columns });
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^PACKAGE\s+VERSION\s+DESCRIPTION/);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
  });

  it('highlights matched characters of the ref only when colour is on', async () => {
    const coloured = await run(
      { query: 'goatcounter', plain: true },
      { isTTY: true, columns: 120, color: true },
    );
    expect(coloured.stdout).toContain('mic92.\u001b[1m\u001b[35mgoatcounter\u001b[39m\u001b[22m');
    const plain = await run({ query: 'goatcounter', plain: true }, { isTTY: true, columns: 120 });
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('says on stderr how many matches the limit hid', async () => {
    const { stderr } = await run({ query: 'go', plain: true, limit: 2 }, { isTTY: true });
    expect(stderr).toMatch(/^2 of \d+ matches shown/);
  });
});

describe('when the picker opens', () => {
  const terminal = { canPrompt: true, canPromptOnStderr: true };
  const captured = { canPrompt: false, canPromptOnStderr: true };
  const pipeline = { canPrompt: false, canPromptOnStderr: false };

  it('opens on a terminal, with or without a query', () => {
    expect(shouldOpenPicker({ query: 'expo' }, terminal)).toBe(true);
    expect(shouldOpenPicker({ query: '' }, terminal)).toBe(true);
  });

  it('stays plain with --plain or --json even on a terminal', () => {
    expect(shouldOpenPicker({ query: 'expo', plain: true }, terminal)).toBe(false);
    expect(shouldOpenPicker({ query: '', json: true }, terminal)).toBe(false);
  });

  it('opens on stderr for `nur show $(nur search)`, where stdout is captured and no query given', () => {
    expect(shouldOpenPicker({ query: ' ' }, captured)).toBe(true);
  });

  it('prints the table when stdout is captured and a query is given', () => {
    expect(shouldOpenPicker({ query: 'exporter' }, captured)).toBe(false);
  });

  it('never opens without a terminal on stdin and stderr (CI, cron, pipes)', () => {
    expect(shouldOpenPicker({ query: '' }, pipeline)).toBe(false);
  });
});
