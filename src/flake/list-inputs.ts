// `listInputs`/`declaredInputs`: the inputs a flake.nix declares, for `nur inputs` and for the add/remove plans.
import { locateInputs, summarizeInputs, type InputSummary } from './locate.js';
import { parseNix } from './parse.js';

export type { InputSummary } from './locate.js';

export interface DeclaredInputs {
  /** Every input declared in the flake, flat or nested, in source order. */
  inputs: InputSummary[];
  /** `inputs = import ./inputs.nix;` and the like: inputs nur cannot read. */
  opaque?: { line: number; text: string };
}

/** Every input declared in the flake, flat or nested, in source order. Throws FlakeSyntaxError. */
export function listInputs(source: string, file = 'flake.nix'): InputSummary[] {
  return declaredInputs(source, file).inputs;
}

/** The inputs, and whether some come from an expression nur cannot read. */
export function declaredInputs(source: string, file = 'flake.nix'): DeclaredInputs {
  const layout = locateInputs(parseNix(source, file));
  const opaque = layout.opaqueInputs;
  return {
    inputs: summarizeInputs(layout),
    ...(opaque ? { opaque: { line: opaque.line, text: opaque.text } } : {}),
  };
}
