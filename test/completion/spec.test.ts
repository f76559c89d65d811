// The completion spec is read from the commander program itself, so scripts follow every command.
import { Argument, Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commandAt, programSpec, valueKindFor } from '../../src/completion/spec.js';
import { buildProgram } from '../../src/program.js';

const realProgram = () =>
  buildProgram({
    context: () => {
      throw new Error('no command runs here');
    },
    exit: () => {},
  });

describe('valueKindFor', () => {
  it('completes refs, repo names, files and commands from the placeholder name', () => {
    expect(valueKindFor('ref')).toEqual({ kind: 'ref' });
    expect(valueKindFor('repo')).toEqual({ kind: 'repo' });
    expect(valueKindFor('path')).toEqual({ kind: 'file' });
    expect(valueKindFor('flake')).toEqual({ kind: 'file' });
    expect(valueKindFor('command')).toEqual({ kind: 'command' });
    expect(valueKindFor('query')).toEqual({ kind: 'none' });
  });

  it('prefers declared choices over the placeholder name', () => {
    expect(valueKindFor('ref', ['a', 'b'])).toEqual({ kind: 'choices', choices: ['a', 'b'] });
  });
});

describe('programSpec', () => {
  it('lists every registered command of the real program with its description', () => {
    const program = realProgram();
    const spec = programSpec(program);
    for (const command of program.commands) {
      const entry = commandAt(spec, [command.name()]);
      expect(entry, command.name()).toBeDefined();
      expect(entry!.description).toBe(command.description());
    }
    expect(commandAt(spec, [])!.subcommands).toEqual(
      program.commands.map((c) => c.name()).concat('help'),
    );
  });

  it("takes the program's options as global and each command's own options per command", () => {
    const spec = programSpec(realProgram());
    const globalFlags = spec.globalOptions.flatMap((option) => option.flags);
    expect(globalFlags).toEqual(expect.arrayContaining(['--offline', '--index-url', '--no-color']));
    expect(spec.globalOptions.find((o) => o.flags.includes('--index-url'))!.takesValue).toBe(true);
    expect(spec.globalOptions.find((o) => o.flags.includes('--offline'))!.takesValue).toBe(false);
    expect(commandAt(spec, [])!.options).toEqual([]);
  });

  it('offers the shells of `nur completion` as choices', () => {
    const completion = commandAt(programSpec(realProgram()), ['completion'])!;
    expect(completion.args).toEqual([
      {
        name: 'shell',
        variadic: false,
        value: { kind: 'choices', choices: ['bash', 'zsh', 'fish'] },
      },
    ]);
  });

  it('walks nested subcommands, records aliases, and leaves hidden commands out', () => {
    const program = new Command('nur');
    const config = program.command('config').alias('cfg').description('settings');
    config
      .command('get')
      .description('print one')
      .addArgument(new Argument('<key>').choices(['ttl']));
    program.command('secret', { hidden: true });
    program.command('add').argument('<repo>').option('-f, --flake <path>', 'flake.nix to edit');
    const spec = programSpec(program);
    expect(spec.commands.map((c) => c.path.join(' '))).toEqual(
      expect.arrayContaining(['', 'config', 'config get', 'add']),
    );
    expect(spec.commands.some((c) => c.path.includes('secret'))).toBe(false);
    expect(commandAt(spec, ['config'])!.names).toEqual(['config', 'cfg']);
    expect(commandAt(spec, ['config', 'get'])!.args[0]!.value).toEqual({
      kind: 'choices',
      choices: ['ttl'],
    });
    expect(commandAt(spec, ['add'])!.args[0]!.value).toEqual({ kind: 'repo' });
    expect(commandAt(spec, ['add'])!.options.find((o) => o.flags.includes('--flake'))).toEqual({
      flags: ['-f', '--flake'],
      description: 'flake.nix to edit',
      takesValue: true,
      value: { kind: 'file' },
    });
  });
});
