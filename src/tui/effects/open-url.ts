// Opens a package homepage in the browser. Homepages come from the index, so only plain http(s)
// URLs are handed to the opener (never file:, javascript: or anything a handler could run).
import { NurError } from '../../errors.js';

/** Starts a program detached from the UI; rejects when it cannot be started. */
export type Launch = (file: string, args: readonly string[]) => Promise<void>;

export function openerFor(platform: NodeJS.Platform): string {
  return platform === 'darwin' ? 'open' : 'xdg-open';
}

export function checkedWebUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new NurError(`the homepage ${JSON.stringify(raw)} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new NurError(`refusing to open a ${url.protocol} homepage; only http(s) URLs are opened`);
  return url.href;
}

export function createUrlOpener(options: { platform: NodeJS.Platform; launch: Launch }) {
  return async (raw: string): Promise<void> => {
    const opener = openerFor(options.platform);
    try {
      await options.launch(opener, [checkedWebUrl(raw)]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new NurError(`no ${opener} on PATH to open it with`, { cause: error });
    }
  };
}
