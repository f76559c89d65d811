// The one error for a REF that names nothing in the index (with did-you-mean suggestions), or
// that names a package in several repos (with the refs to choose from).
import { NurError } from '../errors.js';
import type { NurIndex } from '../model.js';

/** Candidates listed for an ambiguous name; the rest are counted. */
const MAX_CANDIDATES = 8;

export async function refNotFound(
  index: NurIndex,
  ref: string,
  fallbackHint: string,
): Promise<NurError> {
  const [{ suggest }, { packagesWithAttr, stripRefPrefix }] = await Promise.all([
    import('../search/suggest.js'),
    import('../index/resolve.js'),
  ]);
  const candidates = packagesWithAttr(index, ref);
  if (candidates.length > 1) {
    const shown = candidates.slice(0, MAX_CANDIDATES).map((p) => p.ref);
    const more = candidates.length - shown.length;
    return new NurError(
      `${JSON.stringify(ref)} is ambiguous: ${candidates.length} NUR repos have a package of that name`,
      { hint: `Name one with its repo: ${shown.join(', ')}${more ? ` (and ${more} more)` : ''}.` },
    );
  }
  const repoNames = new Set([...Object.keys(index.repos), ...index.packages.map((p) => p.repo)]);
  const matches = suggest(stripRefPrefix(ref), {
    refs: index.packages.map((p) => p.ref),
    repoNames: [...repoNames],
  });
  return new NurError(`no package or repo named ${JSON.stringify(ref)} in the NUR index`, {
    hint: matches.length ? `Did you mean ${matches.map((m) => m.value).join(', ')}?` : fallbackHint,
  });
}
