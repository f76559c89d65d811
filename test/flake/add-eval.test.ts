// Real offline flake evaluation after `nur add`: local directories stand in for nixpkgs and for the
// NUR repo (`--override-input`), and an output that goes through the new input evaluates.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRun } from '../../src/commands/add.js';
import { testContext } from '../helpers/context.js';
import { nixEval } from '../helpers/nix.js';

function standIns() {
  const root = mkdtempSync(join(tmpdir(), 'nur-eval-'));
  const nixpkgs = join(root, 'nixpkgs');
  const repo = join(root, 'repo');
  const host = join(root, 'host');
  for (const dir of [nixpkgs, repo, host]) mkdirSync(dir);
  // Just enough of nixpkgs: lib.nixosSystem hands back the modules it was given.
  writeFileSync(
    join(nixpkgs, 'flake.nix'),
    '{ outputs = { self }: { lib.nixosSystem = { modules, ... }: { inherit modules; }; }; }\n',
  );
  // The NUR repo: a flake with a NixOS module, and the default.nix every NUR repo has.
  writeFileSync(
    join(repo, 'flake.nix'),
    '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  outputs = { self, nixpkgs }: {\n    nixosModules.greeter = { marker = "from the repo flake"; };\n  };\n}\n',
  );
  writeFileSync(join(repo, 'default.nix'), '{ pkgs }: { hello = "hello from default.nix"; }\n');
  return { nixpkgs, repo, host };
}

const overrides = (dirs: ReturnType<typeof standIns>) => [
  '--override-input',
  'nixpkgs',
  `path:${dirs.nixpkgs}`,
  '--override-input',
  'nur-mic92',
  `path:${dirs.repo}`,
  '--no-write-lock-file',
];

describe('a flake after nur add evaluates with real Nix, offline', () => {
  it('reaches the repo flake module through the modules list it was added to', async () => {
    const dirs = standIns();
    writeFileSync(
      join(dirs.host, 'flake.nix'),
      '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";\n\n  outputs = { self, nixpkgs }: {\n    nixosConfigurations.box = nixpkgs.lib.nixosSystem {\n      modules = [\n        { marker = "own module"; }\n      ];\n    };\n  };\n}\n',
    );
    const { context } = testContext({
      cwd: dirs.host,
      env: { PATH: process.env.PATH, XDG_CONFIG_HOME: join(dirs.host, '.config') },
      globals: { offline: true },
    });
    expect(await addRun({ ref: 'mic92', flakeInput: true, module: 'greeter' }, context)).toBe(0);
    const out = nixEval(
      [
        '--json',
        '.#nixosConfigurations.box.modules',
        '--apply',
        'ms: map (m: m.marker) ms',
        ...overrides(dirs),
      ],
      dirs.host,
    );
    expect(JSON.parse(out)).toEqual(['own module', 'from the repo flake']);
  });

  it('imports the repo as plain Nix when added with --no-flake', async () => {
    const dirs = standIns();
    writeFileSync(
      join(dirs.host, 'flake.nix'),
      '{\n  inputs = {\n    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";\n  };\n\n  outputs = { self, nixpkgs, ... }@inputs: {\n    greeting = (import inputs.nur-mic92 { pkgs = null; }).hello;\n  };\n}\n',
    );
    const { context } = testContext({
      cwd: dirs.host,
      env: { PATH: process.env.PATH, XDG_CONFIG_HOME: join(dirs.host, '.config') },
      globals: { offline: true },
    });
    expect(await addRun({ ref: 'mic92', flakeInput: false }, context)).toBe(0);
    const out = nixEval(['--json', '.#greeting', ...overrides(dirs)], dirs.host);
    expect(JSON.parse(out)).toBe('hello from default.nix');
  });
});
