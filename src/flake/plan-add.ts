// planAddInput: the patches that add an input, its outputs formal and its modules, in the file's style.
import type { SyntaxNode } from '@lezer/common';
import { NurError, UsageError } from '../errors.js';
import { isNixIdentifier, nixString } from '../nix/strings.js';
import type { Patch } from './apply.js';
import {
  eolOf,
  indentAt,
  indentUnit,
  insertAfter,
  insertBefore,
  insertInto,
  isOwnLine,
  nextLineStart,
} from './layout.js';
import {
  formalName,
  locateInputs,
  locateModuleLists,
  locateOutputs,
  type FlakeInput,
  type FlakeOutputs,
  type InputsLayout,
  type ModuleList,
} from './locate.js';
import { parseNix, type NixSource } from './parse.js';
import {
  finishPlan,
  formalEnd,
  formalOwnsLine,
  formalsElements,
  groupEntries,
  normalizeExpr,
  spacedAfter,
  type AddInputRequest,
  type FlakePlan,
  type ModuleRequest,
} from './plan.js';
import { bindParts, bindsOf, children, textOf } from './syntax.js';

const KIND_LABEL = {
  nixos: 'NixOS',
  darwin: 'nix-darwin',
  'home-manager': 'Home Manager',
} as const;

export function planAddInput(
  source: string,
  request: AddInputRequest,
  file = 'flake.nix',
): FlakePlan {
  if (!isNixIdentifier(request.name))
    throw new UsageError(
      `input name ${JSON.stringify(request.name)} is not a valid Nix identifier`,
      "Use letters, digits, _, - and ' (not starting with a digit), e.g. --name nur-foo.",
    );
  const tree = parseNix(source, file);
  const layout = locateInputs(tree);
  if (layout.opaqueInputs) {
    const { line, text } = layout.opaqueInputs;
    throw new NurError(
      `${file} sets its inputs with an expression nur cannot edit (line ${line}: ${text})`,
      { hint: 'Add the input there by hand; `nur add REF --print` prints it.' },
    );
  }
  const outputs = locateOutputs(tree);
  const patches: Patch[] = [];
  const notes: string[] = [];
  let name = request.name;
  let modules = request.modules;
  let existing = layout.inputs.find((i) => i.name === name);
  const sameUrl = layout.inputs.find((i) => i.url === request.url && isNixIdentifier(i.name));
  if (!existing && sameUrl) {
    // The repo is there under another name: use it rather than adding it twice.
    notes.push(`${file} already has ${request.url} as input ${sameUrl.name}; using that name`);
    const renamed = sameUrl.name;
    modules = modules.map((m) => ({
      ...m,
      expr: m.expr.startsWith(`${name}.`) ? `${renamed}${m.expr.slice(name.length)}` : m.expr,
    }));
    name = renamed;
    existing = sameUrl;
  }
  if (existing) {
    if (existing.flake === false && modules.length)
      throw new NurError(
        `${file} has ${name} as plain Nix (flake = false, line ${existing.line}), which has no modules to add`,
        { hint: `Delete its \`flake = false;\` to use its flake, then add the module again.` },
      );
    const patch = existingInputPatch(existing, request);
    if (patch) patches.push(patch);
    else if (existing.flake === false && request.flake)
      notes.push(
        `${name} stays plain Nix (flake = false, line ${existing.line}); delete that line to use its flake`,
      );
  } else {
    patches.push(newInputPatch(tree, layout, request));
  }
  const formal = formalPatch(tree, outputs, name, notes);
  if (formal) patches.push(formal);
  for (const module of modules) {
    patches.push(...modulePatches(tree, outputs, name, module, notes));
  }
  return { ...finishPlan(source, patches, notes), input: name };
}

function existingInputPatch(existing: FlakeInput, request: AddInputRequest): Patch | undefined {
  if (existing.url === request.url) return undefined;
  const current = existing.url === undefined ? 'no url' : `url ${existing.url}`;
  if (!request.force)
    throw new NurError(
      `flake.nix already has an input named ${request.name} (line ${existing.line}) with ${current}`,
      {
        hint: existing.urlNode
          ? `Pass --force to replace its url with ${request.url}, or --name to add it under another name.`
          : `Edit it by hand, or pass --name to add ${request.url} under another name.`,
      },
    );
  if (!existing.urlNode)
    throw new NurError(
      `input ${request.name} (line ${existing.line}) has no plain url to replace; edit it by hand`,
    );
  return { from: existing.urlNode.from, to: existing.urlNode.to, insert: nixString(request.url) };
}

function settingsFor(layout: InputsLayout, request: AddInputRequest): [string, string][] {
  const hasNixpkgs = layout.inputs.some((i) => i.name === 'nixpkgs');
  const settings: [string, string][] = [['url', nixString(request.url)]];
  if (!request.flake) settings.push(['flake', 'false']);
  if (request.flake && request.followsNixpkgs && hasNixpkgs && request.name !== 'nixpkgs')
    settings.push(['inputs.nixpkgs.follows', nixString('nixpkgs')]);
  return settings;
}

/**
 * An existing input written as `x = {` … `};` over several lines: new inputs with more than a url
 * are written the same way, with the same inner indent.
 */
function attrsetStyleUnit(
  tree: NixSource,
  entries: SyntaxNode[],
  depth: number,
): string | undefined {
  const { text } = tree;
  for (const bind of entries) {
    const parts = bindParts(text, bind);
    if (!parts || parts.path.length !== depth || parts.value?.name !== 'AttrSet') continue;
    if (!textOf(text, parts.value).includes('\n')) continue;
    const inner = bindsOf(parts.value)[0];
    if (!inner) continue;
    const outer = indentAt(text, bind.from);
    const innerIndent = indentAt(text, inner.from);
    if (innerIndent.startsWith(outer) && innerIndent.length > outer.length)
      return innerIndent.slice(outer.length);
  }
  return undefined;
}

/** How the file writes `=` in a binding: `a = b;` or compact `a=b;` (copied from the anchor). */
function equalsStyle(text: string, bind: SyntaxNode): string {
  const path = bind.getChild('AttrPath');
  const value = path ? bindParts(text, bind)?.value : null;
  if (!path || !value) return ' = ';
  const between = text.slice(path.to, value.from);
  return between === '=' ? '=' : ' = ';
}

function newInputPatch(tree: NixSource, layout: InputsLayout, request: AddInputRequest): Patch {
  const { text } = tree;
  const eol = eolOf(text);
  const unit = indentUnit(text);
  const settings = settingsFor(layout, request);
  const place = layout.block ? 'block' : 'top';
  const prefix = place === 'block' ? '' : 'inputs.';
  const entries = groupEntries(layout, place);
  const anchor = entries.at(-1) ?? (place === 'top' ? layout.description : undefined);

  const eq = anchor ? equalsStyle(text, anchor) : ' = ';
  const dotted = settings.map(([key, value]) => [`${prefix}${request.name}.${key}${eq}${value};`]);
  let elements = dotted;
  if (anchor && settings.length > 1 && isOwnLine(text, anchor)) {
    const innerUnit = attrsetStyleUnit(tree, entries, place === 'block' ? 1 : 2);
    if (innerUnit !== undefined)
      elements = [
        [
          `${prefix}${request.name}${eq}{`,
          ...settings.map(([key, value]) => `${innerUnit}${key}${eq}${value};`),
          '};',
        ],
      ];
  }
  if (anchor) {
    const blankLine = entries.includes(anchor) && spacedAfter(text, entries, anchor);
    return insertAfter(text, anchor, { elements, eol, blankLine });
  }
  const container = place === 'block' ? layout.block! : layout.top;
  const first = bindsOf(container)[0];
  if (first) return insertBefore(text, first, { elements, eol });
  const kids = children(container);
  const open = kids.find((k) => k.name === '{')!;
  const close = kids.find((k) => k.name === '}')!;
  return insertInto(text, open, close, unit, { elements, eol });
}

/** Adds `name` to `{ … }:` before `...` (or last), copying the separator the formals use. */
function formalPatch(
  tree: NixSource,
  outputs: FlakeOutputs | undefined,
  name: string,
  notes: string[],
): Patch | undefined {
  const { text } = tree;
  if (!outputs) {
    notes.push(`no outputs function found: reference the new input as inputs.${name}`);
    return undefined;
  }
  const args = outputs.args;
  if (args.kind === 'bare') {
    notes.push(
      `outputs takes its inputs as one argument (${args.param}:): use ${args.param}.${name} to reach the new input`,
    );
    return undefined;
  }
  if (args.formals.some((f) => formalName(text, f) === name)) return undefined;
  const elements = formalsElements(outputs);
  let separator = ', ';
  for (let i = elements.length - 1; i > 0; i--) {
    const gap = text.slice(elements[i - 1]!.to, elements[i]!.from);
    if (/^\s*,\s*$/.test(gap)) {
      separator = gap;
      break;
    }
  }
  const last = args.formals.at(-1);
  if (last && formalOwnsLine(text, last)) {
    const at = nextLineStart(text, last.to);
    return { from: at, to: at, insert: `${indentAt(text, last.from)}${name},${eolOf(text)}` };
  }
  if (last) {
    const next = elements[elements.indexOf(last) + 1] ?? args.close;
    const at = formalEnd(text, last, next.from);
    return { from: at, to: at, insert: separator + name };
  }
  if (args.ellipsis)
    return { from: args.ellipsis.from, to: args.ellipsis.from, insert: name + ', ' };
  const inner = text.slice(args.open.to, args.close.from);
  return { from: args.close.from, to: args.close.from, insert: inner === '' ? name : name + ' ' };
}

function moduleExpr(outputs: FlakeOutputs | undefined, name: string, expr: string): string {
  // With `outputs = inputs:` the input is not in scope by its own name.
  if (outputs?.args.kind === 'bare' && (expr === name || expr.startsWith(`${name}.`)))
    return `${outputs.args.param}.${expr}`;
  return expr;
}

function modulePatches(
  tree: NixSource,
  outputs: FlakeOutputs | undefined,
  name: string,
  module: ModuleRequest,
  notes: string[],
): Patch[] {
  const { text } = tree;
  const lists = locateModuleLists(tree).filter((l) => l.primary);
  // A NixOS module goes to nixosSystem lists; its nix-darwin twin, when there is one, to
  // darwinSystem lists. Each list gets the expression of its own kind.
  const exprFor = (list: ModuleList): string | undefined => {
    if (list.kind === module.kind) return moduleExpr(outputs, name, module.expr);
    if (list.kind === 'darwin' && module.kind === 'nixos' && module.darwinExpr)
      return moduleExpr(outputs, name, module.darwinExpr);
    return undefined;
  };
  const all = lists.filter((l) => exprFor(l) !== undefined);
  const targets = module.host ? all.filter((l) => l.host === module.host) : all;
  const label = KIND_LABEL[module.kind];
  const expr = moduleExpr(outputs, name, module.expr);
  if (targets.length === 0 && module.host) {
    // A named host that is not there is a mistake to fix, not a half-done edit.
    const other = lists.find((l) => l.host === module.host);
    if (other)
      throw new NurError(
        `${module.host} is a ${KIND_LABEL[other.kind]} configuration and ${expr} is a ${label} module; nothing was written`,
        { hint: `Add a ${KIND_LABEL[other.kind]} module to it by hand, or pick another --host.` },
      );
    const hosts = [...new Set(all.map((l) => l.host).filter(Boolean))];
    throw new NurError(`no ${label} configuration named ${module.host}; nothing was written`, {
      hint: hosts.length
        ? `Its ${label} configurations: ${hosts.join(', ')}.`
        : `It has no ${label} configuration with a modules list.`,
    });
  }
  if (targets.length === 0) {
    const where = module.kind === 'nixos' ? 'nixosSystem' : 'homeManagerConfiguration';
    notes.push(
      `no ${where} { modules = [ … ]; } found: add ${expr} to your ${label} modules by hand`,
    );
    return [];
  }
  const eol = eolOf(text);
  const unit = indentUnit(text);
  const patches: Patch[] = [];
  for (const list of targets) {
    const wanted = exprFor(list)!;
    if (list.items.some((item) => normalizeExpr(textOf(text, item)) === normalizeExpr(wanted)))
      continue;
    patches.push(listPatch(text, list, wanted, eol, unit));
  }
  return patches;
}

function listPatch(text: string, list: ModuleList, expr: string, eol: string, unit: string): Patch {
  const last = list.items.at(-1);
  if (last) return insertAfter(text, last, { elements: [[expr]], eol });
  return insertInto(text, list.open, list.close, unit, { elements: [[expr]], eol });
}
