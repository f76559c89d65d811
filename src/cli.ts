// Entry point: builds the program for this process and turns the outcome into an exit code.
import { createProcessContext } from './context.js';
import { ExitCode } from './errors.js';
import { buildProgram, globalOptionsOf, reportError } from './program.js';

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = ExitCode.ok;
  const program = buildProgram({
    context: (command) => createProcessContext(globalOptionsOf(command)),
    exit: (code) => {
      exitCode = code;
    },
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    return reportError(error, argv.includes('--verbose'), process.stderr);
  }
}

// A closed pipe (`nur search x | head`) is a normal end, not an error; any other failure to write
// the output (a full disk, a revoked terminal) is, or a script would take a truncated result.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(ExitCode.ok);
  process.stderr.write(`nur: cannot write the output: ${error.message}\n`);
  process.exit(ExitCode.failure);
});

const exitCode = await main(process.argv);
process.exitCode = exitCode;
// Interrupted (Ctrl-C, a signal): nothing is left to print, and work still in flight, such as a
// download the picker was waiting for when the user quit, must not hold the terminal.
if (exitCode > 128) process.exit(exitCode);
