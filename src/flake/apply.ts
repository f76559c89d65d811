// Text patches at tree positions, and applying them: everything outside a patch stays byte for byte.

/** Replace [from, to) with `insert` (from === to inserts, empty insert deletes). */
export interface Patch {
  from: number;
  to: number;
  insert: string;
}

/** Sorts patches by position (insertions at one spot keep their order) and rejects overlaps. */
export function normalizePatches(patches: Patch[]): Patch[] {
  const sorted = patches
    .map((patch, order) => ({ patch, order }))
    .sort((a, b) => a.patch.from - b.patch.from || a.patch.to - b.patch.to || a.order - b.order)
    .map((p) => p.patch);
  const merged: Patch[] = [];
  for (const patch of sorted) {
    const last = merged.at(-1);
    if (last && patch.from < last.to) {
      // Two deletions of touching or nested spans (a line removed twice) collapse into one.
      if (last.insert === '' && patch.insert === '') {
        last.to = Math.max(last.to, patch.to);
        continue;
      }
      throw new Error(`overlapping flake.nix patches at ${patch.from}`);
    }
    merged.push({ ...patch });
  }
  return merged;
}

export function applyPatches(text: string, patches: Patch[]): string {
  let out = '';
  let cursor = 0;
  for (const patch of normalizePatches(patches)) {
    out += text.slice(cursor, patch.from) + patch.insert;
    cursor = patch.to;
  }
  return out + text.slice(cursor);
}
