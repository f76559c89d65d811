// Real-Nix syntax checks for many generated files at once: one nix-instantiate run for the lot,
// and one per file only when the lot fails (to say which).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function parseTexts(texts: string[]): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'nur-nix-parse-'));
  try {
    const file = join(dir, 'all.nix');
    // Each text is a whole expression; in parentheses on their own lines they stay independent.
    writeFileSync(file, `[\n${texts.map((t) => `(\n${t}\n)`).join('\n')}\n]\n`);
    // The printed AST of a batch is large and unused: only the verdict and the error text matter.
    const result = spawnSync('nix-instantiate', ['--parse', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    if (result.error) throw result.error;
    return result.status === 0 ? undefined : result.stderr.trim() || `exit ${result.status}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Nix's error for each text, or undefined where Nix parses it. */
export function nixParseErrors(texts: string[]): (string | undefined)[] {
  if (texts.length === 0) return [];
  if (parseTexts(texts) === undefined) return texts.map(() => undefined);
  return texts.map((t) => parseTexts([t]));
}
