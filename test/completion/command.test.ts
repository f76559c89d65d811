// `nur completion <shell>` through its run function.
import { describe, expect, it } from 'vitest';
import { completionRun } from '../../src/commands/completion.js';
import { UsageError } from '../../src/errors.js';
import { buildProgram } from '../../src/program.js';
import { testContext } from '../helpers/context.js';

const program = buildProgram({
  context: () => {
    throw new Error('no command runs here');
  },
  exit: () => {},
});

describe('completionRun', () => {
  it.each([
    ['bash', 'complete -F _nur nur'],
    ['zsh', '#compdef nur'],
    ['fish', "complete -c nur -f -a '(__nur_complete)'"],
  ])('prints the %s script and exits 0', async (shell, marker) => {
    const { context, stdout } = testContext();
    expect(await completionRun({ shell, program }, context)).toBe(0);
    expect(stdout()).toContain(marker);
  });

  it('puts every registered command into the script', async () => {
    const { context, stdout } = testContext();
    await completionRun({ shell: 'fish', program }, context);
    for (const command of program.commands) expect(stdout()).toContain(`'|${command.name()}'`);
  });

  it('rejects an unknown shell with a usage error naming the choices', async () => {
    const { context, stdout } = testContext();
    const run = completionRun({ shell: 'ksh', program }, context);
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow("unknown shell 'ksh': expected one of bash, zsh, fish");
    expect(stdout()).toBe('');
  });
});
