// End to end: the built CLI fills a real cache with `nur update` from the fixture files, prints its
// own completion scripts, and real bash, zsh and fish complete from them.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHELLS, type Shell } from '../../src/completion/index.js';
import { buildProgram } from '../../src/program.js';
import { bashComplete, fishComplete, zshComplete } from '../completion/shells.js';
import { fixtureIndex } from '../helpers/fixtures.js';
import { fixtureHome, runNur } from '../helpers/cli.js';

const index = fixtureIndex();
const program = buildProgram({
  context: () => {
    throw new Error('no command runs here');
  },
  exit: () => {},
});

let env: Record<string, string>;
let home: string;
const scripts = {} as Record<Shell, string>;

beforeAll(async () => {
  ({ home, env } = fixtureHome());
  const update = await runNur(['update'], { env });
  expect(update.stderr).toBe('');
  expect(update.exitCode).toBe(0);
  for (const shell of SHELLS) {
    const result = await runNur(['completion', shell], { env });
    expect(result.exitCode).toBe(0);
    scripts[shell] = join(home, `nur.${shell}`);
    writeFileSync(scripts[shell], `${result.stdout}\n`);
  }
});

const complete: Record<Shell, (line: string) => string[]> = {
  bash: (line) => bashComplete(scripts.bash, line.split(' '), env, home).sort(),
  zsh: (line) => zshComplete(scripts.zsh, line, env, home).sort(),
  fish: (line) => fishComplete(scripts.fish, line, env, home).sort(),
};

describe('the cache written by nur update', () => {
  it('lists every package ref and every repo name for the scripts to read', () => {
    const names = readFileSync(join(env.XDG_CACHE_HOME!, 'nur/names.txt'), 'utf8').split('\n');
    expect(names).toContain('mic92.goatcounter');
    expect(names).toContain('@ijohanne');
  });
});

describe.each(SHELLS)('%s completion of the built nur', (shell) => {
  const ask = (line: string) => complete[shell](line);

  it('completes `nur sh` to the registered commands starting with sh', () => {
    const expected = program.commands
      .map((command) => command.name())
      .filter((name) => name.startsWith('sh'))
      .sort();
    expect(expected).toContain('show');
    expect(ask('nur sh')).toEqual(expected);
  });

  it('completes `nur show mic92.go` to the real refs starting with it', () => {
    const expected = index.packages
      .map((p) => p.ref)
      .filter((ref) => ref.startsWith('mic92.go'))
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(ask('nur show mic92.go')).toEqual(expected);
  });

  it('completes `nur add ijo` and `nur show ijo` to the real repo names', () => {
    const expected = Object.keys(index.repos)
      .filter((name) => name.startsWith('ijo'))
      .sort();
    expect(expected).toContain('ijohanne');
    expect(ask('nur add ijo')).toEqual(expected);
    expect(ask('nur show ijo')).toEqual(expected);
  });

  it('completes the shell names of `nur completion`', () => {
    expect(ask('nur completion ')).toEqual([...SHELLS].sort());
  });

  it('completes repo names after `search --repo` and snippet names after `show --snippet`', () => {
    expect(ask('nur search --repo ijo')).toEqual(
      Object.keys(index.repos)
        .filter((name) => name.startsWith('ijo'))
        .sort(),
    );
    expect(ask('nur show mic92.goatcounter --snippet nix-')).toEqual(['nix-run', 'nix-shell']);
  });

  it('completes the actions and keys of `nur config`', () => {
    expect(ask('nur config ')).toEqual(['get', 'list', 'path', 'set', 'unset']);
    expect(ask('nur config get t')).toEqual(['ttl']);
    expect(ask('nur config set ')).toEqual(
      ['flake', 'inputPrefix', 'lockUrl', 'packagesUrl', 'reposUrl', 'ttl'].sort(),
    );
  });
});
