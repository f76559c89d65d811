// planRemoveInput: removes an input's bindings, its outputs formal and its module-list entries,
// each with exactly the whitespace planAddInput gives it, so add → remove restores the file.
import type { SyntaxNode } from '@lezer/common';
import { NurError } from '../errors.js';
import type { Patch } from './apply.js';
import { lineStart, nextLineStart, removeElement, type Span } from './layout.js';
import {
  formalName,
  locateInputs,
  locateModuleLists,
  locateOutputs,
  referencesTo,
  type FlakeInput,
  type FlakeOutputs,
  type InputsLayout,
} from './locate.js';
import { lineColumn, parseNix, type NixSource } from './parse.js';
import {
  argNameOf,
  finishPlan,
  formalEnd,
  formalOwnsLine,
  formalsElements,
  groupEntries,
  itemUsesInput,
  spacedAfter,
  type FlakePlan,
} from './plan.js';

export interface RemoveOptions {
  /** Remove even when the name is still used elsewhere in the file. */
  force?: boolean;
}

export function planRemoveInput(
  source: string,
  name: string,
  options: RemoveOptions = {},
  file = 'flake.nix',
): FlakePlan {
  const tree = parseNix(source, file);
  const layout = locateInputs(tree);
  const input = layout.inputs.find((i) => i.name === name);
  if (!input) {
    const names = layout.inputs.map((i) => i.name);
    const opaque = layout.opaqueInputs;
    throw new NurError(`${file} has no input named ${name}`, {
      hint: opaque
        ? `Its inputs come from an expression nur cannot edit (line ${opaque.line}: ${opaque.text}); remove it there by hand.`
        : names.length
          ? `Its inputs: ${names.join(', ')}.`
          : 'It declares no inputs.',
    });
  }
  const outputs = locateOutputs(tree);
  const argName = argNameOf(outputs);
  const patches: Patch[] = [...inputPatches(tree, layout, input)];
  const formal = formalPatch(tree, outputs, name);
  if (formal) patches.push(formal);
  for (const list of locateModuleLists(tree)) {
    for (const item of list.items) {
      if (itemUsesInput(source, item, name, argName)) patches.push(removeElement(source, item));
    }
  }
  const notes: string[] = [];
  const removed: Span[] = [...patches, ...input.bindings.map((b) => b.bind)];
  // Other inputs following this one (`inputs.x.inputs.nixpkgs.follows = "name"`) would dangle.
  const followers = layout.inputs
    .filter((other) => other !== input)
    .flatMap((other) => other.followsValues)
    .filter((f) => f.target === name || f.target.startsWith(`${name}/`))
    .map((f) => f.node);
  const remaining = [...referencesTo(tree, name, argName), ...followers].filter(
    (ref) => !removed.some((span) => ref.from >= span.from && ref.to <= span.to),
  );
  if (remaining.length) {
    const lines = [...new Set(remaining.map((r) => lineColumn(source, r.from).line))].sort(
      (a, b) => a - b,
    );
    const where = `line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`;
    if (!options.force)
      throw new NurError(`${name} is still used in ${file} on ${where}`, {
        hint: 'Remove those uses first, or pass --force to remove the input anyway.',
      });
    // Without its formal a bare `name` would be an undefined variable, which Nix rejects as a
    // syntax error: the formal stays, so the file still parses until those lines are updated.
    const bareUse = remaining.some((ref) => ref.name === 'Identifier');
    if (formal && bareUse) patches.splice(patches.indexOf(formal), 1);
    notes.push(
      formal && bareUse
        ? `${name} is still used on ${where}: update those lines, then remove ${name} from the outputs arguments`
        : `${name} is still used on ${where}: update those lines`,
    );
  }
  return finishPlan(source, patches, notes);
}

function inputPatches(tree: NixSource, layout: InputsLayout, input: FlakeInput): Patch[] {
  const { text } = tree;
  const patches: Patch[] = [];
  for (const place of ['top', 'block'] as const) {
    const own = input.bindings.filter((b) => b.place === place).map((b) => b.bind);
    if (own.length === 0) continue;
    const entries = groupEntries(layout, place);
    const first = own.reduce((a, b) => (b.from < a.from ? b : a));
    // The entry the input was added after: an empty line above it mirrors the spacing there.
    const before = entries.filter((e) => e.to <= first.from && !own.includes(e)).at(-1);
    const spaced = !!before && spacedAfter(text, entries, before);
    for (const bind of own) patches.push(removeElement(text, bind, spaced && bind === first));
  }
  return patches;
}

function formalPatch(
  tree: NixSource,
  outputs: FlakeOutputs | undefined,
  name: string,
): Patch | undefined {
  const { text } = tree;
  if (!outputs || outputs.args.kind !== 'formals') return undefined;
  const formal = outputs.args.formals.find((f) => formalName(text, f) === name);
  if (!formal) return undefined;
  const elements = formalsElements(outputs);
  const i = elements.indexOf(formal);
  const previous: SyntaxNode | undefined = elements[i - 1];
  if (
    previous &&
    previous.name === 'Formal' &&
    formalOwnsLine(text, previous) &&
    formalOwnsLine(text, formal)
  )
    return { from: lineStart(text, formal.from), to: nextLineStart(text, formal.to), insert: '' };
  if (previous && previous.name === 'Formal')
    return { from: formalEnd(text, previous, formal.from), to: formal.to, insert: '' };
  const next = elements[i + 1];
  if (next) return { from: formal.from, to: next.from, insert: '' };
  let to = formal.to;
  while (to < outputs.args.close.from && /[ \t]/.test(text[to]!)) to++;
  return { from: formal.from, to, insert: '' };
}
