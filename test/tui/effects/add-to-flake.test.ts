import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NurError } from '../../../src/errors.js';
import { createAddToFlake, diffOf } from '../../../src/tui/effects/add-to-flake.js';
import { testContext } from '../../helpers/context.js';
import { fixturePackage, fixtureRepo } from '../../helpers/fixtures.js';

const FLAKE = `{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";
  outputs = { self, nixpkgs }: { };
}
`;

function flakeDir(text?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'nur-tui-add-'));
  if (text !== undefined) writeFileSync(join(dir, 'flake.nix'), text);
  // Offline, so `nur add` does not ask nix over the network whether the repo is a flake.
  const { context, stdout, stderr } = testContext({
    cwd: dir,
    globals: { offline: true },
    env: { HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), XDG_CACHE_HOME: join(dir, 'cache') },
  });
  return {
    dir,
    context,
    stdout,
    stderr,
    flake: () => readFileSync(join(dir, 'flake.nix'), 'utf8'),
  };
}

describe('adding the selected repo to ./flake.nix', () => {
  it('shows the diff nur add would make and writes nothing until applied', async () => {
    const t = flakeDir(FLAKE);
    const planAdd = createAddToFlake(t.context);
    const plan = await planAdd(fixturePackage('mic92.goatcounter'), fixtureRepo('mic92'));
    expect(plan.preview.diff).toMatch(/^--- a\/flake\.nix/);
    expect(plan.preview.diff).toMatch(/^\+.*nur-mic92/m);
    expect(plan.preview.notes?.join(' ')).toContain('offline');
    expect(t.flake()).toBe(FLAKE);
    // Nothing leaked onto the terminal the UI is drawn on.
    expect(t.stdout()).toBe('');
    expect(t.stderr()).toBe('');

    expect(await plan.apply!()).toMatch(/^Added nur-mic92 to .*flake\.nix/);
    expect(t.flake()).toContain('nur-mic92');
    expect(t.stdout()).toBe('');
  });

  it('offers nothing to apply when flake.nix already has the repo', async () => {
    const t = flakeDir(FLAKE);
    const planAdd = createAddToFlake(t.context);
    const pkg = fixturePackage('mic92.goatcounter');
    await (
      await planAdd(pkg, fixtureRepo('mic92'))
    ).apply!();
    const again = await planAdd(pkg, fixtureRepo('mic92'));
    expect(again.apply).toBeUndefined();
    expect(again.preview.summary).toContain('already has nur-mic92');
  });

  it('fails with nur add’s own error when there is no flake.nix, leaving the streams as they were', async () => {
    const t = flakeDir();
    const io = t.context.io;
    await expect(
      createAddToFlake(t.context)(fixturePackage('mic92.goatcounter'), fixtureRepo('mic92')),
    ).rejects.toBeInstanceOf(NurError);
    expect(t.context.io).toBe(io);
  });
});

describe('diffOf', () => {
  it('keeps the unified diff and drops what comes before it', () => {
    expect(diffOf('note\n--- a/flake.nix\n+++ b/flake.nix\n@@ -1 +1 @@\n-a\n+b\n')).toBe(
      '--- a/flake.nix\n+++ b/flake.nix\n@@ -1 +1 @@\n-a\n+b',
    );
    expect(diffOf('flake.nix already has nur-mic92; nothing to change\n')).toBe('');
  });
});
