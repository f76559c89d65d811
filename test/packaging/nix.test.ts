// The project's own Nix files: real `nix-instantiate --parse`, and real evaluation against small
// stand-ins for nixpkgs (none is available offline), so the wiring flake → nix/package.nix →
// buildNpmPackage is checked, not only the syntax.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { nixEval, nixParseFileError } from '../helpers/nix.js';

const NIX_FILES = ['flake.nix', 'default.nix', 'nix/package.nix', 'nix/lock-with-resolved.nix'];

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  description: string;
};
const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; integrity?: string; name?: string }>;
};

/** Evaluates a Nix expression to JSON with the real evaluator, from the project root. */
function evalJson(expression: string): unknown {
  const output = execFileSync(
    'nix-instantiate',
    ['--eval', '--strict', '--json', '-E', expression],
    { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(output);
}

/**
 * What nix/package.nix is called with: just enough of nixpkgs' lib, and a buildNpmPackage that
 * returns its arguments so the test can look at them.
 */
const STAND_IN_ARGS = `{
  lib = {
    importJSON = path: builtins.fromJSON (builtins.readFile path);
    fileset = { toSource = { root, fileset }: { inherit root fileset; }; unions = list: list; };
    optionalString = cond: text: if cond then text else "";
    licenses.mit = "mit";
    platforms.all = [ "x86_64-linux" ];
  };
  stdenv = { buildPlatform.canExecute = _: true; hostPlatform = { }; };
  buildNpmPackage = args: args // { outPath = "/nix/store/00000000000000000000000000000000-\${args.pname}"; };
  importNpmLock = { __functor = _: args: { importNpmLockArgs = args; }; npmConfigHook = "importNpmLock-hook"; };
  installShellFiles = "installShellFiles";
}`;

describe('the Nix files', () => {
  it.each(NIX_FILES)('%s parses with the real Nix parser', (file) => {
    expect(nixParseFileError(join(PROJECT_ROOT, file))).toBeUndefined();
  });

  it("takes nixpkgs as the flake's only input and passes it to outputs", () => {
    expect(evalJson('(import ./flake.nix).inputs')).toEqual({
      nixpkgs: { url: 'github:NixOS/nixpkgs/nixos-unstable' },
    });
    expect(evalJson('builtins.functionArgs (import ./flake.nix).outputs')).toEqual({
      nixpkgs: false,
      self: false,
    });
  });

  it('lets default.nix take pkgs, defaulting to <nixpkgs>', () => {
    expect(evalJson('builtins.functionArgs (import ./default.nix)')).toEqual({ pkgs: true });
  });
});

describe('nix/lock-with-resolved.nix', () => {
  const resolvedOf = (lockJson: string) =>
    evalJson(
      `builtins.mapAttrs (_: p: p.resolved or null) (import ./nix/lock-with-resolved.nix (builtins.fromJSON ${JSON.stringify(lockJson)})).packages`,
    ) as Record<string, string | null>;

  it('gives every package of the real lock file its registry tarball URL, from its name and version', () => {
    const resolved = resolvedOf(JSON.stringify(lock));
    const entries = Object.entries(lock.packages).filter(([path]) => path !== '');
    expect(entries.length).toBeGreaterThan(100);
    for (const [path, entry] of entries) {
      const name =
        entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      const file = `${name.split('/').pop()}-${entry.version}.tgz`;
      expect(resolved[path], path).toBe(`https://registry.npmjs.org/${name}/-/${file}`);
    }
    expect(resolved['']).toBeNull();
  });

  it('keeps URLs already resolved, links, aliases and entries without integrity as npm wrote them', () => {
    const handMade = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'x' },
        'node_modules/a': {
          version: '1.0.0',
          resolved: 'https://example.org/a.tgz',
          integrity: 'sha512-a',
        },
        'node_modules/b': { resolved: 'packages/b', link: true },
        'node_modules/c': { version: '1.0.0' },
        'node_modules/string-width-cjs': {
          name: 'string-width',
          version: '4.2.3',
          integrity: 'sha512-s',
        },
        'node_modules/x/node_modules/@scope/y': { version: '2.0.0', integrity: 'sha512-y' },
      },
    };
    expect(resolvedOf(JSON.stringify(handMade))).toEqual({
      '': null,
      'node_modules/a': 'https://example.org/a.tgz',
      'node_modules/b': 'packages/b',
      'node_modules/c': null,
      'node_modules/string-width-cjs':
        'https://registry.npmjs.org/string-width/-/string-width-4.2.3.tgz',
      'node_modules/x/node_modules/@scope/y': 'https://registry.npmjs.org/@scope/y/-/y-2.0.0.tgz',
    });
  });
});

describe('nix/package.nix', () => {
  const packageArgs = () =>
    evalJson(
      `let p = import ./nix/package.nix ${STAND_IN_ARGS}; in {
        inherit (p) pname version postInstall meta npmConfigHook nativeBuildInputs;
        files = map toString p.src.fileset;
        commander = p.npmDeps.importNpmLockArgs.packageLock.packages."node_modules/commander";
        packageName = p.npmDeps.importNpmLockArgs.package.name;
      }`,
    ) as {
      pname: string;
      version: string;
      postInstall: string;
      meta: { mainProgram: string; description: string; license: string };
      npmConfigHook: string;
      nativeBuildInputs: string[];
      files: string[];
      commander: { resolved: string; integrity: string };
      packageName: string;
    };

  it('builds the package named and versioned as in package.json', () => {
    const args = packageArgs();
    expect(args.pname).toBe(manifest.name);
    expect(args.version).toBe(manifest.version);
    expect(args.meta.description).toBe(manifest.description);
    expect(args.meta.mainProgram).toBe('nur');
  });

  it('fetches dependencies through importNpmLock from the lock with resolved URLs', () => {
    const args = packageArgs();
    expect(args.npmConfigHook).toBe('importNpmLock-hook');
    expect(args.packageName).toBe(manifest.name);
    expect(args.commander.resolved).toMatch(
      /^https:\/\/registry\.npmjs\.org\/commander\/-\/commander-/,
    );
    expect(args.commander.integrity).toBe(lock.packages['node_modules/commander']!.integrity);
  });

  it('installs bash, zsh and fish completions generated by the built CLI', () => {
    const args = packageArgs();
    expect(args.nativeBuildInputs).toContain('installShellFiles');
    expect(args.postInstall).toContain('installShellCompletion --cmd nur');
    for (const shell of ['bash', 'zsh', 'fish'])
      expect(args.postInstall).toContain(`--${shell} <($out/bin/nur completion ${shell})`);
  });

  it('builds from the sources the build reads and nothing else', () => {
    const files = packageArgs()
      .files.map((file) => file.slice(PROJECT_ROOT.length + 1))
      .sort();
    expect(files).toEqual(
      [
        'LICENSE',
        'README.md',
        'bin',
        'package-lock.json',
        'package.json',
        'src',
        'tsconfig.json',
        'tsup.config.ts',
      ].sort(),
    );
  });
});

describe('flake.nix evaluated offline against a stand-in nixpkgs', () => {
  let flakeDir: string;
  let nixpkgsDir: string;

  beforeAll(() => {
    const root = mkdtempSync(join(tmpdir(), 'nur-flake-'));
    flakeDir = join(root, 'flake');
    nixpkgsDir = join(root, 'nixpkgs');
    mkdirSync(flakeDir);
    mkdirSync(nixpkgsDir);
    // The flake's own files only: a path: flake copies its whole directory into the store.
    for (const file of ['flake.nix', 'nix', 'package.json', 'package-lock.json'])
      cpSync(join(PROJECT_ROOT, file), join(flakeDir, file), { recursive: true });
    writeFileSync(
      join(nixpkgsDir, 'flake.nix'),
      `{
        outputs = _: let
          genAttrs = names: f: builtins.listToAttrs (map (name: { inherit name; value = f name; }) names);
          pkgsFor = system: {
            stdenv.hostPlatform.system = system;
            callPackage = fn: extra: import fn (${STAND_IN_ARGS} // extra);
            mkShell = args: args;
                    };
        in {
          lib.genAttrs = genAttrs;
          legacyPackages = genAttrs [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ] pkgsFor;
        };
      }`,
    );
  });

  const flakeEval = (attr: string) =>
    JSON.parse(
      nixEval(
        [
          '--json',
          '--no-write-lock-file',
          '--override-input',
          'nixpkgs',
          `path:${nixpkgsDir}`,
          `path:${flakeDir}#${attr}`,
        ],
        flakeDir,
      ),
    ) as unknown;

  it('offers the package as the default package of every system', () => {
    for (const system of ['x86_64-linux', 'aarch64-darwin'])
      expect(flakeEval(`packages.${system}.default.pname`)).toBe(manifest.name);
  });

  it('runs bin/nur of the default package for `nix run`', () => {
    const app = flakeEval('apps.x86_64-linux.default') as { type: string; program: string };
    expect(app.type).toBe('app');
    expect(app.program).toMatch(new RegExp(`-${manifest.name}/bin/nur$`));
  });
});
