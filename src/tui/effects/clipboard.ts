// Copies text to the system clipboard with the first tool that works, falling back to OSC 52 (the
// terminal sets its own clipboard; works over SSH in most modern terminals).

/** Runs a program with `input` on its stdin; rejects when it is missing or exits non-zero. */
export type RunWithInput = (file: string, args: readonly string[], input: string) => Promise<void>;

export interface ClipboardOptions {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  run: RunWithInput;
  /** Writes raw bytes to the terminal the UI is drawn on. */
  writeTerminal(data: string): void;
}

interface ClipboardTool {
  file: string;
  args: string[];
}

/** Clipboard programs worth trying here, best first. */
export function clipboardTools(
  env: ClipboardOptions['env'],
  platform: NodeJS.Platform,
): ClipboardTool[] {
  if (platform === 'darwin') return [{ file: 'pbcopy', args: [] }];
  const tools: ClipboardTool[] = [];
  if (env.WAYLAND_DISPLAY) tools.push({ file: 'wl-copy', args: [] });
  if (env.DISPLAY) {
    tools.push({ file: 'xclip', args: ['-selection', 'clipboard'] });
    tools.push({ file: 'xsel', args: ['--clipboard', '--input'] });
  }
  return tools;
}

/** OSC 52 "set clipboard" for the terminal; the text travels base64-encoded, so nothing escapes. */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

export function createClipboard(options: ClipboardOptions) {
  return async (text: string): Promise<{ method: string }> => {
    for (const tool of clipboardTools(options.env, options.platform)) {
      try {
        await options.run(tool.file, tool.args, text);
        return { method: tool.file };
      } catch {
        // Missing or failing (no display server reachable): try the next one.
      }
    }
    options.writeTerminal(osc52(text));
    return { method: 'OSC 52' };
  };
}
