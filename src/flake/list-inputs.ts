// `listInputs`: the inputs a flake.nix declares, for `nur inputs` and for the add/remove plans.
import { locateInputs, summarizeInputs, type InputSummary } from './locate.js';
import { parseNix } from './parse.js';

export type { InputSummary } from './locate.js';

/** Every input declared in the flake, flat or nested, in source order. Throws FlakeSyntaxError. */
export function listInputs(source: string, file = 'flake.nix'): InputSummary[] {
  return summarizeInputs(locateInputs(parseNix(source, file)));
}
