// The I/O around a flake.nix edit, shared by `nur add` and `nur remove`: find and read the file,
// check the result with the real Nix parser, show a diff, and write it only if nothing changed meanwhile.
import { access, constants, readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { AppContext } from '../context.js';
import { NurError } from '../errors.js';
import { stripControl } from '../term/sanitize.js';

export interface FlakeFile {
  path: string;
  /** How to name it to the user (relative to the working directory). */
  shown: string;
  text: string;
  mtimeMs: number;
  mode: number;
}

/** The flake.nix a `--flake` value (or the `flake` setting) names: a file, or a directory's flake.nix. */
export async function flakePathOf(flake: string | undefined, context: AppContext): Promise<string> {
  let target: string;
  if (flake !== undefined) target = resolve(context.cwd, flake);
  else {
    const { resolveSettings } = await import('../settings.js');
    target = resolveSettings(context).flake;
  }
  try {
    return (await stat(target)).isDirectory() ? join(target, 'flake.nix') : target;
  } catch {
    // A missing path is reported when it is read; one not naming a .nix file meant a directory.
    return target.endsWith('.nix') ? target : join(target, 'flake.nix');
  }
}

/** How a path is named in messages: relative to the working directory when below it. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel)
    ? rel
    : rel === ''
      ? basename(path)
      : path;
}

export async function readFlakeFile(path: string, context: AppContext): Promise<FlakeFile> {
  const shown = shownPath(path, context.cwd);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    const text = await readFile(path, 'utf8');
    return { path, shown, text, mtimeMs: info.mtimeMs, mode: info.mode & 0o7777 };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new NurError(
        shown === 'flake.nix'
          ? 'no flake.nix in the current directory'
          : `no flake.nix at ${shown}`,
        {
          hint: 'Create one with `nix flake init`, or point at it with --flake PATH.',
          cause: error,
        },
      );
    throw new NurError(`cannot read ${shown}: ${(error as Error).message}`, { cause: error });
  }
}

type NixVerdict = { ok: true } | { ok: false; reason: string } | { skipped: string };

async function nixParse(text: string, file: FlakeFile, context: AppContext): Promise<NixVerdict> {
  const { execa } = await import('execa');
  const result = await execa('nix-instantiate', ['--parse', '-'], {
    input: text,
    cwd: dirname(file.path),
    env: context.env,
    extendEnv: false,
    reject: false,
    timeout: 60_000,
  });
  if (result.timedOut)
    throw new NurError(`nix-instantiate took too long to check ${file.shown}; nothing was written`);
  // Not installed: the tree check alone stands.
  if (result.exitCode === undefined) return { skipped: 'nix-instantiate is not installed' };
  if (result.exitCode === 0) return { ok: true };
  const reason = String(result.stderr)
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('error:'));
  return {
    ok: false,
    reason: reason ? reason.replace(/^error:\s*/, '') : `exit ${result.exitCode}`,
  };
}

/**
 * Runs `nix-instantiate --parse` on the new text when it is installed: the Lezer grammar is a little
 * more lenient than Nix in places, and a file Nix rejects is never written.
 */
export async function checkWithNix(
  text: string,
  file: FlakeFile,
  context: AppContext,
): Promise<'checked' | 'skipped'> {
  const verdict = await nixParse(text, file, context);
  if ('skipped' in verdict) return 'skipped';
  if (verdict.ok) return 'checked';
  // Say whose fault it is: a file Nix already rejects, or this edit.
  const before = await nixParse(file.text, file, context);
  if ('ok' in before && !before.ok)
    throw new NurError(
      `nix-instantiate already rejects ${file.shown} (${before.reason}); nothing was written`,
      { hint: `Fix it first: nix-instantiate --parse ${file.shown}` },
    );
  throw new NurError(
    `nix-instantiate rejects the edited ${file.shown} (${verdict.reason}), so nothing was written`,
    { hint: 'The file is unchanged. Please report this with your flake.nix.' },
  );
}

/** A unified diff of the edit, with the user's own text cleaned of terminal escapes. */
export async function unifiedDiff(
  file: FlakeFile,
  after: string,
  context: number,
): Promise<string> {
  const { createTwoFilesPatch } = await import('diff');
  const patch = createTwoFilesPatch(
    `a/${file.shown}`,
    `b/${file.shown}`,
    file.text,
    after,
    undefined,
    undefined,
    { context },
  );
  // Drop the `=====` banner line createTwoFilesPatch starts with.
  const body = patch.replace(/^=+\n/, '');
  return stripControl(body.replace(/\r(?=\n)/g, ''));
}

function isReadOnly(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

/**
 * Writes the new text atomically (keeping the mode) if the file on disk is still the one that was
 * read; refuses a read-only file even where the directory would allow replacing it.
 */
export async function writeFlakeFile(file: FlakeFile, text: string): Promise<void> {
  let current: { text: string; mtimeMs: number; mode: number };
  try {
    const info = await stat(file.path);
    current = {
      text: await readFile(file.path, 'utf8'),
      mtimeMs: info.mtimeMs,
      mode: info.mode & 0o7777,
    };
  } catch (error) {
    throw new NurError(`${file.shown} disappeared while nur was editing it; nothing was written`, {
      cause: error,
    });
  }
  if (current.text !== file.text || current.mtimeMs !== file.mtimeMs)
    throw new NurError(
      `${file.shown} changed on disk while nur was editing it; nothing was written`,
      {
        hint: 'Run the command again to edit the new version.',
      },
    );
  const readOnlyError = () =>
    new NurError(`${file.shown} is read-only; nothing was written`, {
      hint: `Make it writable (chmod u+w ${file.shown}) or run the command with --dry-run to see the change.`,
    });
  if ((current.mode & 0o222) === 0) throw readOnlyError();
  try {
    await access(file.path, constants.W_OK);
  } catch (error) {
    if (isReadOnly(error)) throw readOnlyError();
    throw error;
  }
  const { atomicWriteFile } = await import('../fs/atomic-write.js');
  try {
    await atomicWriteFile(file.path, text, { mode: current.mode });
  } catch (error) {
    if (isReadOnly(error))
      throw new NurError(
        `cannot write ${file.shown}: its directory is read-only; nothing was written`,
        {
          cause: error,
        },
      );
    throw new NurError(`cannot write ${file.shown}: ${(error as Error).message}`, { cause: error });
  }
}
