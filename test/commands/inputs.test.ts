import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inputsRun } from '../../src/commands/inputs.js';
import { NurError } from '../../src/errors.js';
import { fixtureHome, runNur } from '../helpers/cli.js';
import { fixtureRepo } from '../helpers/fixtures.js';
import { testContext, type TestContextOptions } from '../helpers/context.js';
import { corpusPath } from '../flake/corpus/manifest.js';

const mic92Rev = fixtureRepo('mic92').lockedRev!;
const ryceeRev = fixtureRepo('rycee').lockedRev!;
const OTHER_REV = '0123456789abcdef0123456789abcdef01234567';

function flakeDir(corpusFile: string, lock?: object): string {
  const dir = mkdtempSync(join(tmpdir(), 'nur-inputs-'));
  copyFileSync(corpusPath(corpusFile), join(dir, 'flake.nix'));
  if (lock) writeFileSync(join(dir, 'flake.lock'), JSON.stringify(lock, null, 2));
  return dir;
}

const githubNode = (owner: string, repo: string, rev: string) => ({
  locked: { lastModified: 1, narHash: 'sha256-x', owner, repo, rev, type: 'github' },
  original: { owner, repo, type: 'github' },
});

/** A lock for corpus 33 (nixpkgs + nur-mic92 with follows), nur-mic92 pinned at `rev`. */
const mic92Lock = (rev: string) => ({
  nodes: {
    nixpkgs: githubNode('NixOS', 'nixpkgs', OTHER_REV),
    'nur-mic92': { ...githubNode('Mic92', 'nur-packages', rev), inputs: { nixpkgs: ['nixpkgs'] } },
    root: { inputs: { nixpkgs: 'nixpkgs', 'nur-mic92': 'nur-mic92' } },
  },
  root: 'root',
  version: 7,
});

async function run(
  options: { flake?: string; json?: boolean },
  contextOptions: TestContextOptions,
) {
  const t = testContext(contextOptions);
  const code = await inputsRun(options, t.context);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

describe('nur inputs', () => {
  it('says when the inputs come from an expression it cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nur-inputs-'));
    writeFileSync(
      join(dir, 'flake.nix'),
      '{\n  inputs = import ./inputs.nix;\n  outputs = _: { };\n}\n',
    );
    const { code, stderr } = await run({}, { cwd: dir });
    expect(code).toBe(1);
    expect(stderr).toBe(
      'nur: flake.nix sets its inputs with an expression nur cannot read (line 2: inputs = import ./inputs.nix;)\n',
    );
  });

  it('lists every input with its URL, marking NUR repos, one line each in a pipe', async () => {
    const dir = flakeDir('45-nur-repos-other-hosts.nix');
    const { code, stdout } = await run({}, { cwd: dir });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s+/).slice(0, 3))).toEqual([
      ['nixpkgs', 'github:NixOS/nixpkgs/nixos-unstable', '-'],
      ['nur-rycee', 'gitlab:rycee/nur-expressions', 'rycee'],
      ['nur-aasg', 'sourcehut:~aasg/nixexprs', 'aasg'],
      ['nur-immae', 'git+https://git.immae.eu/perso/Immae/Config/Nix/NUR.git', 'immae'],
    ]);
    // Whole revs in a pipe, for scripts.
    expect(lines[1]).toContain(ryceeRev);
  });

  it('says "up to date" when flake.lock pins the rev NUR evaluated', async () => {
    const dir = flakeDir('33-has-nur-mic92.nix', mic92Lock(mic92Rev));
    const { code, stdout, stderr } = await run({ json: true }, { cwd: dir });
    expect(code).toBe(0);
    const reports = JSON.parse(stdout) as Record<string, unknown>[];
    expect(reports[1]).toEqual({
      name: 'nur-mic92',
      url: 'github:Mic92/nur-packages',
      follows: null,
      nurRepo: 'mic92',
      lockedRev: mic92Rev,
      nurRev: mic92Rev,
      status: 'up to date',
    });
    expect(stderr).toBe('');
  });

  it('says "behind" when the revs differ, and how to update', async () => {
    const dir = flakeDir('33-has-nur-mic92.nix', mic92Lock(OTHER_REV));
    const { stdout, stderr } = await run({ json: true }, { cwd: dir });
    const reports = JSON.parse(stdout) as { name: string; status: string | null }[];
    expect(reports.map((r) => [r.name, r.status])).toEqual([
      ['nixpkgs', null],
      ['nur-mic92', 'behind'],
    ]);
    expect(stderr).toContain('nix flake lock --update-input nur-mic92');
  });

  it('keeps the JSON field names stable for every input', async () => {
    const dir = flakeDir('05-follows-only.nix');
    const { stdout } = await run({ json: true }, { cwd: dir });
    const reports = JSON.parse(stdout) as Record<string, unknown>[];
    expect(reports.length).toBe(4);
    for (const report of reports)
      expect(Object.keys(report)).toEqual([
        'name',
        'url',
        'follows',
        'nurRepo',
        'lockedRev',
        'nurRev',
        'status',
      ]);
    expect(reports.find((r) => r.name === 'systems')).toMatchObject({
      url: null,
      follows: 'flake-utils/systems',
    });
  });

  it('marks NUR inputs "not locked" without a flake.lock and says to run nix flake lock', async () => {
    const dir = flakeDir('45-nur-repos-other-hosts.nix');
    const { code, stdout, stderr } = await run({ json: true }, { cwd: dir });
    expect(code).toBe(0);
    const statuses = (JSON.parse(stdout) as { nurRepo: string | null; status: string }[])
      .filter((r) => r.nurRepo)
      .map((r) => r.status);
    expect(statuses).toEqual(['not locked', 'not locked', 'not locked']);
    expect(stderr).toMatch(/no flake\.lock .*`nix flake lock`/);
  });

  it('says to lock inputs that flake.lock does not have yet', async () => {
    const lock = mic92Lock(mic92Rev);
    delete (lock.nodes.root.inputs as Record<string, string>)['nur-mic92'];
    const dir = flakeDir('33-has-nur-mic92.nix', lock);
    const { stdout, stderr } = await run({}, { cwd: dir });
    expect(stdout).toMatch(/nur-mic92 .*not locked/);
    expect(stderr).toContain('run `nix flake lock`');
  });

  it('prints a table with headers and short revs on a terminal', async () => {
    const dir = flakeDir('33-has-nur-mic92.nix', mic92Lock(OTHER_REV));
    const { stdout } = await run({}, { cwd: dir, isTTY: true, columns: 120 });
    const [header, , mic92] = stdout.split('\n');
    expect(header).toMatch(/^INPUT\s+URL\s+NUR REPO\s+LOCKED\s+NUR REV\s+STATUS$/);
    expect(mic92).toContain(mic92Rev.slice(0, 7));
    expect(mic92).not.toContain(mic92Rev);
    expect(mic92).toMatch(/behind$/);
  });

  it('fits the table to a narrow terminal by shortening URLs', async () => {
    const dir = flakeDir('45-nur-repos-other-hosts.nix');
    const { stdout } = await run({}, { cwd: dir, isTTY: true, columns: 80 });
    const { default: stringWidth } = await import('string-width');
    for (const line of stdout.trimEnd().split('\n'))
      expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(stdout).toContain('…');
  });

  it('finds flake.nix through --flake as a directory or as the file, relative to cwd', async () => {
    const dir = flakeDir('33-has-nur-mic92.nix', mic92Lock(mic92Rev));
    const parent = join(dir, '..');
    const name = dir.slice(parent.length + 1);
    const viaDir = await run({ flake: name, json: true }, { cwd: parent });
    const viaFile = await run({ flake: join(dir, 'flake.nix'), json: true }, { cwd: '/' });
    expect(JSON.parse(viaDir.stdout)[1].status).toBe('up to date');
    expect(viaFile.stdout).toBe(viaDir.stdout);
  });

  it('lists inputs in the file order for flat, block and mixed layouts', async () => {
    const dir = flakeDir('37-mixed-flat-and-block.nix');
    const { stdout } = await run({ json: true }, { cwd: dir });
    expect((JSON.parse(stdout) as { name: string }[]).map((r) => r.name)).toEqual([
      'nixpkgs',
      'flake-utils',
      'devshell',
    ]);
  });

  it('fails with a hint to run nix flake init when there is no flake.nix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nur-inputs-empty-'));
    const error = await run({}, { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NurError);
    expect((error as NurError).message).toBe('no flake.nix in the current directory');
    expect((error as NurError).hint).toContain('nix flake init');
    expect((error as NurError).exitCode).toBe(1);
    const missing = await run({ flake: 'nowhere' }, { cwd: dir }).catch((e: unknown) => e);
    expect((missing as NurError).message).toBe('no flake.nix at nowhere/flake.nix');
    const outside = await run({ flake: '/nonexistent/dir' }, { cwd: dir }).catch((e: unknown) => e);
    expect((outside as NurError).message).toBe('no flake.nix at /nonexistent/dir/flake.nix');
  });

  it('fails on a syntax error with the line and column, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nur-inputs-bad-'));
    writeFileSync(
      join(dir, 'flake.nix'),
      '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  outputs = { self }: {\n}\n',
    );
    const error = await run({}, { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NurError);
    expect((error as NurError).message).toMatch(/^flake\.nix:\d+:\d+: syntax error/);
    expect((error as NurError).exitCode).toBe(1);
  });

  it('fails on a broken flake.lock, naming it', async () => {
    const dir = flakeDir('02-minimal-flat.nix');
    writeFileSync(join(dir, 'flake.lock'), '{"nodes": {');
    const error = await run({}, { cwd: dir }).catch((e: unknown) => e);
    expect((error as NurError).message).toMatch(/^flake\.lock is not valid JSON/);
  });

  it('exits 1 and says so when the flake declares no inputs', async () => {
    const dir = flakeDir('01-no-inputs.nix');
    const { code, stdout, stderr } = await run({}, { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('declares no inputs');
    const json = await run({ json: true }, { cwd: dir });
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('still lists the inputs, unmarked, when the index cannot be loaded', async () => {
    const dir = flakeDir('33-has-nur-mic92.nix');
    const t = testContext({ cwd: dir });
    t.context.loadIndex = () => Promise.reject(new NurError('no cached index and --offline'));
    const code = await inputsRun({ json: true }, t.context);
    expect(code).toBe(0);
    expect(
      (JSON.parse(t.stdout()) as { nurRepo: unknown }[]).every((r) => r.nurRepo === null),
    ).toBe(true);
    expect(t.stderr()).toContain('cannot load the NUR index (no cached index and --offline)');
  });

  it('never prints control characters from flake.nix to the terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nur-inputs-hostile-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(
      join(dir, 'sub', 'flake.nix'),
      '{\n  inputs.evil.url = "github:o/r\u001b]0;owned\u0007\u001b[2J";\n  outputs = { self, evil }: { };\n}\n',
    );
    const { stdout } = await run({ flake: 'sub' }, { cwd: dir, isTTY: true });
    expect(stdout).toContain('evil');
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

describe('nur inputs in the built CLI', () => {
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ env } = fixtureHome());
    const update = await runNur(['update'], { env });
    expect(update.exitCode).toBe(0);
  });

  it('compares a NUR input with the cached index, offline', async () => {
    const dir = flakeDir('33-has-nur-mic92.nix', mic92Lock(OTHER_REV));
    const result = await runNur(['--offline', 'inputs', '--json'], { env, cwd: dir });
    expect(result.exitCode).toBe(0);
    const reports = JSON.parse(result.stdout) as { name: string; status: string | null }[];
    expect(reports.find((r) => r.name === 'nur-mic92')?.status).toBe('behind');
  });

  it('prints a syntax error with line and column and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nur-inputs-cli-'));
    writeFileSync(
      join(dir, 'flake.nix'),
      '{\n  inputs.x.url = "github:o/r"\n  outputs = _: { };\n}\n',
    );
    const result = await runNur(['--offline', 'inputs'], { env, cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^nur: flake\.nix:\d+:\d+: syntax error/);
    expect(result.stdout).toBe('');
  });

  it('tells how to create a flake when there is none, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nur-inputs-cli-'));
    const result = await runNur(['--offline', 'inputs'], { env, cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('nur: no flake.nix in the current directory');
    expect(result.stderr).toContain('nix flake init');
  });
});
