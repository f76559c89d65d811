// The real effects: clipboard programs, the browser opener and flake.nix edits, run via execa.
import type { AppContext } from '../../context.js';
import { createAddToFlake } from './add-to-flake.js';
import { createClipboard } from './clipboard.js';
import { createUrlOpener } from './open-url.js';
import type { TuiEffects } from './types.js';

export function createProcessEffects(options: {
  context: AppContext;
  /** Raw output to the terminal the UI is on (OSC 52). */
  writeTerminal(data: string): void;
}): TuiEffects {
  const { context } = options;
  const copy = createClipboard({
    env: context.env,
    platform: process.platform,
    writeTerminal: options.writeTerminal,
    async run(file, args, input) {
      const { execa } = await import('execa');
      await execa(file, args, { input, timeout: 5_000, stdout: 'ignore', stderr: 'ignore' });
    },
  });
  const openUrl = createUrlOpener({
    platform: process.platform,
    async launch(file, args) {
      const { execa } = await import('execa');
      // Detached and unwaited: a browser may outlive the UI. Only a failure to start is reported.
      const child = execa(file, args, { detached: true, stdio: 'ignore', cleanup: false });
      child.catch(() => undefined);
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', () => resolve());
        child.once('error', reject);
      });
      child.unref();
    },
  });
  return { copy, openUrl, planAdd: createAddToFlake(context) };
}
