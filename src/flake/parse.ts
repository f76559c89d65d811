// A lossless Nix syntax tree for flake.nix: the Lezer Nix grammar, with its string lexing brought
// in line with Nix's own lexer, and a tree with error nodes turned into a FlakeSyntaxError.
import type { SyntaxNode, Tree } from '@lezer/common';
import { ExternalTokenizer, type InputStream, type LRParser } from '@lezer/lr';
import { parser as lezerNixParser } from '@replit/codemirror-lang-nix';
import { NurError } from '../errors.js';
import { isComment, nextSignificant, prevSignificant } from './syntax.js';

export class FlakeSyntaxError extends NurError {
  readonly line: number;
  readonly column: number;

  constructor(file: string, line: number, column: number, detail: string) {
    super(`${file}:${line}:${column}: syntax error: ${detail}`, {
      hint: 'Fix the file (nix-instantiate --parse flake.nix shows the same spot); it was not changed.',
    });
    this.name = 'FlakeSyntaxError';
    this.line = line;
    this.column = column;
  }
}

export interface NixSource {
  text: string;
  tree: Tree;
  /** The expression under Program (the flake's top-level attrset, normally). */
  top: SyntaxNode | null;
}

/** 1-based line and column (in UTF-16 code units, as editors count) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const QUOTE = 34;
const APOSTROPHE = 39;
const DOLLAR = 36;
const BRACE_L = 123;
const BACKSLASH = 92;

interface StringTerms {
  content: number;
  dollarBrace: number;
  end: number;
  escape: number;
}

/**
 * The grammar's external string tokenizers miss Nix's indented-string escapes (`''${`, `'''`,
 * `''\n`) and read `$${` as an interpolation where Nix keeps it literal. Their token ids are not
 * exported, so they are learned by running the originals on probe inputs.
 */
function probeTerms(tokenizer: ExternalTokenizer, samples: [string, string, string, string]) {
  const run = (text: string): number => {
    let pos = 0;
    let accepted = -1;
    const input = {
      get next() {
        return pos < text.length ? text.charCodeAt(pos) : -1;
      },
      peek: (offset: number) =>
        pos + offset < text.length && pos + offset >= 0 ? text.charCodeAt(pos + offset) : -1,
      advance: (n = 1) => {
        pos += n;
        return pos < text.length ? text.charCodeAt(pos) : -1;
      },
      acceptToken: (token: number) => {
        if (accepted < 0) accepted = token;
      },
      acceptTokenTo: (token: number) => {
        if (accepted < 0) accepted = token;
      },
    };
    (tokenizer as unknown as { token(input: unknown, stack: unknown): void }).token(input, null);
    if (accepted < 0) throw new Error('Nix grammar string tokenizer did not answer a probe');
    return accepted;
  };
  const [content, dollarBrace, end, escape] = samples.map(run) as [number, number, number, number];
  return { content, dollarBrace, end, escape };
}

/**
 * How many characters at `offset` are literal string content: 0 at a `${` interpolation, 2 for
 * `$$` (two literal dollars: a `{` after them does not start an interpolation), else 1.
 */
function literalStep(input: InputStream, offset: number): number {
  if (input.peek(offset) !== DOLLAR) return 1;
  const after = input.peek(offset + 1);
  return after === BRACE_L ? 0 : after === DOLLAR ? 2 : 1;
}

function stringTokenizer(terms: StringTerms): ExternalTokenizer {
  return new ExternalTokenizer((input: InputStream) => {
    const c = input.next;
    if (c < 0) return;
    if (c === QUOTE) return input.acceptToken(terms.end, 1);
    if (c === DOLLAR && input.peek(1) === BRACE_L) return input.acceptToken(terms.dollarBrace, 2);
    if (c === BACKSLASH) return input.acceptToken(terms.escape, input.peek(1) < 0 ? 1 : 2);
    let n = 0;
    for (;;) {
      const ch = input.peek(n);
      if (ch < 0 || ch === QUOTE || ch === BACKSLASH) break;
      const step = literalStep(input, n);
      if (step === 0) break;
      n += step;
    }
    input.acceptToken(terms.content, n);
  });
}

function indStringTokenizer(terms: StringTerms): ExternalTokenizer {
  return new ExternalTokenizer((input: InputStream) => {
    const c = input.next;
    if (c < 0) return;
    if (c === APOSTROPHE && input.peek(1) === APOSTROPHE) {
      const after = input.peek(2);
      if (after === DOLLAR || after === APOSTROPHE) return input.acceptToken(terms.escape, 3);
      if (after === BACKSLASH) return input.acceptToken(terms.escape, input.peek(3) < 0 ? 3 : 4);
      return input.acceptToken(terms.end, 2);
    }
    if (c === DOLLAR && input.peek(1) === BRACE_L) return input.acceptToken(terms.dollarBrace, 2);
    let n = 0;
    for (;;) {
      const ch = input.peek(n);
      if (ch < 0) break;
      if (ch === APOSTROPHE && input.peek(n + 1) === APOSTROPHE) break;
      const step = literalStep(input, n);
      if (step === 0) break;
      n += step;
    }
    input.acceptToken(terms.content, n);
  });
}

function buildParser(): LRParser {
  const base = lezerNixParser as LRParser;
  const [scanString, scanIndString] = (base as unknown as { tokenizers: unknown[] }).tokenizers;
  if (!(scanString instanceof ExternalTokenizer) || !(scanIndString instanceof ExternalTokenizer))
    return base;
  const stringTerms = probeTerms(scanString, ['a', '${', '"', '\\n']);
  const indTerms = probeTerms(scanIndString, ['a', '${', "''", '\\n']);
  return base.configure({
    tokenizers: [
      { from: scanString, to: stringTokenizer(stringTerms) },
      { from: scanIndString, to: indStringTokenizer(indTerms) },
    ],
  });
}

let nixParser: LRParser | undefined;

/** The Nix parser (built once: the tokenizer swap costs a little). */
export function getNixParser(): LRParser {
  nixParser ??= buildParser();
  return nixParser;
}

/**
 * Nix accepts a trailing comma in formals (`{ self, nixpkgs, }:`); the Lezer grammar does not and
 * recovers with an empty Formal holding an error node right before `}`.
 */
function isTrailingFormalsComma(error: SyntaxNode, text: string): boolean {
  const formal = error.parent;
  if (!formal || formal.name !== 'Formal' || formal.from !== formal.to) return false;
  if (error.from !== error.to) return false;
  const next = nextSignificant(formal);
  const previous = prevSignificant(formal);
  if (!next || next.name !== '}' || !previous || previous.name !== 'Formal') return false;
  return stripTrivia(text.slice(previous.to, next.from)) === ',';
}

/** Removes whitespace and comments (for comparing the punctuation between two nodes). */
export function stripTrivia(text: string): string {
  return text.replace(/#[^\n]*|\/\*[\s\S]*?\*\/|\s+/g, '');
}

export function firstSyntaxError(tree: Tree, text: string): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  tree.iterate({
    enter(ref) {
      if (found) return false;
      if (ref.type.isError && !isTrailingFormalsComma(ref.node, text)) {
        found = ref.node;
        return false;
      }
      return undefined;
    },
  });
  return found;
}

function describe(text: string, offset: number): string {
  if (offset >= text.length) return 'unexpected end of file';
  const token = text.slice(offset).match(/^(\S{1,20})/)?.[1];
  return token ? `unexpected ${JSON.stringify(token)}` : 'unexpected text';
}

/** Skips a string body starting after its opening quote(s); returns the offset after the close. */
function skipString(text: string, pos: number, indented: boolean): number {
  let i = pos;
  while (i < text.length) {
    if (indented) {
      if (text.startsWith("''", i)) {
        const after = text[i + 2];
        if (after === '$' || after === "'") i += 3;
        else if (after === '\\') i += 4;
        else return i + 2;
        continue;
      }
    } else {
      if (text[i] === '"') return i + 1;
      if (text[i] === '\\') {
        i += 2;
        continue;
      }
    }
    if (text.startsWith('$${', i)) {
      i += 3;
      continue;
    }
    if (text.startsWith('${', i)) {
      i = skipInterpolation(text, i + 2);
      continue;
    }
    i++;
  }
  return i;
}

/** From just after `${`, the offset just after its matching `}`. */
function skipInterpolation(text: string, pos: number): number {
  let depth = 1;
  let i = pos;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === '"') i = skipString(text, i + 1, false);
    else if (text.startsWith("''", i)) i = skipString(text, i + 2, true);
    else if (c === '{') {
      depth++;
      i++;
    } else if (c === '}') {
      depth--;
      i++;
      if (depth === 0) return i;
    } else i++;
  }
  return i;
}

/**
 * Nix paths may interpolate (`./hosts/${name}`); the Lezer grammar stops the path at `${`. Such an
 * error sits right after a Path node at a `${`: the interpolation is masked with path characters
 * (same length, so every position still matches the real text) and the text parsed again.
 */
function pathInterpolationAt(error: SyntaxNode, masked: string): [number, number] | undefined {
  if (error.from !== error.to || !masked.startsWith('${', error.from)) return undefined;
  const previous = error.prevSibling;
  if (!previous || isComment(previous) || previous.to !== error.from) return undefined;
  if (previous.name !== 'Path' && previous.name !== 'HPath') return undefined;
  return [error.from, skipInterpolation(masked, error.from + 2)];
}

/**
 * In Nix `null`, `true` and `false` are plain names, valid in an attr path (`inputs.null.url`);
 * the grammar takes them for keywords there. After a dot they become a same-length identifier
 * for the parser only: node text is always read from the original.
 */
function maskKeywordAttrs(text: string): string {
  return text.replace(
    /\.(null|true|false)(?![A-Za-z0-9_'-])/g,
    (_, word: string) => `.${word[0]}${'_'.repeat(word.length - 1)}`,
  );
}

/** Parses Nix source; any syntax error (other than the tolerated formals comma) throws. */
export function parseNix(text: string, file = 'flake.nix'): NixSource {
  let masked = maskKeywordAttrs(text);
  let tree = getNixParser().parse(masked);
  let error = firstSyntaxError(tree, masked);
  for (let round = 0; error && round < 1000; round++) {
    const span = pathInterpolationAt(error, masked);
    if (!span) break;
    masked = masked.slice(0, span[0]) + '_'.repeat(span[1] - span[0]) + masked.slice(span[1]);
    tree = getNixParser().parse(masked);
    error = firstSyntaxError(tree, masked);
  }
  if (error) {
    // Lezer puts a zero-width error where it gave up; report the next real character.
    let offset = error.from;
    while (offset < text.length && /\s/.test(text[offset]!)) offset++;
    if (error.to > error.from) offset = error.from;
    let detail = describe(text, offset);
    for (let node = error.parent; node; node = node.parent) {
      if (node.name === 'String' || node.name === 'IndentedString') {
        offset = node.from;
        detail = 'unterminated string';
        break;
      }
    }
    // At the end of the file, point just after the last token, as Nix does.
    if (offset >= text.length) offset = text.trimEnd().length;
    const { line, column } = lineColumn(text, offset);
    throw new FlakeSyntaxError(file, line, column, detail);
  }
  let top = tree.topNode.firstChild;
  while (top && isComment(top)) top = top.nextSibling;
  return { text, tree, top };
}
