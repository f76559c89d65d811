// Every registered command explains itself: a one-line purpose, every option described, and real
// examples; `nur help COMMAND` works and a mistyped command suggests the closest one.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/program.js';
import { runNur } from './helpers/cli.js';

function newProgram(): Command {
  return buildProgram({
    context: () => {
      throw new Error('help never runs a command');
    },
    exit: () => {},
  });
}

/** The full help of a command as `--help` prints it, including text added with addHelpText. */
function helpOf(command: Command): string {
  let text = '';
  const capture = { writeOut: (s: string) => (text += s), writeErr: (s: string) => (text += s) };
  for (let c: Command | null = command; c; c = c.parent) c.configureOutput(capture);
  command.outputHelp();
  return text;
}

/** Example lines under an `Examples:` heading: `  $ nur …` or `  nur …`. */
function examplesIn(help: string): string[] {
  const [, after = ''] = help.split(/^Examples:\s*$/m);
  return after.split('\n').filter((line) => /^\s+(\$ )?nur\b/.test(line));
}

const commands = newProgram().commands.filter((command) => command.name() !== 'help');

describe('the top-level help', () => {
  it('states the purpose, lists every registered command, and shows examples', () => {
    const program = newProgram();
    const help = helpOf(program);
    expect(program.description()).not.toBe('');
    for (const command of commands)
      expect(help).toMatch(new RegExp(`^\\s+${command.name()}\\b`, 'm'));
    expect(examplesIn(help).length).toBeGreaterThanOrEqual(2);
  });

  it('describes every global option', () => {
    for (const option of newProgram().options)
      expect(option.description, option.flags).not.toBe('');
  });
});

describe.each(commands.map((command) => [command.name(), command] as const))(
  'nur %s --help',
  (name, command) => {
    it('has a one-line purpose', () => {
      const description = command.description();
      expect(description.trim()).not.toBe('');
      expect(description).not.toContain('\n');
    });

    it('describes every option', () => {
      for (const option of command.options) expect(option.description, option.flags).not.toBe('');
    });

    it('shows two or three real examples that use the command', () => {
      const examples = examplesIn(helpOf(command));
      expect(examples.length).toBeGreaterThanOrEqual(2);
      for (const line of examples) expect(line).toMatch(new RegExp(`\\bnur ${name}\\b`));
    });
  },
);

describe('the built CLI', () => {
  it('prints the help of a command for `nur help COMMAND`', async () => {
    for (const command of commands) {
      const result = await runNur(['help', command.name()]);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain(`Usage: nur ${command.name()}`);
      expect(result.stdout).toContain(command.description());
    }
  });

  it('suggests the closest command for a mistyped one and exits 2', async () => {
    const result = await runNur(['serch', 'exporter']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("unknown command 'serch'");
    expect(result.stderr).toMatch(/Did you mean search\?/);
  });

  it('suggests each registered command when a letter is missing from its name', async () => {
    for (const command of commands) {
      const name = command.name();
      const typo = name.slice(0, 2) + name.slice(3);
      const result = await runNur([typo]);
      expect(result.exitCode, typo).toBe(2);
      expect(result.stderr, typo).toMatch(new RegExp(`Did you mean (one of )?.*\\b${name}\\b`));
    }
  });
});
