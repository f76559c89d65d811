// The generated scripts, loaded into real bash, zsh and fish, against names.txt written from the
// real fixture index in the cache's documented format. The program here is built for the test so
// every shape the generators handle (aliases, nested commands, option values, choices) is present
// whatever commands the real program has registered so far; test/e2e/completion.test.ts runs the
// real program end to end.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Argument, Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { completionScript, SHELLS, type Shell } from '../../src/completion/index.js';
import { namesText } from '../../src/index/cache.js';
import { fixtureIndex } from '../helpers/fixtures.js';
import { bashComplete, fishComplete, zshComplete } from './shells.js';

function testProgram(): Command {
  const program = new Command('nur')
    .option('--offline', 'never touch the network')
    .option('--index-url <url>', 'packages index URL');
  program
    .command('search')
    .alias('s')
    .description('search packages')
    .argument('[query...]')
    .option('--json', 'print JSON')
    .option('-n, --limit <count>', 'at most this many');
  program
    .command('show')
    .description('show a package or repo')
    .argument('<ref>')
    .option('--flake <path>', 'the flake.nix to read');
  program
    .command('add')
    .description('add a NUR repo to flake.nix')
    .argument('<repo>')
    .option('--flake <path>', 'the flake.nix to edit');
  const config = program.command('config').description('read and write settings');
  config
    .command('get')
    .description('print a setting: its value')
    .addArgument(new Argument('<key>').choices(['packagesUrl', 'ttl']));
  config.command('set').description('change a setting').argument('<key>').argument('<value>');
  program
    .command('completion')
    .addArgument(new Argument('<shell>').choices(['bash', 'zsh', 'fish']));
  return program;
}

const index = fixtureIndex();
const refsStartingWith = (prefix: string) =>
  index.packages
    .map((p) => p.ref)
    .filter((ref) => ref.startsWith(prefix))
    .sort();
const reposStartingWith = (prefix: string) =>
  Object.keys(index.repos)
    .filter((name) => name.startsWith(prefix))
    .sort();

let home: string;
let env: Record<string, string>;
const scripts = {} as Record<Shell, string>;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'nur-completion-'));
  env = { HOME: home, XDG_CACHE_HOME: join(home, 'cache') };
  mkdirSync(join(home, 'cache/nur'), { recursive: true });
  writeFileSync(join(home, 'cache/nur/names.txt'), namesText(index));
  writeFileSync(join(home, 'flake.nix'), '{ outputs = _: { }; }\n');
  writeFileSync(join(home, 'flake.lock'), '{}\n');
  for (const shell of SHELLS) {
    scripts[shell] = join(home, `nur.${shell}`);
    writeFileSync(scripts[shell], completionScript(shell, testProgram(), 'test'));
  }
});

/** One command line asked of every shell; bash gets it split into words as readline would. */
const complete: Record<Shell, (line: string) => string[]> = {
  bash: (line) => bashComplete(scripts.bash, line.split(' '), env, home).sort(),
  zsh: (line) => zshComplete(scripts.zsh, line, env, home).sort(),
  fish: (line) => fishComplete(scripts.fish, line, env, home).sort(),
};

describe('zsh completion installed on fpath', () => {
  it('autoloads _nur from fpath and completes refs and subcommands', () => {
    const dir = join(home, 'zfunc');
    mkdirSync(dir, { recursive: true });
    const script = join(dir, '_nur');
    writeFileSync(script, completionScript('zsh', testProgram(), 'test'));
    expect(zshComplete(script, 'nur show mic92.go', env, home).sort()).toEqual(
      refsStartingWith('mic92.go'),
    );
    expect(zshComplete(script, 'nur sh', env, home)).toEqual(['show']);
  });
});

describe.each(SHELLS)('%s completion script', (shell) => {
  const ask = (line: string) => complete[shell](line);

  it('completes a subcommand from its first letters', () => {
    expect(ask('nur sh')).toEqual(['show']);
  });

  it('completes package refs from the cached names after a repo and a dot', () => {
    const expected = refsStartingWith('mic92.go');
    expect(expected.length).toBeGreaterThan(0);
    expect(ask('nur show mic92.go')).toEqual(expected);
  });

  it('completes repo names, including repos without packages, for a repo argument', () => {
    const expected = reposStartingWith('ijo');
    expect(expected).toContain('ijohanne');
    expect(ask('nur add ijo')).toEqual(expected);
  });

  it('completes repo names for a ref before its first dot', () => {
    expect(ask('nur show ijo')).toEqual(reposStartingWith('ijo'));
  });

  it("offers a command's own options and the global ones", () => {
    expect(ask('nur show --')).toEqual(['--flake', '--help', '--index-url', '--offline']);
  });

  it('enters subcommands through aliases', () => {
    expect(ask('nur s --l')).toEqual(['--limit']);
  });

  it('completes nested subcommands and their argument choices', () => {
    // commander adds a `help` subcommand to every command that has subcommands.
    expect(ask('nur config ')).toEqual(['get', 'help', 'set']);
    expect(ask('nur config get t')).toEqual(['ttl']);
  });

  it('skips the value of an option that takes one when counting arguments', () => {
    expect(ask('nur --index-url ijo show mic92.go')).toEqual(refsStartingWith('mic92.go'));
  });

  it('completes file names for a path option', () => {
    expect(ask('nur show --flake flake.')).toEqual(['flake.lock', 'flake.nix']);
  });

  it('completes the choices of an argument', () => {
    expect(ask('nur completion z')).toEqual(['zsh']);
  });

  it('offers nothing for a ref when no index has been cached', () => {
    const saved = env;
    env = { ...env, XDG_CACHE_HOME: join(home, 'empty-cache') };
    try {
      expect(ask('nur show mic92.go')).toEqual([]);
    } finally {
      env = saved;
    }
  });
});
