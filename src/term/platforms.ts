// One-line summaries of a package's platform list, shared by `nur show` and the picker.
import { sanitizeLine } from './sanitize.js';

const OS_ORDER = ['linux', 'darwin'];
const ARCH_ORDER = ['x86_64', 'aarch64'];
const ARCHES_SHOWN = 3;
const SYSTEMS_SHOWN = 4;

function byPreference(order: string[]) {
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  return (a: string, b: string) => rank(a) - rank(b);
}

/**
 * `linux (x86_64, aarch64, +17 more), darwin (x86_64, aarch64), +5 more`: systems grouped by OS,
 * common ones first, short enough for one line.
 */
export function summarizePlatforms(platforms: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const raw of platforms) {
    const platform = sanitizeLine(raw);
    if (!platform) continue;
    const dash = platform.lastIndexOf('-');
    const [arch, os] =
      dash > 0 ? [platform.slice(0, dash), platform.slice(dash + 1)] : ['', platform];
    const arches = groups.get(os) ?? [];
    if (arch && !arches.includes(arch)) arches.push(arch);
    groups.set(os, arches);
  }
  const oses = [...groups.keys()].sort((a, b) => {
    const preferred = byPreference(OS_ORDER)(a, b);
    return preferred || groups.get(b)!.length - groups.get(a)!.length;
  });
  const parts = oses.slice(0, SYSTEMS_SHOWN).map((os) => {
    const arches = [...groups.get(os)!].sort(byPreference(ARCH_ORDER));
    if (arches.length === 0) return os;
    const shown =
      arches.length <= ARCHES_SHOWN
        ? arches
        : [...arches.slice(0, ARCHES_SHOWN - 1), `+${arches.length - (ARCHES_SHOWN - 1)} more`];
    return `${os} (${shown.join(', ')})`;
  });
  if (oses.length > SYSTEMS_SHOWN) parts.push(`+${oses.length - SYSTEMS_SHOWN} more`);
  return parts.join(', ');
}
