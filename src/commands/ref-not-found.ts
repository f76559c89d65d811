// The one error for a REF that names nothing in the index, with did-you-mean suggestions.
import { NurError } from '../errors.js';
import type { NurIndex } from '../model.js';

export async function refNotFound(
  index: NurIndex,
  ref: string,
  fallbackHint: string,
): Promise<NurError> {
  const [{ suggest }, { stripRefPrefix }] = await Promise.all([
    import('../search/suggest.js'),
    import('../index/resolve.js'),
  ]);
  const repoNames = new Set([...Object.keys(index.repos), ...index.packages.map((p) => p.repo)]);
  const matches = suggest(stripRefPrefix(ref), {
    refs: index.packages.map((p) => p.ref),
    repoNames: [...repoNames],
  });
  return new NurError(`no package or repo named ${JSON.stringify(ref)} in the NUR index`, {
    hint: matches.length ? `Did you mean ${matches.map((m) => m.value).join(', ')}?` : fallbackHint,
  });
}
