import { describe, expect, it, vi } from 'vitest';
import { clipboardTools, createClipboard, osc52 } from '../../../src/tui/effects/clipboard.js';

function clipboard(env: Record<string, string>, platform: NodeJS.Platform, failing: string[] = []) {
  const calls: { file: string; args: readonly string[]; input: string }[] = [];
  const terminal: string[] = [];
  const copy = createClipboard({
    env,
    platform,
    run: vi.fn(async (file, args, input) => {
      calls.push({ file, args, input });
      if (failing.includes(file)) throw new Error(`spawn ${file} ENOENT`);
    }),
    writeTerminal: (data) => terminal.push(data),
  });
  return { copy, calls, terminal };
}

describe('clipboard', () => {
  it('uses wl-copy on Wayland and pbcopy on macOS, passing the text on stdin', async () => {
    const wayland = clipboard({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux');
    expect(await wayland.copy('pkgs.nur.repos.mic92.goatcounter')).toEqual({ method: 'wl-copy' });
    expect(wayland.calls).toEqual([
      { file: 'wl-copy', args: [], input: 'pkgs.nur.repos.mic92.goatcounter' },
    ]);
    expect(clipboardTools({}, 'darwin').map((t) => t.file)).toEqual(['pbcopy']);
  });

  it('falls through xclip to xsel when the first tool is missing', async () => {
    const x11 = clipboard({ DISPLAY: ':0' }, 'linux', ['xclip']);
    expect(await x11.copy('text')).toEqual({ method: 'xsel' });
    expect(x11.calls.map((c) => c.file)).toEqual(['xclip', 'xsel']);
    expect(x11.terminal).toEqual([]);
  });

  it('falls back to OSC 52 with the text base64-encoded when no tool works', async () => {
    const ssh = clipboard({ DISPLAY: ':0' }, 'linux', ['xclip', 'xsel']);
    expect(await ssh.copy('a\u001b]evil\u0007')).toEqual({ method: 'OSC 52' });
    expect(ssh.terminal).toEqual([osc52('a\u001b]evil\u0007')]);
    const payload = /^\u001b\]52;c;([A-Za-z0-9+/=]*)\u0007$/.exec(ssh.terminal[0]!)![1]!;
    expect(Buffer.from(payload, 'base64').toString('utf8')).toBe('a\u001b]evil\u0007');
  });

  it('writes OSC 52 directly on a headless machine', async () => {
    const headless = clipboard({}, 'linux');
    expect(await headless.copy('x')).toEqual({ method: 'OSC 52' });
    expect(headless.calls).toEqual([]);
  });
});
