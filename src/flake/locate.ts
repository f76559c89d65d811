// Finds the parts of a flake.nix that `nur add`/`nur remove`/`nur inputs` work on, as tree nodes.
import type { SyntaxNode } from '@lezer/common';
import { NurError } from '../errors.js';
import { lineColumn, type NixSource } from './parse.js';
import {
  attrPathOf,
  attrSetBody,
  bindParts,
  bindsOf,
  children,
  isAttrSet,
  nextSignificant,
  prevSignificant,
  stringValue,
  textOf,
  unwrapParens,
  type BindParts,
} from './syntax.js';

/** One binding that sets something on an input: `inputs.x.url = …;` or `x = { … };` in a block. */
export interface InputBinding {
  bind: SyntaxNode;
  /** The path below the input's name (`['url']`, `['inputs', 'nixpkgs', 'follows']`, `[]`). */
  subPath: string[];
  value: SyntaxNode | null;
  /** In the top-level attrset (`inputs.x…`) or inside an `inputs = { … };` block. */
  place: 'top' | 'block';
}

export interface FlakeInput {
  name: string;
  bindings: InputBinding[];
  url?: string;
  /** The String node holding the url, for replacing it. */
  urlNode?: SyntaxNode;
  /** `{ type = "github"; owner = …; repo = …; }`: the reference given attribute by attribute. */
  attrs: Record<string, string>;
  flake?: boolean;
  /** `inputs.<dep>.follows` of this input: dep → target. */
  follows: Record<string, string>;
  /** This input itself follows another (`inputs.x.follows = "y";`). */
  followsInput?: string;
  /** Every follows string with its node (`"nixpkgs"`, `"flake-utils/systems"`). */
  followsValues: { target: string; node: SyntaxNode }[];
  /** 1-based line of its first binding. */
  line: number;
}

export interface InputsLayout {
  /** The flake's top-level `{ … }`. */
  top: SyntaxNode;
  /** Top-level binds whose path starts with `inputs.` and goes deeper. */
  flatBinds: SyntaxNode[];
  /** `inputs = { … };` (the Bind) and its attrset, when present. */
  blockBind?: SyntaxNode;
  block?: SyntaxNode;
  /** The top-level `description = …;` bind. */
  description?: SyntaxNode;
  inputs: FlakeInput[];
  /** `inputs = <not an attrset literal>;` (`import ./inputs.nix`, `a // b`): not editable. */
  opaqueInputs?: { bind: SyntaxNode; line: number; text: string };
}

export type OutputsArgs =
  /** `{ self, nixpkgs, ... }:`, optionally with `@inputs` on either side. */
  | {
      kind: 'formals';
      open: SyntaxNode;
      close: SyntaxNode;
      formals: SyntaxNode[];
      ellipsis?: SyntaxNode;
      /** The name bound by `@`, when the pattern has one. */
      atName?: string;
    }
  /** `inputs:` */
  | { kind: 'bare'; param: string };

export interface FlakeOutputs {
  bind: SyntaxNode;
  fn: SyntaxNode;
  args: OutputsArgs;
  body: SyntaxNode | null;
}

export type ModuleKind = 'nixos' | 'darwin' | 'home-manager';

export interface ModuleList {
  kind: ModuleKind;
  /** `nixosSystem`, `darwinSystem`, `homeManagerConfiguration`. */
  builder: string;
  /** From the binding path: `nixosConfigurations.<host> = …`. */
  host?: string;
  list: SyntaxNode;
  items: SyntaxNode[];
  open: SyntaxNode;
  close: SyntaxNode;
  /** `modules = a ++ [ … ] ++ [ … ]` has several lists; new modules go to the last one. */
  primary: boolean;
  line: number;
}

/** The flake's top-level attrset; flake.nix must be one. */
export function topAttrSet(source: NixSource): SyntaxNode {
  const top = source.top;
  if (!isAttrSet(top))
    throw new NurError('flake.nix is not an attribute set at the top level', {
      hint: 'A flake.nix is `{ description = …; inputs = …; outputs = …; }`.',
    });
  return attrSetBody(top);
}

function topBinds(text: string, top: SyntaxNode): BindParts[] {
  return bindsOf(top)
    .map((b) => bindParts(text, b))
    .filter((b): b is BindParts => !!b);
}

/** Flattens an input's settings into (path, value) pairs, descending into attrset values. */
function settingsOf(text: string, subPath: string[], value: SyntaxNode | null) {
  const out: { path: string[]; value: SyntaxNode | null }[] = [];
  const walk = (path: string[], node: SyntaxNode | null) => {
    const inner = unwrapParens(node);
    if (isAttrSet(inner) && inner.name === 'AttrSet') {
      for (const b of bindsOf(inner)) {
        const parts = bindParts(text, b);
        if (parts) walk([...path, ...parts.path], parts.value);
      }
    } else out.push({ path, value: inner });
  };
  walk(subPath, value);
  return out;
}

function boolValue(text: string, node: SyntaxNode | null): boolean | undefined {
  if (!node || node.name !== 'Boolean') return undefined;
  return textOf(text, node) === 'true';
}

export function locateInputs(source: NixSource): InputsLayout {
  const { text } = source;
  const top = topAttrSet(source);
  const layout: InputsLayout = { top, flatBinds: [], inputs: [] };
  const byName = new Map<string, FlakeInput>();
  const record = (name: string, binding: InputBinding) => {
    let input = byName.get(name);
    if (!input) {
      input = {
        name,
        bindings: [],
        follows: {},
        followsValues: [],
        attrs: {},
        line: lineColumn(text, binding.bind.from).line,
      };
      byName.set(name, input);
      layout.inputs.push(input);
    }
    input.bindings.push(binding);
    for (const setting of settingsOf(text, binding.subPath, binding.value)) {
      const [first, second, third, ...rest] = setting.path;
      if (first === 'url' && second === undefined && setting.value?.name === 'String') {
        input.url = stringValue(text, setting.value);
        input.urlNode = setting.value;
      } else if (first === 'url' && second === undefined && setting.value?.name === 'URI') {
        // Old flakes write unquoted URLs: `inputs.nixpkgs.url = github:NixOS/nixpkgs;`.
        input.url = textOf(text, setting.value);
        input.urlNode = setting.value;
      } else if (
        REFERENCE_ATTRS.has(first!) &&
        second === undefined &&
        setting.value?.name === 'String'
      ) {
        const value = stringValue(text, setting.value);
        if (value !== undefined) input.attrs[first!] = value;
      } else if (first === 'flake' && second === undefined) {
        input.flake = boolValue(text, setting.value);
      } else if (first === 'follows' && second === undefined && setting.value) {
        const target = stringValue(text, setting.value);
        if (target !== undefined) {
          input.followsInput = target;
          input.followsValues.push({ target, node: setting.value });
        }
      } else if (
        first === 'inputs' &&
        second !== undefined &&
        third === 'follows' &&
        rest.length === 0 &&
        setting.value
      ) {
        const target = stringValue(text, setting.value);
        if (target !== undefined) {
          input.follows[second] = target;
          input.followsValues.push({ target, node: setting.value });
        }
      }
    }
  };

  for (const parts of topBinds(text, top)) {
    const [head, name, ...subPath] = parts.path;
    if (head === 'description' && parts.path.length === 1) layout.description = parts.bind;
    if (head !== 'inputs') continue;
    if (name === undefined) {
      const value = unwrapParens(parts.value);
      if (!isAttrSet(value)) {
        const line = lineColumn(text, parts.bind.from).line;
        const shown = textOf(text, parts.bind).replace(/\s+/g, ' ');
        layout.opaqueInputs ??= { bind: parts.bind, line, text: shown.slice(0, 60) };
        continue;
      }
      // `rec { … }` edits like a plain block: its `{ … }` is the RecAttrSet's child.
      const block = attrSetBody(value);
      if (!layout.block) {
        layout.blockBind = parts.bind;
        layout.block = block;
        for (const inner of topBinds(text, block)) {
          const [innerName, ...innerSub] = inner.path;
          if (innerName === undefined) continue;
          record(innerName, {
            bind: inner.bind,
            subPath: innerSub,
            value: inner.value,
            place: 'block',
          });
        }
      }
      continue;
    }
    layout.flatBinds.push(parts.bind);
    record(name, { bind: parts.bind, subPath, value: parts.value, place: 'top' });
  }
  return layout;
}

/** The flake's inputs as `nur inputs` lists them. */
export interface InputSummary {
  name: string;
  url?: string;
  flake?: boolean;
  follows: Record<string, string>;
  /** The input itself follows another input. */
  followsInput?: string;
  line: number;
}

const REFERENCE_ATTRS = new Set(['type', 'owner', 'repo', 'ref', 'rev', 'host', 'dir']);

/**
 * The URL form of a reference given as attributes, as `nix flake metadata` would print it:
 * `github:owner/repo?ref=…`, and `git+…` for `type = "git"` with its url. Others are left out.
 */
function urlOfAttrs(attrs: Record<string, string>, url: string | undefined): string | undefined {
  const params = ['ref', 'rev', 'host', 'dir']
    .filter((key) => attrs[key] !== undefined)
    .map((key) => `${key}=${encodeURIComponent(attrs[key]!)}`);
  const query = params.length ? `?${params.join('&')}` : '';
  const { type, owner, repo } = attrs;
  if ((type === 'github' || type === 'gitlab' || type === 'sourcehut') && owner && repo)
    return `${type}:${owner}/${repo}${query}`;
  if (type === 'git' && url) return `${url.startsWith('git+') ? '' : 'git+'}${url}${query}`;
  return undefined;
}

export function summarizeInputs(layout: InputsLayout): InputSummary[] {
  return layout.inputs.map((input) => {
    const summary: InputSummary = {
      name: input.name,
      follows: { ...input.follows },
      line: input.line,
    };
    const url = input.attrs.type ? urlOfAttrs(input.attrs, input.url) : input.url;
    if (url !== undefined) summary.url = url;
    if (input.flake !== undefined) summary.flake = input.flake;
    if (input.followsInput !== undefined) summary.followsInput = input.followsInput;
    return summary;
  });
}

export function locateOutputs(source: NixSource): FlakeOutputs | undefined {
  const { text } = source;
  const top = topAttrSet(source);
  for (const parts of topBinds(text, top)) {
    if (parts.path.length !== 1 || parts.path[0] !== 'outputs') continue;
    const fn = unwrapParens(parts.value);
    if (!fn || fn.name !== 'Function') return undefined;
    const kids = children(fn);
    const open = kids.find((k) => k.name === '{');
    if (!open) {
      const param = kids[0];
      if (!param || param.name !== 'Identifier') return undefined;
      return {
        bind: parts.bind,
        fn,
        args: { kind: 'bare', param: textOf(text, param) },
        body: kids[1] ?? null,
      };
    }
    const close = kids.find((k) => k.name === '}');
    if (!close) return undefined;
    const formals = kids.filter((k) => k.name === 'Formal' && k.from < k.to);
    const ellipsis = kids.find((k) => k.name === 'Ellipses');
    const afterClose = nextSignificant(close);
    const atNode =
      kids[0]?.name === 'Identifier'
        ? kids[0]
        : afterClose?.name === 'Identifier' && nextSignificant(afterClose)
          ? afterClose
          : undefined;
    const atName = atNode ? textOf(text, atNode) : undefined;
    const body = kids.at(-1) !== close && kids.at(-1) !== atNode ? (kids.at(-1) ?? null) : null;
    return {
      bind: parts.bind,
      fn,
      args: { kind: 'formals', open, close, formals, ellipsis, atName },
      body,
    };
  }
  return undefined;
}

export function formalName(text: string, formal: SyntaxNode): string {
  const id = formal.getChild('Identifier');
  return id ? textOf(text, id) : '';
}

const MODULE_BUILDERS: Record<string, ModuleKind> = {
  nixosSystem: 'nixos',
  darwinSystem: 'darwin',
  homeManagerConfiguration: 'home-manager',
};

const CONFIGURATION_ATTRS = new Set([
  'nixosConfigurations',
  'darwinConfigurations',
  'homeConfigurations',
]);

/** The last name of a called function: `nixpkgs.lib.nixosSystem` → `nixosSystem`. */
function calleeName(text: string, callee: SyntaxNode): string | undefined {
  const node = unwrapParens(callee);
  if (!node) return undefined;
  if (node.name === 'Identifier') return textOf(text, node);
  if (node.name === 'Select') {
    const path = node.getChild('AttrPath');
    const parts = path ? attrPathOf(text, path) : undefined;
    return parts?.at(-1);
  }
  return undefined;
}

/** The binding path leading to a node: `nixosConfigurations.host` through nested attrsets. */
function bindingPathTo(text: string, node: SyntaxNode): string[] {
  const path: string[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if (current.name !== 'Bind') continue;
    const parts = bindParts(text, current);
    if (!parts) continue;
    // Only when the node sits in the bound value, not in the path itself.
    if (parts.value && node.from >= parts.value.from) path.unshift(...parts.path);
  }
  return path;
}

function hostOf(text: string, call: SyntaxNode): string | undefined {
  const path = bindingPathTo(text, call);
  for (let i = path.length - 2; i >= 0; i--) {
    if (CONFIGURATION_ATTRS.has(path[i]!)) return path[i + 1];
  }
  return undefined;
}

/** The list literals of `modules = [ … ]` or of a `++` chain (`common ++ [ … ]`). */
function listOperands(value: SyntaxNode | null): SyntaxNode[] {
  const node = unwrapParens(value);
  if (!node) return [];
  if (node.name === 'List') return [node];
  if (node.name === 'BinaryExpr') return children(node).flatMap(listOperands);
  return [];
}

export function locateModuleLists(source: NixSource): ModuleList[] {
  const { text } = source;
  const lists: ModuleList[] = [];
  source.tree.iterate({
    enter(ref) {
      if (ref.name !== 'App') return;
      const call = ref.node;
      const [callee, argument] = children(call);
      if (!callee || !argument) return;
      const builder = calleeName(text, callee);
      const kind = builder ? MODULE_BUILDERS[builder] : undefined;
      const args = unwrapParens(argument);
      if (!builder || !kind || !isAttrSet(args)) return;
      for (const b of bindsOf(args)) {
        const parts = bindParts(text, b);
        if (!parts || parts.path.length !== 1 || parts.path[0] !== 'modules') continue;
        const operands = listOperands(parts.value);
        operands.forEach((list, i) => {
          const kids = children(list);
          const open = kids.find((k) => k.name === '[');
          const close = kids.find((k) => k.name === ']');
          if (!open || !close) return;
          lists.push({
            kind,
            builder,
            host: hostOf(text, call),
            list,
            items: kids.filter((k) => k !== open && k !== close),
            open,
            close,
            primary: i === operands.length - 1,
            line: lineColumn(text, list.from).line,
          });
        });
      }
    },
  });
  return lists;
}

/**
 * Identifier nodes that read a variable named `name` (not attribute names, formals or
 * parameters), and `<at>.name` selections through the outputs' `@`/bare argument.
 */
export function referencesTo(source: NixSource, name: string, argName?: string): SyntaxNode[] {
  const { text } = source;
  const refs: SyntaxNode[] = [];
  source.tree.iterate({
    enter(ref) {
      const node = ref.node;
      if (node.name === 'Select' && argName) {
        const [base, path] = children(node);
        if (base?.name === 'Identifier' && textOf(text, base) === argName && path) {
          const parts = attrPathOf(text, path);
          if (parts?.[0] === name) refs.push(node);
        }
        return;
      }
      if (node.name !== 'Identifier' || textOf(text, node) !== name) return;
      const parent = node.parent;
      if (!parent) return;
      if (parent.name === 'AttrPath') return;
      // A formal's own name is a binding; its default (`{ a ? name }`) reads.
      if (parent.name === 'Formal' && prevSignificant(node) === null) return;
      // The parameter (`name:`) and the `@name` binding are not reads; the body is.
      if (parent.name === 'Function' && nextSignificant(node) !== null) return;
      if (parent.name === 'AttrSet' || parent.name === 'Let' || parent.name === 'LetAttrSet') {
        // `inherit name;` reads name; `inherit (x) name;` reads x.name instead.
        for (let prev = node.prevSibling; prev; prev = prev.prevSibling) {
          if (prev.name === ')') return;
          if (prev.name === 'inherit') break;
        }
      }
      refs.push(node);
    },
  });
  return refs;
}
