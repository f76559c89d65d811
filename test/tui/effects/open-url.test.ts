import { describe, expect, it, vi } from 'vitest';
import { NurError } from '../../../src/errors.js';
import { createUrlOpener } from '../../../src/tui/effects/open-url.js';

describe('opening a homepage', () => {
  it('hands an https URL to xdg-open on Linux and open on macOS', async () => {
    const launch = vi.fn(async () => undefined);
    await createUrlOpener({ platform: 'linux', launch })('https://www.goatcounter.com/');
    await createUrlOpener({ platform: 'darwin', launch })('http://example.org/x?y=1');
    expect(launch.mock.calls).toEqual([
      ['xdg-open', ['https://www.goatcounter.com/']],
      ['open', ['http://example.org/x?y=1']],
    ]);
  });

  it('says the opener is missing instead of a raw spawn error', async () => {
    const launch = vi.fn(async () => {
      throw Object.assign(new Error('spawn xdg-open ENOENT'), { code: 'ENOENT' });
    });
    await expect(
      createUrlOpener({ platform: 'linux', launch })('https://www.goatcounter.com/'),
    ).rejects.toThrow(/^no xdg-open on PATH to open it with$/);
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', '--help', 'not a url'])(
    'refuses %s without launching anything',
    async (url) => {
      const launch = vi.fn(async () => undefined);
      await expect(createUrlOpener({ platform: 'linux', launch })(url)).rejects.toBeInstanceOf(
        NurError,
      );
      expect(launch).not.toHaveBeenCalled();
    },
  );
});
