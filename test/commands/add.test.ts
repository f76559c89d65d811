import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addRun, detectFlake, type AddOptions } from '../../src/commands/add.js';
import { readFlakeFile, writeFlakeFile } from '../../src/commands/flake-edit-io.js';
import { NurError } from '../../src/errors.js';
import { FlakeSyntaxError } from '../../src/flake/parse.js';
import type { NurIndex, Repo } from '../../src/model.js';
import { isolatedHome, runNur } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { fixtureIndex, fixturePath, fixtureRepo } from '../helpers/fixtures.js';

const FLAKE = `{
  description = "test";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  };

  outputs = { self, nixpkgs, ... }: {
    nixosConfigurations.laptop = nixpkgs.lib.nixosSystem {
      modules = [
        ./configuration.nix
      ];
    };
  };
}
`;

function flakeDir(text = FLAKE, mode = 0o644): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nur-add-'));
  const file = join(dir, 'flake.nix');
  writeFileSync(file, text);
  chmodSync(file, mode);
  return { dir, file };
}

function run(
  options: Partial<AddOptions> & { ref: string },
  dir: string,
  index?: NurIndex,
  offline = true,
  env: Record<string, string> = {},
) {
  const t = testContext({
    cwd: dir,
    env: { PATH: process.env.PATH, XDG_CONFIG_HOME: join(dir, '.config'), ...env },
    index,
    globals: { offline },
  });
  return { ...t, result: addRun({ flakeInput: false, ...options }, t.context) };
}

function withRepos(extra: Record<string, Repo>): NurIndex {
  const base = fixtureIndex();
  return { ...base, repos: { ...base.repos, ...extra } };
}

describe('nur add', () => {
  it('writes the input, keeps the file mode and prints a short diff', async () => {
    const { dir, file } = flakeDir(FLAKE, 0o640);
    const { result, stdout } = run({ ref: 'mic92' }, dir);
    expect(await result).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(
      '    nur-mic92.url = "github:Mic92/nur-packages";\n    nur-mic92.flake = false;\n  };\n',
    );
    expect(text).toContain('outputs = { self, nixpkgs, nur-mic92, ... }:');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(stdout()).toContain('+    nur-mic92.flake = false;');
    expect(stdout()).toContain('Added nur-mic92 to flake.nix.');
  });

  it('writes through a symlinked flake.nix to the file it points to, keeping the link', async () => {
    const { dir, file } = flakeDir();
    const dotfiles = join(dir, 'dotfiles');
    mkdirSync(dotfiles);
    const target = join(dotfiles, 'flake.nix');
    writeFileSync(target, FLAKE);
    rmSync(file);
    symlinkSync(target, file);
    const { result } = run({ ref: 'mic92' }, dir);
    expect(await result).toBe(0);
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toContain('nur-mic92.url = "github:Mic92/nur-packages";');
  });

  it('writes nothing on --dry-run and prints a unified diff', async () => {
    const { dir, file } = flakeDir();
    const before = statSync(file).mtimeMs;
    const { result, stdout, stderr } = run({ ref: 'mic92', dryRun: true }, dir);
    expect(await result).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FLAKE);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(stdout()).toMatch(/^--- a\/flake\.nix\n\+\+\+ b\/flake\.nix\n@@ /);
    expect(stdout()).toContain('+    nur-mic92.url = "github:Mic92/nur-packages";');
    expect(stderr()).toContain('dry run: flake.nix was not changed');
  });

  it('says so and changes nothing when the input is already there', async () => {
    const { dir, file } = flakeDir();
    await run({ ref: 'mic92' }, dir).result;
    const once = readFileSync(file, 'utf8');
    const again = run({ ref: 'mic92' }, dir);
    expect(await again.result).toBe(0);
    expect(again.stdout()).toContain('already has nur-mic92');
    expect(readFileSync(file, 'utf8')).toBe(once);
  });

  it('refuses the same name with another URL unless --force', async () => {
    const { dir, file } = flakeDir();
    await run({ ref: 'mic92' }, dir).result;
    const once = readFileSync(file, 'utf8');
    await expect(run({ ref: 'ijohanne', name: 'nur-mic92' }, dir).result).rejects.toThrow(
      /already has an input named nur-mic92 .* url github:Mic92\/nur-packages/,
    );
    expect(readFileSync(file, 'utf8')).toBe(once);
    expect(await run({ ref: 'ijohanne', name: 'nur-mic92', force: true }, dir).result).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      once.replace('"github:Mic92/nur-packages"', '"github:ijohanne/nur-packages"'),
    );
  });

  it('prints only the snippet with --print and needs no flake.nix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nur-add-'));
    const { result, stdout } = run({ ref: 'mic92', print: true, flakeInput: true }, dir);
    expect(await result).toBe(0);
    expect(stdout()).toBe(
      'inputs.nur-mic92.url = "github:Mic92/nur-packages";\ninputs.nur-mic92.inputs.nixpkgs.follows = "nixpkgs";\n# outputs = { self, nixpkgs, nur-mic92, ... }: …\n',
    );
  });

  it('asks for nix flake init when there is no flake.nix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nur-add-'));
    const error = await run({ ref: 'mic92' }, dir).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NurError);
    expect((error as NurError).message).toBe('no flake.nix in the current directory');
    expect((error as NurError).hint).toContain('nix flake init');
  });

  it('refuses a flake.nix with a syntax error, naming line and column, and leaves it alone', async () => {
    const broken = FLAKE.replace('./configuration.nix', './configuration.nix (');
    const { dir, file } = flakeDir(broken);
    // Online, so that without the early check nix would be asked about the repo first.
    const attempt = testContext({
      cwd: dir,
      env: { PATH: process.env.PATH, XDG_CONFIG_HOME: join(dir, '.config') },
    });
    const error = await addRun({ ref: 'mic92' }, attempt.context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlakeSyntaxError);
    expect((error as FlakeSyntaxError).message).toMatch(/^flake\.nix:\d+:\d+: syntax error/);
    expect((error as FlakeSyntaxError).exitCode).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    // The file is checked before nix is asked whether the repo is a flake.
    expect(attempt.stderr()).toBe('');
  });

  it('refuses a read-only flake.nix', async () => {
    const { dir, file } = flakeDir(FLAKE, 0o444);
    await expect(run({ ref: 'mic92' }, dir).result).rejects.toThrow(
      /flake\.nix is read-only; nothing was written/,
    );
    expect(readFileSync(file, 'utf8')).toBe(FLAKE);
  });

  it('refuses to write when the file changed on disk after it was read', async () => {
    const { dir, file } = flakeDir();
    const { context } = testContext({ cwd: dir });
    const read = await readFlakeFile(file, context);
    writeFileSync(file, FLAKE + '# edited meanwhile\n');
    await expect(writeFlakeFile(read, 'x')).rejects.toThrow(/changed on disk/);
    expect(readFileSync(file, 'utf8')).toBe(FLAKE + '# edited meanwhile\n');
  });

  it('suggests close names for a REF that is not in NUR', async () => {
    const { dir } = flakeDir();
    const error = (await run({ ref: 'mic29' }, dir).result.catch((e: unknown) => e)) as NurError;
    expect(error.message).toContain('no package or repo named "mic29"');
    expect(error.hint).toMatch(/Did you mean .*mic92/);
  });

  it('adds owner/repo outside NUR as a GitHub input, with a note', async () => {
    const { dir, file } = flakeDir();
    const { result, stderr } = run({ ref: 'someone/cool-flake', flakeInput: true }, dir);
    expect(await result).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('url = "github:someone/cool-flake";');
    expect(stderr()).toContain('not a NUR repo');
  });

  it('resolves owner/repo through repos.json regardless of case', async () => {
    const { dir, file } = flakeDir();
    expect(await run({ ref: 'MIC92/Nur-Packages' }, dir).result).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('nur-mic92.url = "github:Mic92/nur-packages";');
  });

  it('adds NUR itself with its NixOS module in every host', async () => {
    const { dir, file } = flakeDir();
    expect(await run({ ref: 'nur', flakeInput: undefined, module: true }, dir).result).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(
      '    nur.url = "github:nix-community/NUR";\n    nur.inputs.nixpkgs.follows = "nixpkgs";\n  };',
    );
    expect(text).toContain(
      '        ./configuration.nix\n        nur.modules.nixos.default\n      ];',
    );
  });

  it('pins the rev NUR evaluated with --pin', async () => {
    const { dir, file } = flakeDir();
    const rev = fixtureRepo('mic92').lockedRev!;
    expect(await run({ ref: 'mic92', pin: true }, dir).result).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(`url = "github:Mic92/nur-packages?rev=${rev}";`);
  });

  it('prints how to use a package when given a package ref', async () => {
    const { dir } = flakeDir();
    const { result, stdout } = run({ ref: 'mic92.goatcounter' }, dir);
    expect(await result).toBe(0);
    expect(stdout()).toContain('(import nur-mic92 { inherit pkgs; }).goatcounter');
  });

  it('assumes plain Nix when it cannot ask nix, and says how to switch', async () => {
    const { dir, file } = flakeDir();
    const t = testContext({
      cwd: dir,
      env: { PATH: '/nonexistent', XDG_CONFIG_HOME: join(dir, '.config') },
    });
    expect(await addRun({ ref: 'mic92' }, t.context)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('flake = false;');
    expect(t.stderr()).toMatch(
      /could not check whether it is a flake \(nix is not installed\).*--as-flake/,
    );
  });

  it('never splices hostile repos.json values into the file', async () => {
    const { dir, file } = flakeDir();
    const hostile = withRepos({
      evilurl: {
        name: 'evilurl',
        url: 'https://github.com/a/b";x',
        host: 'github',
        submodules: false,
      },
      'evil\u001b[31mname': {
        name: 'evil\u001b[31mname',
        url: 'https://github.com/a/c',
        host: 'github',
        submodules: false,
      },
      'dollar${x}': {
        name: 'dollar${x}',
        url: 'https://github.com/a/d',
        host: 'github',
        submodules: false,
      },
    });
    await expect(run({ ref: 'evilurl' }, dir, hostile).result).rejects.toThrow(
      /not safe in a flake reference/,
    );
    await expect(run({ ref: 'evil\u001b[31mname' }, dir, hostile).result).rejects.toThrow(
      /control characters/,
    );
    expect(readFileSync(file, 'utf8')).toBe(FLAKE);
    expect(await run({ ref: 'dollar${x}' }, dir, hostile).result).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('nur-dollar-x-.url = "github:a/d";');
  });

  it('refuses an edit nix-instantiate rejects, and says so', async () => {
    // The @-name is already nur-mic92: the grammar allows the duplicate formal, Nix does not.
    const clash = FLAKE.replace('{ self, nixpkgs, ... }:', '{ self, nixpkgs, ... }@nur-mic92:');
    const { dir, file } = flakeDir(clash);
    await expect(run({ ref: 'mic92' }, dir).result).rejects.toThrow(
      /nix-instantiate rejects the edited flake\.nix .*nothing was written/,
    );
    expect(readFileSync(file, 'utf8')).toBe(clash);
  });

  it('blames the file, not the edit, when Nix rejects it already', async () => {
    const broken = FLAKE.replace('./configuration.nix', 'undefinedThing');
    const { dir, file } = flakeDir(broken);
    await expect(run({ ref: 'mic92' }, dir).result).rejects.toThrow(
      /nix-instantiate already rejects flake\.nix \(undefined variable 'undefinedThing'/,
    );
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  it('restores flake.nix when --lock fails', async () => {
    const { dir, file } = flakeDir();
    // Not offline, so nix flake lock runs; a proxy on a closed port makes its downloads fail.
    const closed = 'http://127.0.0.1:9';
    const proxy = { http_proxy: closed, https_proxy: closed, all_proxy: closed };
    const added = run(
      { ref: 'mic92', lock: true, flakeInput: false },
      dir,
      undefined,
      false,
      proxy,
    );
    await expect(added.result).rejects.toThrow(/nix flake lock failed .*flake\.nix was restored/);
    expect(readFileSync(file, 'utf8')).toBe(FLAKE);
  });

  it('refuses --lock with --offline before touching anything', async () => {
    const { dir, file } = flakeDir();
    await expect(run({ ref: 'mic92', lock: true }, dir).result).rejects.toThrow(
      /--lock runs nix flake lock, which downloads the inputs: it cannot run with --offline/,
    );
    expect(readFileSync(file, 'utf8')).toBe(FLAKE);
  });

  it('rejects an input name that is not a Nix identifier', async () => {
    const { dir } = flakeDir();
    await expect(run({ ref: 'mic92', name: '1bad name' }, dir).result).rejects.toThrow(
      /not a valid Nix identifier/,
    );
  });

  it('names the input with the inputPrefix setting', async () => {
    const { dir, file } = flakeDir();
    mkdirSync(join(dir, '.config', 'nur'), { recursive: true });
    writeFileSync(
      join(dir, '.config', 'nur', 'config.json'),
      JSON.stringify({ inputPrefix: 'repo-' }),
    );
    expect(await run({ ref: 'mic92' }, dir).result).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('repo-mic92.url = "github:Mic92/nur-packages";');
  });

  it('keeps CRLF line endings and tabs, and prints a diff without carriage returns', async () => {
    const crlf = FLAKE.replace(/^( +)/gm, (spaces) => '\t'.repeat(spaces.length / 2)).replace(
      /\n/g,
      '\r\n',
    );
    const { dir, file } = flakeDir(crlf);
    const { result, stdout } = run({ ref: 'mic92' }, dir);
    expect(await result).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(
      '\r\n\t\tnur-mic92.url = "github:Mic92/nur-packages";\r\n\t\tnur-mic92.flake = false;\r\n\t};',
    );
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(stdout()).not.toContain('\r');
  });
});

describe('flake detection', () => {
  const ctx = (offline = false) =>
    testContext({ env: { PATH: process.env.PATH }, globals: { offline } }).context;

  it('asks nix and tells a flake from a plain Nix repo', async () => {
    const flake = mkdtempSync(join(tmpdir(), 'nur-detect-'));
    writeFileSync(join(flake, 'flake.nix'), '{ outputs = { self }: { }; }\n');
    const plain = mkdtempSync(join(tmpdir(), 'nur-detect-'));
    writeFileSync(join(plain, 'default.nix'), '{ pkgs }: { }\n');
    expect(await detectFlake(`path:${flake}`, ctx())).toEqual({ isFlake: true });
    expect(await detectFlake(`path:${plain}`, ctx())).toEqual({ isFlake: false });
  });

  it('cannot tell offline or when the source cannot be fetched', async () => {
    expect(await detectFlake('github:Mic92/nur-packages', ctx(true))).toEqual({
      unknown: 'offline',
    });
    expect(await detectFlake('path:/nonexistent/nur-repo', ctx())).toEqual({
      unknown: 'nix could not fetch it',
    });
  });
});

describe('nur add and nur remove through the built CLI', () => {
  const indexEnv = (home: Record<string, string>) => ({
    ...home,
    NUR_REPOS_URL: pathToFileURL(fixturePath('repos.json')).href,
    NUR_LOCK_URL: pathToFileURL(fixturePath('repos.json.lock')).href,
  });
  const indexUrl = ['--index-url', pathToFileURL(fixturePath('packages.json')).href];

  it('adds, reports, and removes again, leaving the original file', async () => {
    const { dir, file } = flakeDir();
    const env = indexEnv(isolatedHome().env);
    const added = await runNur([...indexUrl, 'add', 'mic92', '--no-flake', '--flake', dir], {
      env,
    });
    expect(added.exitCode).toBe(0);
    expect(added.stdout).toContain('Added nur-mic92 to');
    const removed = await runNur([...indexUrl, 'remove', 'nur-mic92', '--flake', file], { env });
    expect(removed.exitCode).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FLAKE);
  });

  it('exits 1 with line and column for a syntax error, and 2 for a bad flag', async () => {
    const { dir } = flakeDir(FLAKE.replace('modules = [', 'modules = [ ('));
    const env = indexEnv(isolatedHome().env);
    const broken = await runNur([...indexUrl, 'add', 'mic92', '--no-flake'], { env, cwd: dir });
    expect(broken.exitCode).toBe(1);
    expect(broken.stderr).toMatch(/^nur: flake\.nix:\d+:\d+: syntax error/);
    const usage = await runNur(['add', 'mic92', '--no-such-flag'], { env, cwd: dir });
    expect(usage.exitCode).toBe(2);
  });
});
