import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { showRun } from '../../src/commands/show.js';
import { summarizePlatforms } from '../../src/term/platforms.js';
import { ExitCode, NurError, UsageError } from '../../src/errors.js';
import type { NurIndex, Package } from '../../src/model.js';
import { PACKAGE_SNIPPET_NAMES, packageSnippets } from '../../src/snippets/package.js';
import { REPO_SNIPPET_NAMES } from '../../src/snippets/repo.js';
import { fixtureHome, runNur } from '../helpers/cli.js';
import { testContext } from '../helpers/context.js';
import { fixtureIndex, fixturePackage, fixtureRepo } from '../helpers/fixtures.js';

// An empty config directory, so the user's own settings never leak into a test.
const emptyConfig = mkdtempSync(join(tmpdir(), 'nur-show-config-'));

async function show(
  ref: string,
  options: { snippet?: string; json?: boolean } = {},
  ctx: Parameters<typeof testContext>[0] = {},
) {
  const t = testContext({ env: { XDG_CONFIG_HOME: emptyConfig }, ...ctx });
  const code = await showRun({ ref, ...options }, t.context);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

describe('nur show PACKAGE', () => {
  it('prints the fields the index has, with the repo and its locked rev', async () => {
    const { code, stdout } = await show('0komo.luakit_2_4');
    const pkg = fixturePackage('0komo.luakit_2_4');
    const repo = fixtureRepo('0komo');
    expect(code).toBe(ExitCode.ok);
    expect(stdout.split('\n')[0]).toBe(`0komo.luakit_2_4 ${pkg.version}`);
    expect(stdout).toContain(pkg.description);
    expect(stdout).toContain('pkgs.nur.repos."0komo".luakit_2_4');
    expect(stdout).toContain(pkg.homepage);
    expect(stdout).toMatch(new RegExp(`main program\\s+${pkg.mainProgram}`));
    expect(stdout).toContain(pkg.position);
    expect(stdout).toContain(repo.url);
    expect(stdout).toContain(repo.lockedRev!);
    expect(stdout).toMatch(/platforms\s+linux \(x86_64, aarch64/);
    // The long description keeps its lines, indented.
    const firstLongLine = pkg.longDescription.split('\n')[0]!.trim();
    expect(stdout).toContain(`  ${firstLongLine}`);
  });

  it('prints every snippet under a heading with its name', async () => {
    const { stdout } = await show('mic92.goatcounter');
    const pkg = fixturePackage('mic92.goatcounter');
    const set = packageSnippets(pkg, fixtureRepo('mic92'));
    for (const snippet of set.snippets) {
      expect(stdout).toContain(`── ${snippet.name}: ${snippet.title}\n${snippet.code}\n`);
    }
    expect(stdout).toContain('--snippet overlay');
  });

  it('accepts the ref forms users paste', async () => {
    const expected = (await show('0komo.luakit_2_4')).stdout;
    for (const ref of [
      'nur.repos.0komo.luakit_2_4',
      'pkgs.nur.repos."0komo".luakit_2_4',
      'github:nix-community/NUR#repos.0komo.luakit_2_4',
      ' 0KOMO.LUAKIT_2_4 ',
    ])
      expect((await show(ref)).stdout, ref).toBe(expected);
  });

  it('shows a nested attr and a package name that only one repo has', async () => {
    expect((await show('jomik.androidsdk.platform23')).stdout).toContain(
      'pkgs.nur.repos.jomik.androidsdk.platform23',
    );
    expect((await show('goatcounter')).stdout.split('\n')[0]).toMatch(/^mic92\.goatcounter /);
  });

  it('marks broken, unfree and unavailable packages', async () => {
    const broken = (await show('12Boti.examdown')).stdout;
    expect(broken.split('\n')[0]).toMatch(/\[broken/);
    expect(broken).toMatch(/status\s+broken/);
    expect((await show('12Boti.nsight-graphics')).stdout).toMatch(/status\s+.*unfree/);
  });

  it('says when the repo is gone from repos.json and why the repo snippets are missing', async () => {
    const { stdout } = await show('cransom.plater');
    expect(stdout).toMatch(/repo\s+cransom \(not listed in repos\.json\)/);
    expect(stdout).toMatch(/── flake-input: not available: repo cransom is not listed/);
    expect(stdout).toContain("not in NUR's repos.json any more");
  });

  it('colours only when the context says so', async () => {
    expect((await show('mic92.goatcounter')).stdout).not.toContain('\u001b');
    const coloured = (await show('mic92.goatcounter', {}, { isTTY: true, color: true })).stdout;
    expect(coloured).toContain('\u001b[1mmic92.goatcounter\u001b[22m');
  });
});

describe('nur show --snippet', () => {
  it('prints exactly one snippet, raw, with a final newline', async () => {
    const pkg = fixturePackage('mic92.goatcounter');
    const set = packageSnippets(pkg, fixtureRepo('mic92'));
    for (const name of PACKAGE_SNIPPET_NAMES) {
      const { code, stdout } = await show('mic92.goatcounter', { snippet: name });
      expect(code).toBe(ExitCode.ok);
      expect(stdout).toBe(`${set.snippets.find((s) => s.name === name)!.code}\n`);
    }
  });

  it('rejects an unknown name with a usage error listing the names', async () => {
    const error = await show('mic92.goatcounter', { snippet: 'flake' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(ExitCode.usage);
    expect((error as UsageError).hint).toBe(`Snippets: ${PACKAGE_SNIPPET_NAMES.join(', ')}.`);
  });

  it('fails with the reason when that snippet cannot be written for this package', async () => {
    const error = await show('cransom.plater', { snippet: 'flake-input' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NurError);
    expect((error as NurError).exitCode).toBe(ExitCode.failure);
    expect((error as NurError).message).toMatch(/not listed in NUR's repos\.json/);
  });

  it('prints a repo snippet for a repo ref', async () => {
    const { stdout } = await show('AndrewKvalheim', { snippet: 'import' });
    expect(stdout).toContain('import "${src}/nur.nix" { inherit pkgs; }');
    expect(stdout.startsWith('#')).toBe(true);
  });

  it('names the input with the inputPrefix setting, as nur add does', async () => {
    const config = mkdtempSync(join(tmpdir(), 'nur-show-prefix-'));
    mkdirSync(join(config, 'nur'));
    writeFileSync(join(config, 'nur', 'config.json'), JSON.stringify({ inputPrefix: 'u-' }));
    const { stdout } = await show(
      'mic92.goatcounter',
      { snippet: 'flake-input' },
      { env: { XDG_CONFIG_HOME: config } },
    );
    expect(stdout).toContain('u-mic92 = import inputs.u-mic92 { inherit pkgs; };');
    expect(stdout).not.toContain('nur-mic92');
  });

  it('cannot be combined with --json', async () => {
    await expect(show('mic92.goatcounter', { snippet: 'attr', json: true })).rejects.toThrow(
      UsageError,
    );
  });
});

describe('nur show --json', () => {
  it('gives the package, its repo and every snippet keyed by name', async () => {
    const { stdout } = await show('mic92.goatcounter', { json: true });
    const json = JSON.parse(stdout);
    const pkg = fixturePackage('mic92.goatcounter');
    expect(json.kind).toBe('package');
    expect(json.package).toMatchObject({
      ref: pkg.ref,
      attrPath: pkg.attrPath,
      version: pkg.version,
      licenses: pkg.licenses,
      platforms: pkg.platforms,
    });
    expect(json.package.platformsSummary).toMatch(/^linux \(/);
    expect(json.repo).toMatchObject({
      name: 'mic92',
      url: 'https://github.com/Mic92/nur-packages',
      flakeUrl: 'github:Mic92/nur-packages',
      lockedRev: fixtureRepo('mic92').lockedRev,
      listed: true,
    });
    expect(json.repo.lockedFlakeUrl).toBe(
      `github:Mic92/nur-packages?rev=${fixtureRepo('mic92').lockedRev}`,
    );
    expect(Object.keys(json.snippets)).toEqual([...PACKAGE_SNIPPET_NAMES]);
    expect(json.snippets.attr).toEqual({
      title: expect.any(String),
      language: 'nix',
      code: 'pkgs.nur.repos.mic92.goatcounter',
    });
    expect(json.omittedSnippets).toEqual({});
  });

  it('gives a missing repo as null and the omitted snippets with reasons', async () => {
    const json = JSON.parse((await show('cransom.plater', { json: true })).stdout);
    expect(json.repo).toBeNull();
    expect(Object.keys(json.omittedSnippets).sort()).toEqual(['flake-input', 'repo-flake']);
    const repoJson = JSON.parse((await show('cransom', { json: true })).stdout);
    expect(repoJson.repo).toMatchObject({
      name: 'cransom',
      listed: false,
      host: null,
      flakeUrl: null,
    });
    expect(Object.keys(repoJson.omittedSnippets).sort()).toEqual(['flake-input', 'import']);
  });

  it('gives a repo with its packages and repo snippets', async () => {
    const json = JSON.parse((await show('0komo', { json: true })).stdout);
    const packages = fixtureIndex().packages.filter((p) => p.repo === '0komo');
    expect(json.kind).toBe('repo');
    expect(json.repo.name).toBe('0komo');
    expect(json.packages.map((p: Package) => p.ref)).toEqual(packages.map((p) => p.ref));
    expect(Object.keys(json.snippets)).toEqual([...REPO_SNIPPET_NAMES]);
  });

  it('gives attrPath as a Nix attr path that nur show takes back', async () => {
    const repo = JSON.parse((await show('0komo', { json: true })).stdout);
    for (const listed of repo.packages as Array<{ ref: string; attrPath: string }>) {
      expect(listed.attrPath).toBe(`nur.repos."0komo".${listed.ref.slice('0komo.'.length)}`);
      const again = JSON.parse((await show(listed.attrPath, { json: true })).stdout);
      expect(again.package.ref).toBe(listed.ref);
      expect(again.package.attrPath).toBe(listed.attrPath);
    }
  });
});

describe('nur show REPO', () => {
  it('lists the repo, its packages and its snippets', async () => {
    const { stdout } = await show('0komo');
    const repo = fixtureRepo('0komo');
    expect(stdout.split('\n')[0]).toBe('0komo (NUR repo)');
    expect(stdout).toContain(repo.url);
    expect(stdout).toMatch(/flake url\s+github:0komo\/nurpkgs/);
    for (const pkg of fixtureIndex().packages.filter((p) => p.repo === '0komo'))
      expect(stdout).toContain(pkg.ref);
    expect(stdout).toContain('── flake-input:');
    expect(stdout).toContain('pkgs.nur.repos."0komo"');
  });

  it('finds a repo by its source URL', async () => {
    const { stdout } = await show('https://github.com/Mic92/nur-packages');
    expect(stdout.split('\n')[0]).toBe('mic92 (NUR repo)');
  });
});

describe('nur show with an unknown REF', () => {
  it('fails with exit 1 and up to three closest matches', async () => {
    const error = (await show('mic92.goatcountr').catch((e: unknown) => e)) as NurError;
    expect(error).toBeInstanceOf(NurError);
    expect(error.exitCode).toBe(ExitCode.failure);
    expect(error.message).toBe('no package or repo named "mic92.goatcountr" in the NUR index');
    expect(error.hint).toMatch(/^Did you mean mic92\.goatcounter(, [^,]+){0,2}\?$/);
  });

  it('suggests repos for a mistyped repo name', async () => {
    const error = (await show('ijohane').catch((e: unknown) => e)) as NurError;
    expect(error.hint).toContain('ijohanne');
  });

  it('points to search when nothing is close', async () => {
    const error = (await show('zzzzqqqqxxxx').catch((e: unknown) => e)) as NurError;
    expect(error.hint).toBe('Search for it: nur search zzzzqqqqxxxx');
  });

  it('rejects an empty REF as a usage error', async () => {
    await expect(show('  ')).rejects.toThrow(UsageError);
  });

  it('calls a package name several repos have ambiguous and lists them', async () => {
    const candidates = fixtureIndex()
      .packages.filter((p) => p.attr === 'hello-nur')
      .map((p) => p.ref);
    expect(candidates.length).toBeGreaterThan(1);
    const error = (await show('hello-nur').catch((e: unknown) => e)) as NurError;
    expect(error).toBeInstanceOf(NurError);
    expect(error.exitCode).toBe(ExitCode.failure);
    expect(error.message).toBe(
      `"hello-nur" is ambiguous: ${candidates.length} NUR repos have a package of that name`,
    );
    for (const ref of candidates) expect(error.hint).toContain(ref);
  });

  it('rejects a REF with no name in it, before reading the index', async () => {
    const { context } = testContext({ env: { XDG_CONFIG_HOME: emptyConfig } });
    context.loadIndex = () => Promise.reject(new Error('the index must not be read'));
    for (const ref of ['.', '...', 'nur.repos.', 'pkgs.nur.repos.', '""']) {
      const error = (await showRun({ ref }, context).catch((e: unknown) => e)) as UsageError;
      expect(error).toBeInstanceOf(UsageError);
      expect(error.message).toBe(`${JSON.stringify(ref)} names no package or repo`);
      expect(error.hint).not.toMatch(/nur search\s*$/);
    }
  });

  it('points to search with the last name of a dotted REF, quoted for the shell', async () => {
    const dotted = (await show('nur.repos.zzqq.xxnothing').catch((e: unknown) => e)) as NurError;
    expect(dotted.hint).toBe('Search for it: nur search xxnothing');
    const spaced = (await show('zzqq xx nothing').catch((e: unknown) => e)) as NurError;
    expect(spaced.hint).toBe("Search for it: nur search 'zzqq xx nothing'");
  });
});

describe('untrusted index text', () => {
  const ESC = '\u001b';
  const hostileIndex = (): NurIndex => {
    const base = fixturePackage('mic92.goatcounter');
    const pkg: Package = {
      ...base,
      repo: 'evil',
      attr: 'pkg',
      ref: 'evil.pkg',
      attrPath: 'nur.repos.evil.pkg',
      version: `1.0${ESC}[2J`,
      description: `nice\n${ESC}]52;c;cm0gLXJmIH4=\u0007 tool \u009b31m red`,
      longDescription: `line one\n${ESC}[31mred\u202e line`,
      homepage: `https://example.org/${ESC}]8;;https://evil\u0007x`,
      mainProgram: `run${ESC}c`,
      maintainers: [{ name: `Mallory${ESC}[5m`, github: 'mallory\u0007' }],
      licenses: [{ spdxId: `MIT${ESC}[0m` }],
      platforms: [`x86_64-linux${ESC}[1m`],
      position: `https://github.com/x\r\ny`,
    };
    return {
      packages: [pkg],
      repos: {
        evil: {
          name: 'evil',
          url: 'https://github.com/evil/nur"; x = 1;',
          host: 'github',
          submodules: false,
          lockedRev: `abc${ESC}[2J`,
          githubContact: `mallory${ESC}[1m`,
        },
      },
      meta: fixtureIndex().meta,
    };
  };

  it('never reaches the terminal raw in the text view', async () => {
    for (const ref of ['evil.pkg', 'evil']) {
      const { stdout } = await show(ref, {}, { index: hostileIndex() });
      expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(stdout).toContain('nice');
    }
  });

  it('is escaped in JSON yet round-trips to the original values', async () => {
    const { stdout } = await show('evil.pkg', { json: true }, { index: hostileIndex() });
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const json = JSON.parse(stdout);
    expect(json.package.description).toBe(hostileIndex().packages[0]!.description);
    expect(json.repo.flakeUrl).toBeNull();
    expect(Object.keys(json.omittedSnippets).sort()).toEqual(['flake-input', 'repo-flake']);
  });
});

describe('summarizePlatforms', () => {
  it('groups systems by OS, common ones first', () => {
    expect(
      summarizePlatforms(['aarch64-darwin', 'x86_64-linux', 'aarch64-linux', 'x86_64-darwin']),
    ).toBe('linux (x86_64, aarch64), darwin (x86_64, aarch64)');
  });

  it('shortens long lists', () => {
    const summary = summarizePlatforms(fixturePackage('mic92.goatcounter').platforms);
    expect(summary).toMatch(/^linux \(x86_64, aarch64, \+\d+ more\), darwin \(x86_64, aarch64\)/);
    expect(summary).toMatch(/\+\d+ more$/);
    expect(summarizePlatforms([])).toBe('');
  });
});

describe('nur show in the built CLI', () => {
  const env = () => fixtureHome().env;

  it('prints one snippet for a pipe and exits 0', async () => {
    const result = await runNur(
      ['show', 'pkgs.nur.repos."0komo".luakit_2_4', '--snippet', 'nix-run'],
      {
        env: env(),
      },
    );
    expect(result.exitCode).toBe(ExitCode.ok);
    expect(result.stdout).toBe("nix run 'github:nix-community/NUR#repos.0komo.luakit_2_4'");
  });

  it('prints the error and the closest matches on stderr and exits 1', async () => {
    const result = await runNur(['show', 'mic92.goatcountr'], { env: env() });
    expect(result.exitCode).toBe(ExitCode.failure);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'nur: no package or repo named "mic92.goatcountr" in the NUR index',
    );
    expect(result.stderr).toMatch(/^Did you mean mic92\.goatcounter/m);
  });

  it('exits 2 for an unknown snippet name', async () => {
    const result = await runNur(['show', 'mic92.goatcounter', '--snippet', 'nope'], { env: env() });
    expect(result.exitCode).toBe(ExitCode.usage);
    expect(result.stderr).toMatch(/unknown snippet "nope"\nSnippets: overlay, /);
  });
});
