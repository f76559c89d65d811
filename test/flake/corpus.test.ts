// The corpus is only useful if it is real Nix and the manifest tells the truth about each file.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { nixParseFileError } from '../helpers/nix.js';
import { generateLargeFlake, LARGE_FILE } from './corpus/generate-large.js';
import {
  CORPUS,
  CORPUS_DIR,
  corpusPath,
  readCorpus,
  type CorpusEntry,
  type CorpusFeature,
} from './corpus/manifest.js';
import {
  evalFlakeAttr,
  flakeDir,
  flakeShow,
  summarizeOutputs,
  type OutputsSummary,
} from './corpus/stubs.js';

const corpusFiles = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.nix'));
const sorted = (names: string[]) => [...names].sort();
const summaries = new Map<string, OutputsSummary>();
const summaryOf = (file: string) => {
  if (!summaries.has(file)) summaries.set(file, summarizeOutputs(file));
  return summaries.get(file)!;
};

/** The source text of the outputs argument: `{ … }`, `name@{ … }`, `{ … }@name` or `name`. */
function outputsFormalsText(source: string): string {
  const start = /(?:^|[\s;{])outputs(?:\s|#[^\n]*\n|\/\*[\s\S]*?\*\/)*=\s*/m.exec(source);
  if (!start) throw new Error('no outputs binding');
  let i = start.index + start[0].length;
  const from = i;
  while (/[A-Za-z0-9_'\-\s@]/.test(source[i] ?? '') && source[i] !== '{') {
    if (source[i] === ':') break;
    i++;
  }
  if (source[i] !== '{') return source.slice(from, source.indexOf(':', from));
  let depth = 0;
  for (; i < source.length; i++) {
    if (source[i] === '{') depth++;
    if (source[i] === '}' && --depth === 0) break;
  }
  const afterBrace = /^\s*@\s*[A-Za-z_][\w'-]*/.exec(source.slice(i + 1));
  return source.slice(from, i + 1 + (afterBrace?.[0].length ?? 0));
}

/** Formals as the real parser prints them: `{ a, b, ... } @ inputs` or `inputs`. */
function parsedFormals(file: string): string {
  const printed = spawnSync('nix-instantiate', ['--parse', corpusPath(file)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  }).stdout;
  const at = printed.indexOf(' outputs = (');
  const rest = printed.slice(at + ' outputs = ('.length);
  if (!rest.startsWith('{')) return rest.slice(0, rest.indexOf(':'));
  let depth = 0;
  let i = 0;
  for (; i < rest.length; i++) {
    if (rest[i] === '{') depth++;
    if (rest[i] === '}' && --depth === 0) break;
  }
  return rest.slice(0, i + 1);
}

function minimumIndent(source: string): string | undefined {
  const indents = source
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)![0])
    .filter((indent) => indent.length > 0);
  return indents.sort((a, b) => a.length - b.length)[0];
}

describe('flake corpus manifest', () => {
  it('has at least 40 files, each named NN-short-name.nix with a unique number', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(40);
    for (const file of corpusFiles) expect(file).toMatch(/^\d\d-[a-z0-9-]+\.nix$/);
    const numbers = corpusFiles.map((f) => f.slice(0, 2));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('describes every corpus file exactly once and nothing else', () => {
    expect(sorted(CORPUS.map((e) => e.file))).toEqual(sorted(corpusFiles));
  });

  it('covers every situation the flake editor must handle', () => {
    const required: CorpusFeature[] = [
      'no-inputs',
      'flat-inputs',
      'nested-inputs',
      'follows-only-input',
      'attrset-input',
      'non-flake-input',
      'comments-in-inputs',
      'comment-after-last-input',
      'comment-before-closing-brace',
      'block-comments',
      'blank-lines',
      'tabs',
      'crlf',
      'leading-comma-formals',
      'trailing-comma-formals',
      'let-in',
      'flake-utils',
      'flake-parts',
      'nixos-dotted-hosts',
      'nixos-host-block',
      'home-manager-standalone',
      'darwin',
      'unicode',
      'has-nur',
      'has-nur-repo',
      'inherit-in-outputs',
      'interpolation',
      'indented-string',
      'large',
    ];
    const present = new Set(CORPUS.flatMap((e) => e.features));
    expect(required.filter((f) => !present.has(f))).toEqual([]);
    const kinds = new Set(CORPUS.map((e) => e.formals));
    expect(sorted([...kinds])).toEqual(['at-set', 'bare', 'set', 'set-at']);
    expect(CORPUS.filter((e) => e.nixosHosts.length > 1).length).toBeGreaterThanOrEqual(2);
    expect(CORPUS.some((e) => e.nurInputs.includes('nur'))).toBe(true);
    expect(CORPUS.some((e) => e.nurInputs.includes('nur-mic92'))).toBe(true);
  });
});

describe.each(CORPUS.map((e) => [e.file, e] as const))('%s', (file, entry: CorpusEntry) => {
  const source = readCorpus(file);

  it('is accepted by the real Nix parser', () => {
    expect(nixParseFileError(corpusPath(file))).toBeUndefined();
  });

  it('has the line endings the manifest claims', () => {
    if (entry.lineEnding === 'crlf') {
      expect(source).toContain('\r\n');
      expect(source.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    } else {
      expect(source).not.toContain('\r');
    }
    expect(entry.features.includes('crlf')).toBe(entry.lineEnding === 'crlf');
  });

  it('is indented the way the manifest claims', () => {
    expect(minimumIndent(source) ?? '').toBe(entry.indent);
    expect(entry.features.includes('tabs')).toBe(entry.indent === '\t');
  });

  it('declares the inputs, formals and hosts the manifest lists (outputs called with stubs)', () => {
    const summary = summaryOf(file);
    expect(summary.inputs).toEqual(sorted(entry.inputs));
    expect(sorted(summary.nonFlakeInputs)).toEqual(sorted(entry.nonFlakeInputs));
    expect(entry.hasNixpkgs).toBe(entry.inputs.includes('nixpkgs'));
    expect(entry.inputsStyle === 'none' || entry.inputsStyle === 'empty-block').toBe(
      entry.inputs.length === 0,
    );
    expect(entry.features.includes('no-inputs')).toBe(entry.inputsStyle === 'none');
    expect(summary.formals.length === 0).toBe(entry.formals === 'bare');
    if (entry.features.includes('nixos-via-helper')) {
      expect(entry.nixosHosts).toEqual([]);
      expect(summary.nixosHosts.length).toBeGreaterThan(0);
    } else {
      expect(summary.nixosHosts).toEqual(sorted(entry.nixosHosts));
    }
    expect(summary.homeManagerHosts).toEqual(sorted(entry.homeManagerHosts));
    expect(summary.darwinHosts).toEqual(sorted(entry.darwinHosts));
    for (const name of entry.nurInputs) expect(entry.inputs).toContain(name);
  });

  it('has the outputs formals kind, layout and ellipsis the manifest claims', () => {
    const written = outputsFormalsText(source);
    const printed = parsedFormals(file);
    const kind = !written.includes('{')
      ? 'bare'
      : /^\s*[A-Za-z_][\w'-]*\s*@/.test(written)
        ? 'at-set'
        : /}\s*@/.test(written)
          ? 'set-at'
          : 'set';
    expect(kind).toBe(entry.formals);
    expect(/\.\.\.\s*}/.test(printed)).toBe(entry.ellipsis);
    expect(entry.features.includes('no-ellipsis')).toBe(!entry.ellipsis && kind !== 'bare');
    const layout =
      kind === 'bare'
        ? 'none'
        : !/\n/.test(written)
          ? 'inline'
          : /\n\s*,/.test(written)
            ? 'leading-comma'
            : /,[ \t]*\r?\n/.test(written)
              ? 'trailing-comma'
              : 'multi-line';
    expect(layout).toBe(entry.formalsLayout);
  });

  it('evaluates as a real flake offline with every input stubbed', () => {
    const configurations = ['nixosConfigurations', 'homeConfigurations', 'darwinConfigurations'];
    const summary = summaryOf(file);
    const attr =
      configurations.find((c) => summary.outputNames.includes(c)) ?? summary.outputNames[0];
    const dir = flakeDir(entry);
    if (attr === undefined) {
      // A flake with no outputs yet still evaluates: its output set is empty.
      expect(summary.outputNames).toEqual([]);
      expect(flakeShow(dir, entry)).toEqual({});
      return;
    }
    const names = evalFlakeAttr(dir, attr, { entry, apply: 'o: builtins.attrNames o' });
    expect(Array.isArray(names)).toBe(true);
    if (attr === 'nixosConfigurations') expect(names).toEqual(summary.nixosHosts);
  });
});

describe('generated large flake', () => {
  it('has at least 5,000 lines', () => {
    expect(readCorpus(LARGE_FILE).split('\n').length).toBeGreaterThanOrEqual(5000);
  });

  it('is exactly what the generator writes (deterministic)', () => {
    expect(readCorpus(LARGE_FILE)).toBe(generateLargeFlake());
  });
});
