// The snippets evaluated by real Nix, offline: every flake input is overridden with a local
// stand-in (test/snippets/standins.ts), so what is checked is the snippets' own wiring: input
// names, follows, module and overlay paths, quoting of attr paths, `file`, and NUR flake refs.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Package, Repo } from '../../src/model.js';
import { NUR_FLAKE_URL } from '../../src/nix/flake-url.js';
import { repoInputName, targetSystem } from '../../src/snippets/names.js';
import { packageSnippets } from '../../src/snippets/package.js';
import { repoSnippets } from '../../src/snippets/repo.js';
import { NIX_FLAKES } from '../helpers/nix.js';
import { samples } from './samples.js';
import { flakeDir, writeStandins, type Standins } from './standins.js';

let standins: Standins;
const all = samples();

beforeAll(() => {
  standins = writeStandins(all.map((s) => s.pkg));
});
afterAll(() => rmSync(standins.root, { recursive: true, force: true }));

function nix(args: string[]): string {
  const result = spawnSync('nix', [...NIX_FLAKES, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`nix ${args.join(' ')}\n${result.stderr}`);
  return result.stdout;
}

function nixEvalJson(args: string[]): unknown {
  return JSON.parse(nix(['eval', '--json', ...args]));
}

function instantiateJson(expression: string): unknown {
  const result = spawnSync('nix-instantiate', ['--eval', '--strict', '--json', '-E', expression], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${expression}\n${result.stderr}`);
  return JSON.parse(result.stdout);
}

const override = (name: string, dir: string) => ['--override-input', name, `path:${dir}`];
const snippetOf = (pkg: Package, repo: Repo | undefined, name: string) =>
  packageSnippets(pkg, repo).snippets.find((s) => s.name === name)!.code;
const namesOf = 'ps: map (p: p.name) ps';
const allPackageNames =
  'ps: builtins.concatMap (s: map (p: p.name) (builtins.attrValues s)) (builtins.attrValues ps)';
/** Pkgs with the NUR overlay applied, as the stand-in NUR builds it. */
const overlaidPkgs = () =>
  `(let base = { hello = { type = "derivation"; name = "hello"; }; }; in base // { nur = import ${standins.nur} { pkgs = base; }; })`;

// Evaluating flakes costs a store copy each; a spread of hosts and shapes is enough here.
const EVALUATED = [
  'mic92.goatcounter',
  '0komo.luakit_2_4',
  'jomik.androidsdk.platform23',
  'AndrewKvalheim.apex',
  'ccicnce113424.danmakufactory',
  'blakat360.rfz',
  'Samuel-Martineau.latexit',
  'drewrisinger.raspberryPi.argonone-rpi4',
];

describe('snippets evaluated by real Nix against local stand-ins', () => {
  for (const ref of EVALUATED) {
    const { pkg, repo } = all.find((s) => s.pkg.ref === ref)!;

    describe(ref, () => {
      it('overlay: the configuration gets the package from pkgs.nur', () => {
        const dir = flakeDir(standins.root, `overlay-${ref}`, snippetOf(pkg, repo, 'overlay'));
        const darwin = targetSystem(pkg.platforms).kind === 'darwin';
        const attr = darwin
          ? 'darwinConfigurations.my-mac.config.environment.systemPackages'
          : 'nixosConfigurations.my-host.config.environment.systemPackages';
        const names = nixEvalJson([
          ...override('nixpkgs', standins.nixpkgs),
          ...override('nur', standins.nur),
          ...(darwin ? override('nix-darwin', standins.nixDarwin) : []),
          `path:${dir}#${attr}`,
          '--apply',
          namesOf,
        ]);
        expect(names).toEqual([pkg.ref]);
      });

      for (const [name, what] of [
        ['flake-input', 'the plain import of the repo'],
        ['repo-flake', "the repo's legacyPackages"],
      ] as const) {
        it(`${name}: ${what} yields the package`, () => {
          const dir = flakeDir(standins.root, `${name}-${ref}`, snippetOf(pkg, repo, name));
          const names = nixEvalJson([
            ...override('nixpkgs', standins.nixpkgs),
            ...override(repoInputName(pkg.repo), standins.repo(pkg.repo, repo!.file)),
            `path:${dir}#packages`,
            '--apply',
            allPackageNames,
          ]);
          expect(names).toEqual([pkg.ref]);
        });
      }

      it("nix-run and nix-shell: the installable resolves in NUR's flake outputs", () => {
        for (const name of ['nix-run', 'nix-shell']) {
          const command = snippetOf(pkg, repo, name);
          const quoted = /'([^']+)'$/.exec(command)![1]!;
          expect(quoted.startsWith(`${NUR_FLAKE_URL}#`)).toBe(true);
          const installable = quoted.replace(NUR_FLAKE_URL, `path:${standins.nur}`);
          const drvName = nixEvalJson([
            ...override('nixpkgs', standins.nixpkgs),
            `${installable}.name`,
          ]);
          expect(drvName).toBe(pkg.ref);
        }
      });

      it('home-manager and attr: the attr path selects the package from overlaid pkgs', () => {
        const file = join(standins.root, `home-${ref.replace(/\W/g, '_')}.nix`);
        writeFileSync(file, snippetOf(pkg, repo, 'home-manager'));
        expect(
          instantiateJson(
            `map (p: p.name) ((import ${file}) { pkgs = ${overlaidPkgs()}; }).home.packages`,
          ),
        ).toEqual([pkg.ref]);
        expect(
          instantiateJson(
            `let pkgs = ${overlaidPkgs()}; in (${snippetOf(pkg, repo, 'attr')}).name`,
          ),
        ).toBe(pkg.ref);
      });

      it('package-overrides: config.nix gives nur, and the commands in its comments select the package', () => {
        const code = snippetOf(pkg, repo, 'package-overrides');
        // `builtins` is an ordinary binding: shadowing it points the NUR download at the stand-in.
        const config = `(let b = builtins; in let builtins = b // { fetchTarball = _: ${standins.nur}; }; in ${code})`;
        const shellArg = /nix-shell -p (.+)$/m.exec(code)![1]!;
        const expression = spawnSync('bash', ['-c', `printf %s ${shellArg}`], {
          encoding: 'utf8',
        }).stdout;
        const base = '{ hello = { type = "derivation"; name = "hello"; }; }';
        expect(
          instantiateJson(
            `let pkgs = ${base}; nixpkgs = pkgs // (${config}.packageOverrides pkgs); in (with nixpkgs; ${expression}).name`,
          ),
        ).toBe(pkg.ref);
      });
    });
  }
});

describe('repo snippets evaluated by real Nix', () => {
  for (const ref of [
    'mic92.goatcounter',
    '0komo.luakit_2_4',
    'AndrewKvalheim.apex',
    'blakat360.rfz',
  ]) {
    const { pkg, repo } = all.find((s) => s.pkg.ref === ref)!;
    const set = repoSnippets(repo!, pkg.attr);
    const code = (name: string) => set.snippets.find((s) => s.name === name)!.code;

    it(`${pkg.repo}: flake-input exposes the repo's packages`, () => {
      const dir = flakeDir(standins.root, `repo-input-${pkg.repo}`, code('flake-input'));
      const value = nixEvalJson([
        ...override('nixpkgs', standins.nixpkgs),
        ...override(repoInputName(pkg.repo), standins.repo(pkg.repo, repo!.file)),
        `path:${dir}#legacyPackages.x86_64-linux.${pkg.attr}.name`,
      ]);
      expect(value).toBe(pkg.ref);
    });

    it(`${pkg.repo}: import fetches the repo and calls it with pkgs`, () => {
      const file = join(standins.root, `repo-import-${pkg.repo}.nix`);
      const dir = standins.repo(pkg.repo, repo!.file);
      // Both fetchers return the stand-in's path as a string, like a store path; the snippet's own
      // `file` handling is what is tested.
      writeFileSync(
        file,
        `let b = builtins; in let builtins = b // { fetchTarball = _: "${dir}"; fetchGit = _: { outPath = "${dir}"; }; }; in ${code('import')}`,
      );
      expect(
        instantiateJson(
          `((import ${file}) { pkgs = { hello = { type = "derivation"; name = "hello"; }; }; }).${pkg.attr
            .split('.')
            .map((c) => JSON.stringify(c))
            .join('.')}.name`,
        ),
      ).toBe(pkg.ref);
    });
  }
});
