// Completion scripts per shell, generated from the commander program so they never go stale.
import type { Command } from 'commander';
import { bashScript } from './bash.js';
import { fishScript } from './fish.js';
import { programSpec } from './spec.js';
import { zshScript } from './zsh.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export function isShell(name: string): name is Shell {
  return (SHELLS as readonly string[]).includes(name);
}

export function completionScript(shell: Shell, program: Command, version: string): string {
  const spec = programSpec(program);
  switch (shell) {
    case 'bash':
      return bashScript(spec, version);
    case 'zsh':
      return zshScript(spec, version);
    case 'fish':
      return fishScript(spec, version);
  }
}
