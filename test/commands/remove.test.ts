import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRun } from '../../src/commands/add.js';
import { removeRun, type RemoveOptions } from '../../src/commands/remove.js';
import { testContext } from '../helpers/context.js';

const FLAKE = `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs }: {
    nixosConfigurations.box = nixpkgs.lib.nixosSystem { modules = [ ./box.nix ]; };
  };
}
`;

function flakeDir(text = FLAKE): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'nur-remove-'));
  const file = join(dir, 'flake.nix');
  writeFileSync(file, text);
  return { dir, file };
}

function context(dir: string) {
  return testContext({
    cwd: dir,
    env: { PATH: process.env.PATH, XDG_CONFIG_HOME: join(dir, '.config') },
    globals: { offline: true },
  });
}

const remove = (options: RemoveOptions, dir: string) => {
  const t = context(dir);
  return { ...t, result: removeRun(options, t.context) };
};

describe('nur remove', () => {
  it('undoes nur add byte for byte, module and formal included', async () => {
    const { dir, file } = flakeDir();
    chmodSync(file, 0o600);
    const added = context(dir);
    await addRun({ ref: 'mic92', flakeInput: true, module: 'sops' }, added.context);
    expect(readFileSync(file, 'utf8')).toContain('[ ./box.nix nur-mic92.nixosModules.sops ]');
    const { result, stdout } = remove({ target: 'mic92' }, dir);
    expect(await result).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FLAKE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(stdout()).toContain('-  inputs.nur-mic92.url = "github:Mic92/nur-packages";');
    expect(stdout()).toContain('Removed nur-mic92 from flake.nix.');
  });

  it('finds the input added for owner/repo by its URL', async () => {
    const { dir, file } = flakeDir();
    await addRun({ ref: 'mic92', flakeInput: false }, context(dir).context);
    expect(await remove({ target: 'Mic92/nur-packages' }, dir).result).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(FLAKE);
  });

  it('writes nothing on --dry-run', async () => {
    const text = FLAKE.replace('  outputs', '  inputs.x.url = "github:a/x";\n  outputs').replace(
      'nixpkgs }',
      'nixpkgs, x }',
    );
    const { dir, file } = flakeDir(text);
    const { result, stdout } = remove({ target: 'x', dryRun: true }, dir);
    expect(await result).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(stdout()).toContain('-  inputs.x.url = "github:a/x";');
  });

  it('refuses while the input is still used, listing the lines, and removes it with --force', async () => {
    const text = `{
  inputs.nixpkgs.url = "n";
  inputs.x.url = "github:a/x";
  outputs = { self, nixpkgs, x }@inputs: {
    packages = inputs.x.packages;
  };
}
`;
    const { dir, file } = flakeDir(text);
    await expect(remove({ target: 'x' }, dir).result).rejects.toThrow(
      /x is still used in flake\.nix on line 5/,
    );
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(await remove({ target: 'x', force: true }, dir).result).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('inputs.x.url');
  });

  it('keeps the outputs formal on a forced removal while the name is still read as a variable', async () => {
    const text =
      '{\n  inputs.x.url = "github:a/x";\n  outputs = { self, x }: { p = x.packages; };\n}\n';
    const { dir, file } = flakeDir(text);
    const { result, stderr } = remove({ target: 'x', force: true }, dir);
    expect(await result).toBe(0);
    // Nix (run by the command before writing) accepts the file: x is still bound.
    expect(readFileSync(file, 'utf8')).toBe(
      '{\n  outputs = { self, x }: { p = x.packages; };\n}\n',
    );
    expect(stderr()).toContain(
      'x is still used on line 3: update those lines, then remove x from the outputs arguments',
    );
  });

  it('names the inputs there are when the name is not one of them', async () => {
    const { dir } = flakeDir();
    await expect(remove({ target: 'nope' }, dir).result).rejects.toThrow(
      /flake\.nix has no input named nope/,
    );
  });
});
