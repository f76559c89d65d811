import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PACKAGE_SNIPPET_NAMES, packageSnippets } from '../../src/snippets/package.js';
import { repoFlakeUrl } from '../../src/nix/flake-url.js';
import { nixParseError } from '../helpers/nix.js';
import { samples } from './samples.js';

// Nix 2.8's --parse also resolves variables; the attr snippet is pasted where `pkgs` is in scope.
const parseable = (name: string, code: string) => (name === 'attr' ? `pkgs: ${code}` : code);

describe('package snippets on real packages', () => {
  for (const { why, pkg, repo } of samples()) {
    describe(`${pkg.ref} (${why})`, () => {
      const set = packageSnippets(pkg, repo);

      it('writes every snippet, or says why one is missing', () => {
        const names = [...set.snippets.map((s) => s.name), ...set.omitted.map((o) => o.name)];
        expect(names.sort()).toEqual([...PACKAGE_SNIPPET_NAMES].sort());
        if (repo) expect(set.omitted).toEqual([]);
        else
          for (const name of ['flake-input', 'repo-flake'])
            expect(set.omitted.find((o) => o.name === name)?.reason).toMatch(
              /not listed in NUR's repos\.json/,
            );
      });

      it('passes real nix-instantiate --parse for every Nix snippet', () => {
        for (const snippet of set.snippets.filter((s) => s.language === 'nix'))
          expect(
            nixParseError(parseable(snippet.name, snippet.code)),
            snippet.name,
          ).toBeUndefined();
      });

      it('writes shell snippets bash accepts', () => {
        for (const snippet of set.snippets.filter((s) => s.language === 'shell')) {
          const check = spawnSync('bash', ['-n', '-c', snippet.code], { encoding: 'utf8' });
          expect(check.status, `${snippet.name}: ${check.stderr}`).toBe(0);
          expect(snippet.code).not.toContain('\n');
        }
      });

      it("uses the repo's flake URL from repos.json for its own input", () => {
        const input = set.snippets.find((s) => s.name === 'flake-input');
        if (!repo) return expect(input).toBeUndefined();
        expect(input!.code).toContain(`url = "${repoFlakeUrl(repo)}";`);
        expect(input!.code).toContain('flake = false;');
        const file = repo.file;
        expect(input!.code).toContain(
          file
            ? `import "\${inputs.nur-${pkg.repo}}/${file}" { inherit pkgs; }`
            : 'import inputs.nur-',
        );
      });
    });
  }
});

describe('package snippet details', () => {
  const byRef = (ref: string) => samples().find((s) => s.pkg.ref === ref)!;
  const code = (ref: string, name: string) => {
    const { pkg, repo } = byRef(ref);
    return packageSnippets(pkg, repo).snippets.find((s) => s.name === name)!.code;
  };

  it('puts the NUR input with follows, the NixOS module and the package into the overlay flake', () => {
    const overlay = code('mic92.goatcounter', 'overlay');
    expect(overlay).toContain('url = "github:nix-community/NUR";');
    expect(overlay).toContain('inputs.nixpkgs.follows = "nixpkgs";');
    expect(overlay).toContain('nur.modules.nixos.default');
    expect(overlay).toContain('environment.systemPackages = [ pkgs.nur.repos.mic92.goatcounter ];');
  });

  it('quotes a digit-leading repo in Nix but not in the flake reference', () => {
    expect(code('0komo.luakit_2_4', 'attr')).toBe('pkgs.nur.repos."0komo".luakit_2_4');
    expect(code('0komo.luakit_2_4', 'nix-run')).toBe(
      "nix run 'github:nix-community/NUR#repos.0komo.luakit_2_4'",
    );
    expect(code('0komo.luakit_2_4', 'package-overrides')).toContain(
      `nix-shell -p 'nur.repos."0komo".luakit_2_4'`,
    );
  });

  it('targets aarch64-linux for a package that does not build on x86_64', () => {
    expect(code('drewrisinger.raspberryPi.argonone-rpi4', 'overlay')).toContain(
      'system = "aarch64-linux";',
    );
  });

  it('writes a nix-darwin configuration for a macOS-only package', () => {
    const overlay = code('Samuel-Martineau.latexit', 'overlay');
    expect(overlay).toContain('nix-darwin.lib.darwinSystem');
    expect(overlay).toContain('nur.modules.darwin.default');
    expect(overlay).not.toContain('nixosSystem');
  });

  it('allows unfree and broken packages explicitly in one-off commands and notes it in configs', () => {
    expect(code('12Boti.nsight-graphics', 'nix-run')).toBe(
      "NIXPKGS_ALLOW_UNFREE=1 nix run --impure 'github:nix-community/NUR#repos.12Boti.nsight-graphics'",
    );
    expect(code('12Boti.examdown', 'nix-shell')).toMatch(
      /^NIXPKGS_ALLOW_BROKEN=1 nix shell --impure /,
    );
    expect(code('12Boti.nsight-graphics', 'overlay')).toContain('allowUnfree');
    expect(code('mic92.goatcounter', 'nix-run')).not.toContain('--impure');
  });

  it('uses git+https with submodules and ref for the repos that need them', () => {
    expect(code('blakat360.rfz', 'flake-input')).toContain(
      'url = "git+https://github.com/blakat360/nur-packages?submodules=1";',
    );
    expect(code('eh5.goatcounter', 'flake-input')).toContain(
      'url = "github:EHfive/flakes?ref=main";',
    );
  });

  it('offers a pin to the commit NUR last evaluated', () => {
    const { repo } = byRef('mic92.goatcounter');
    expect(code('mic92.goatcounter', 'flake-input')).toContain(
      `github:Mic92/nur-packages?rev=${repo!.lockedRev}`,
    );
  });

  it('states the repo-flake assumption in the snippet itself', () => {
    expect(code('mic92.goatcounter', 'repo-flake')).toMatch(
      /Assumption: it exports\n# legacyPackages/,
    );
    expect(code('kapack.cigri', 'repo-flake')).toContain('file other than default.nix');
  });
});
