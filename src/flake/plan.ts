// What an edit plan is, and the pieces add and remove share (formals layout, module expressions).
import type { SyntaxNode } from '@lezer/common';
import { NurError } from '../errors.js';
import { applyPatches, normalizePatches, type Patch } from './apply.js';
import { blankLineBetween } from './layout.js';
import type { FlakeOutputs, InputsLayout, ModuleKind } from './locate.js';
import { parseNix } from './parse.js';
import { bindsOf, children, textOf } from './syntax.js';

export interface ModuleRequest {
  kind: Exclude<ModuleKind, 'darwin'>;
  /** Expression for the module, relative to the input: `nur-x.nixosModules.foo`. */
  expr: string;
  /**
   * For a NixOS module: the same module for nix-darwin configurations, when the input has one
   * (`nur.modules.darwin.default`). Without it, darwinSystem modules lists are left alone.
   */
  darwinExpr?: string;
  /** Only the configuration bound to this name (`nixosConfigurations.<host>`). */
  host?: string;
}

export interface AddInputRequest {
  /** The input's name; must be a Nix identifier. */
  name: string;
  /** The flake URL, written through nixString. */
  url: string;
  /** false writes `flake = false;`. */
  flake: boolean;
  /** Write `inputs.nixpkgs.follows = "nixpkgs";` when the flake has a nixpkgs input. */
  followsNixpkgs: boolean;
  modules: ModuleRequest[];
  /** Replace the URL of an input that already has this name. */
  force?: boolean;
}

export interface FlakePlan {
  /** The whole new file (equal to the input when unchanged). */
  text: string;
  patches: Patch[];
  /** One-line messages for the user: what was not done and what to do instead. */
  notes: string[];
  status: 'changed' | 'unchanged';
  /** The input the plan is about (add reuses an input that has the same URL under another name). */
  input?: string;
}

/** Applies the patches, and checks that the result is still a syntax tree without errors. */
export function finishPlan(source: string, patches: Patch[], notes: string[]): FlakePlan {
  const normalized = normalizePatches(patches);
  if (normalized.length === 0) return { text: source, patches: [], notes, status: 'unchanged' };
  const text = applyPatches(source, normalized);
  try {
    parseNix(text);
  } catch (error) {
    throw new NurError('internal error: the edit would break flake.nix, so nothing was written', {
      cause: error,
      hint: 'Please report this with your flake.nix.',
    });
  }
  return { text, patches: normalized, notes, status: 'changed' };
}

/** The formals and the `...` of `{ … }:`, in source order. */
export function formalsElements(outputs: FlakeOutputs): SyntaxNode[] {
  if (outputs.args.kind !== 'formals') return [];
  const { formals, ellipsis } = outputs.args;
  return [...formals, ...(ellipsis ? [ellipsis] : [])].sort((a, b) => a.from - b.from);
}

/** The entries of an input container that separate like a list: block binds, or flat lines. */
export function groupEntries(layout: InputsLayout, place: 'top' | 'block'): SyntaxNode[] {
  if (place === 'block') return layout.block ? bindsOf(layout.block) : [];
  return layout.flatBinds;
}

/** Whether a new entry after `anchor` gets an empty line before it (entries are spaced that way). */
export function spacedAfter(text: string, entries: SyntaxNode[], anchor: SyntaxNode): boolean {
  const i = entries.indexOf(anchor);
  const previous = i > 0 ? entries[i - 1] : undefined;
  return !!previous && blankLineBetween(text, previous, anchor);
}

/** A module-list item that names the input: `name.nixosModules.x`, `inputs.name.…`. */
export function itemUsesInput(
  text: string,
  item: SyntaxNode,
  name: string,
  argName: string | undefined,
): boolean {
  if (item.name !== 'Select') return false;
  const [base, path] = children(item);
  if (!base || base.name !== 'Identifier') return false;
  const baseName = textOf(text, base);
  if (baseName === name) return true;
  if (argName && baseName === argName && path) {
    const first = children(path)[0];
    return !!first && textOf(text, first) === name;
  }
  return false;
}

/** The name outputs' whole argument is bound to (`inputs` in `inputs:` or `{ … }@inputs`). */
export function argNameOf(outputs: FlakeOutputs | undefined): string | undefined {
  if (!outputs) return undefined;
  return outputs.args.kind === 'bare' ? outputs.args.param : outputs.args.atName;
}

export function normalizeExpr(expr: string): string {
  return expr.replace(/\s+/g, '');
}

/**
 * Where a formal's own text ends: after comments that follow it before its comma
 * (`flake-utils /* why *\/, ...`), so a formal added after it does not take its comment.
 */
export function formalEnd(text: string, formal: SyntaxNode, limit: number): number {
  let end = formal.to;
  const trivia = /\s+|#[^\n]*|\/\*[\s\S]*?\*\//y;
  trivia.lastIndex = formal.to;
  for (let m = trivia.exec(text); m && trivia.lastIndex <= limit; m = trivia.exec(text)) {
    if (!/^\s/.test(m[0])) end = trivia.lastIndex;
  }
  return end;
}

const COMMA_ENDS_LINE = /^,[ \t]*(?:#[^\n]*|\/\*(?:(?!\*\/)[^\n])*\*\/)?[ \t]*\r?\n/;

/**
 * A formal written on its own line with its comma after it (`  nixpkgs, # why`): formals added after
 * it take a line of their own, so its comment stays with it.
 */
export function formalOwnsLine(text: string, formal: SyntaxNode): boolean {
  const start = text.lastIndexOf('\n', formal.from - 1) + 1;
  return (
    /^[ \t]*$/.test(text.slice(start, formal.from)) && COMMA_ENDS_LINE.test(text.slice(formal.to))
  );
}
