// What the built CLI does when its output cannot be written: a full disk is an error a script
// must see; a reader that stopped early (`| head`) is a normal end.
import { execa } from 'execa';
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureHome, NUR_BIN, runNur } from '../helpers/cli.js';

const env = fixtureHome().env;

beforeAll(async () => {
  const update = await runNur(['update'], { env });
  expect(update.exitCode).toBe(0);
});

/** Stdout opened on /dev/full: every write fails with ENOSPC, as on a full disk. */
function intoFullDisk(args: string[]): Promise<{ exitCode: number | null; stderr: string }> {
  const full = openSync('/dev/full', 'w');
  const child = spawn(process.execPath, [NUR_BIN, ...args, '--offline'], {
    env: { PATH: process.env.PATH ?? '', CI: 'true', ...env },
    stdio: ['ignore', full, 'pipe'],
  });
  closeSync(full);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (exitCode) => resolve({ exitCode, stderr })));
}

describe('output that cannot be written', () => {
  it.each([
    [['search', 'goat']],
    [['search', 'goat', '--json']],
    [['show', 'mic92.goatcounter', '--snippet', 'overlay']],
    [['repos', 'mic92']],
  ])('fails with exit 1 and says why: nur %j > /dev/full', async (args) => {
    const result = await intoFullDisk(args);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/^nur: cannot write the output: ENOSPC/m);
  });

  it('ends quietly with exit 0 when the reader closes the pipe early', async () => {
    const result = await execa(
      'sh',
      ['-c', `"${process.execPath}" "${NUR_BIN}" search e --offline --limit 0 | head -1`],
      { env: { PATH: process.env.PATH ?? '', CI: 'true', ...env }, extendEnv: false },
    );
    expect(result.stdout.split('\n')).toHaveLength(1);
    expect(result.stderr).toBe('');
  });
});
