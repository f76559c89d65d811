// What the preview and the details screen say about a package, as lines fitted to a width.
// Pure; every value from the index goes through sanitizeLine/sanitizeBlock here, before layout.
import type { Package, Repo } from '../model.js';
import { displayAttrPath } from '../snippets/names.js';
import type { Snippet } from '../snippets/types.js';
import { summarizePlatforms } from '../term/platforms.js';
import { sanitizeBlock, sanitizeLine } from '../term/sanitize.js';
import { hardWrap, truncate, wrap } from './text.js';

export type LineRole = 'heading' | 'dim' | 'warning' | 'plain' | 'code' | 'added' | 'removed';

export interface ViewLine {
  text: string;
  role: LineRole;
}

const line = (text: string, role: LineRole = 'plain'): ViewLine => ({ text, role });

/** Short words for the states that make a package unusable or surprising. */
export function packageFlags(pkg: Package): string[] {
  const flags: string[] = [];
  if (pkg.broken) flags.push('broken');
  if (!pkg.available) flags.push('unavailable');
  if (pkg.insecure) flags.push('insecure');
  if (pkg.unfree) flags.push('unfree');
  return flags;
}

function licenseText(pkg: Package): string {
  return pkg.licenses
    .map((l) => l.spdxId ?? l.shortName ?? l.fullName ?? '')
    .filter(Boolean)
    .join(', ');
}

function maintainersText(pkg: Package): string {
  return pkg.maintainers
    .map((m) => m.name ?? m.github ?? m.email ?? '')
    .filter(Boolean)
    .join(', ');
}

const LABEL_WIDTH = 12;

/**
 * `Label      value`, the value wrapped under itself; `full` carries long words (URLs, paths) on
 * over several lines instead of cutting them.
 */
function field(label: string, value: string, width: number, full = false): ViewLine[] {
  const safe = sanitizeLine(value);
  if (!safe) return [];
  if (width < LABEL_WIDTH + 10)
    return wrap(`${label}: ${safe}`, width, { breakWords: full }).map((t) => line(t));
  const pad = ' '.repeat(LABEL_WIDTH);
  return wrap(safe, width - LABEL_WIDTH, { breakWords: full }).map((t, i) =>
    line(`${i === 0 ? label.padEnd(LABEL_WIDTH) : pad}${t}`),
  );
}

function header(pkg: Package, width: number, full = false): ViewLine[] {
  const version = sanitizeLine(pkg.version);
  const title = `${sanitizeLine(pkg.ref)}${version ? `  ${version}` : ''}`;
  const lines = wrap(title, width, { breakWords: full }).map((t) => line(t, 'heading'));
  const flags = packageFlags(pkg);
  if (flags.length) lines.push(line(flags.join(', '), 'warning'));
  return lines;
}

function snippetLines(snippet: Snippet, width: number, full = false): ViewLine[] {
  return [
    ...(full
      ? wrap(sanitizeLine(snippet.title), width, { breakWords: true })
      : [truncate(sanitizeLine(snippet.title), width)]
    ).map((title) => line(title, 'dim')),
    ...sanitizeBlock(snippet.code)
      .split('\n')
      .flatMap((code) => (full ? hardWrap(code, width) : [truncate(code, width)]))
      .map((code) => line(code, 'code')),
  ];
}

/** The preview pane: the essentials and the primary snippet, for a pane `width` columns wide. */
export function previewLines(
  pkg: Package,
  repo: Repo | undefined,
  primary: Snippet | undefined,
  width: number,
): ViewLine[] {
  const description = sanitizeLine(pkg.description);
  const lines: ViewLine[] = [...header(pkg, width)];
  if (description) lines.push(...wrap(description, width).map((t) => line(t)));
  lines.push(line(''));
  lines.push(...field('Homepage', pkg.homepage, width));
  lines.push(...field('License', licenseText(pkg), width));
  lines.push(...field('Program', pkg.mainProgram, width));
  lines.push(...field('Platforms', summarizePlatforms(pkg.platforms), width));
  lines.push(...field('Repo', repo?.url ?? pkg.repo, width));
  if (primary) lines.push(line(''), ...snippetLines(primary, width));
  return lines;
}

/** The details screen: everything the index knows, then every snippet. */
export function detailsLines(
  pkg: Package,
  repo: Repo | undefined,
  snippets: readonly Snippet[],
  width: number,
): ViewLine[] {
  const lines: ViewLine[] = [...header(pkg, width, true)];
  const description = sanitizeLine(pkg.description);
  const full = { breakWords: true };
  if (description) lines.push(...wrap(description, width, full).map((t) => line(t)));
  const long = sanitizeBlock(pkg.longDescription);
  if (long) lines.push(line(''), ...wrap(long, width, full).map((t) => line(t)));
  lines.push(line(''));
  lines.push(...field('Attr path', displayAttrPath(pkg), width, true));
  lines.push(...field('Name', pkg.name, width, true));
  lines.push(...field('Homepage', pkg.homepage, width, true));
  lines.push(...field('License', licenseText(pkg), width, true));
  lines.push(...field('Program', pkg.mainProgram, width, true));
  lines.push(...field('Platforms', summarizePlatforms(pkg.platforms), width, true));
  lines.push(...field('Maintainers', maintainersText(pkg), width, true));
  lines.push(...field('Outputs', pkg.outputs.join(', '), width, true));
  lines.push(...field('Source', pkg.position, width, true));
  lines.push(...field('Repo', repo?.url ?? `${pkg.repo} (not in repos.json)`, width, true));
  if (repo?.lockedRev) lines.push(...field('Locked rev', repo.lockedRev, width, true));
  for (const snippet of snippets) lines.push(line(''), ...snippetLines(snippet, width, true));
  return lines;
}
