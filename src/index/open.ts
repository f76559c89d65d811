// Loads the index for a run: cache first, refresh when stale. Implemented by the index issue.
import type { AppContext } from '../context.js';
import type { NurIndex } from '../model.js';
import { NurError } from '../errors.js';

export async function openIndex(context: AppContext): Promise<NurIndex> {
  void context;
  throw new NurError('the index cache is not implemented yet');
}
