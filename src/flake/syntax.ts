// Small readers over the Lezer Nix tree: attribute paths, string values, children by name.
import type { SyntaxNode } from '@lezer/common';

export function isComment(node: SyntaxNode | null | undefined): boolean {
  return !!node && (node.name === 'LineComment' || node.name === 'BlockComment');
}

/** Child nodes without comments (Lezer keeps comments in the tree wherever they appear). */
export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling)
    if (!isComment(child)) out.push(child);
  return out;
}

export function nextSignificant(node: SyntaxNode): SyntaxNode | null {
  let next = node.nextSibling;
  while (next && isComment(next)) next = next.nextSibling;
  return next;
}

export function prevSignificant(node: SyntaxNode): SyntaxNode | null {
  let prev = node.prevSibling;
  while (prev && isComment(prev)) prev = prev.prevSibling;
  return prev;
}

export function childrenNamed(node: SyntaxNode, name: string): SyntaxNode[] {
  return children(node).filter((c) => c.name === name);
}

export const textOf = (text: string, node: SyntaxNode) => text.slice(node.from, node.to);

/** Whether a node is one of the attrset forms that hold bindings. */
export function isAttrSet(node: SyntaxNode | null | undefined): node is SyntaxNode {
  return !!node && (node.name === 'AttrSet' || node.name === 'RecAttrSet');
}

/** The `{ … }` node of an AttrSet or RecAttrSet (`rec { … }` wraps one). */
export function attrSetBody(node: SyntaxNode): SyntaxNode {
  if (node.name === 'RecAttrSet') return node.getChild('AttrSet') ?? node;
  return node;
}

/** Bind nodes directly inside an attrset (or a `let`). */
export function bindsOf(container: SyntaxNode): SyntaxNode[] {
  return childrenNamed(attrSetBody(container), 'Bind');
}

/**
 * The literal value of a String node, or undefined when it interpolates. Nix escapes: `\n`, `\r`,
 * `\t`, and `\x` for any other x.
 */
export function stringValue(text: string, node: SyntaxNode): string | undefined {
  if (node.name !== 'String') return undefined;
  if (node.getChild('Interpolation')) return undefined;
  const raw = text.slice(node.from + 1, node.to - 1);
  return raw.replace(/\\([\s\S])/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c,
  );
}

/** Components of an AttrPath: identifiers and literal strings; undefined for `${…}` components. */
export function attrPathOf(text: string, attrPath: SyntaxNode): string[] | undefined {
  const parts: string[] = [];
  for (const c of children(attrPath)) {
    if (c.name === 'Identifier' || c.name === 'or') parts.push(textOf(text, c));
    else if (c.name === 'String') {
      const value = stringValue(text, c);
      if (value === undefined) return undefined;
      parts.push(value);
    } else if (c.name === '.') continue;
    else return undefined;
  }
  return parts;
}

export interface BindParts {
  bind: SyntaxNode;
  path: string[];
  value: SyntaxNode | null;
}

/** A Bind's literal path and its value expression (the node after `=`). */
export function bindParts(text: string, bind: SyntaxNode): BindParts | undefined {
  const pathNode = bind.getChild('AttrPath');
  if (!pathNode) return undefined;
  const path = attrPathOf(text, pathNode);
  if (!path) return undefined;
  let value = nextSignificant(pathNode);
  while (value && (value.name === '=' || value.type.isError)) value = nextSignificant(value);
  return { bind, path, value: value && value.name !== ';' ? value : null };
}

/** The node itself when it is not wrapped in parentheses, else the expression inside. */
export function unwrapParens(node: SyntaxNode | null): SyntaxNode | null {
  let current = node;
  while (current && current.name === 'Parenthesized') {
    current = children(current).find((c) => c.name !== '(' && c.name !== ')') ?? null;
  }
  return current;
}
