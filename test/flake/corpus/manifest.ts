// What each corpus flake.nix contains, so property tests pick the option combinations that apply.
// test/flake/corpus.test.ts checks every claim here against the file itself.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));

/** Shape of the outputs function's argument. */
export type FormalsKind =
  /** `outputs = { self, nixpkgs, ... }:` */
  | 'set'
  /** `outputs = { self, ... }@inputs:` */
  | 'set-at'
  /** `outputs = inputs@{ self, ... }:` */
  | 'at-set'
  /** `outputs = inputs:` */
  | 'bare';

/** How the formals are laid out, for matching the comma style when one is added. */
export type FormalsLayout =
  /** `{ self, nixpkgs, ... }` on one line */
  | 'inline'
  /** one per line, comma first: `{ self\n, nixpkgs\n, ... }` */
  | 'leading-comma'
  /** one per line, comma last: `{\n  self,\n  nixpkgs,\n  ...\n}` */
  | 'trailing-comma'
  /** `inputs:` has no formals */
  | 'none';

/** Where the inputs are declared. */
export type InputsStyle =
  /** no `inputs` attribute at all */
  | 'none'
  /** `inputs.x.url = …;` lines at the top level */
  | 'flat'
  /** one `inputs = { … };` block */
  | 'nested'
  /** an `inputs = { … };` block and `inputs.x… = …;` lines next to it */
  | 'mixed'
  /** `inputs = { };` */
  | 'empty-block';

export type CorpusFeature =
  | 'no-inputs'
  | 'flat-inputs'
  | 'nested-inputs'
  | 'follows-only-input'
  | 'attrset-input'
  | 'non-flake-input'
  | 'input-follows'
  | 'comments-in-inputs'
  | 'comment-after-last-input'
  | 'comment-before-closing-brace'
  | 'block-comments'
  | 'commented-out-input'
  | 'compact'
  | 'blank-lines'
  | 'trailing-whitespace'
  | 'tabs'
  | 'crlf'
  | 'leading-comma-formals'
  | 'trailing-comma-formals'
  | 'no-ellipsis'
  | 'formal-defaults'
  | 'let-in'
  | 'with-body'
  | 'flake-utils'
  | 'flake-parts'
  | 'nixos'
  | 'nixos-dotted-hosts'
  | 'nixos-host-block'
  | 'nixos-via-helper'
  | 'module-list-concat'
  | 'home-manager-standalone'
  | 'home-manager-nixos-module'
  | 'darwin'
  | 'unicode'
  | 'has-nur'
  | 'has-nur-repo'
  | 'inherit-in-outputs'
  | 'interpolation'
  | 'indented-string'
  | 'inputs-after-outputs'
  | 'quoted-input-names'
  | 'nix-config'
  | 'overlays'
  | 'large'
  | 'generated';

export interface CorpusEntry {
  /** File name in this directory. */
  file: string;
  /** One line on what the file is like. */
  summary: string;
  features: CorpusFeature[];
  inputsStyle: InputsStyle;
  /** Top-level input names as Nix sees them (quoted names unquoted), in source order. */
  inputs: string[];
  /** Has an input named `nixpkgs` (so an added flake input gets `inputs.nixpkgs.follows`). */
  hasNixpkgs: boolean;
  formals: FormalsKind;
  formalsLayout: FormalsLayout;
  /** The outputs formals end in `...` (false for `bare`). */
  ellipsis: boolean;
  /** Names bound by `nixosConfigurations.<name> = ….nixosSystem { modules = [ … ]; }` calls. */
  nixosHosts: string[];
  /** Names bound by `homeConfigurations.<name> = ….homeManagerConfiguration { modules = [ … ]; }`. */
  homeManagerHosts: string[];
  /** Names bound by `darwinConfigurations.<name> = ….darwinSystem { modules = [ … ]; }`. */
  darwinHosts: string[];
  lineEnding: 'lf' | 'crlf';
  /** One level of indentation as written in the file ('' for a one-line file). */
  indent: '' | '  ' | '    ' | '\t';
  /** Inputs already pointing at NUR itself or at a NUR repo. */
  nurInputs: string[];
}

const base = {
  features: [],
  inputsStyle: 'nested',
  inputs: [],
  hasNixpkgs: true,
  formals: 'set',
  formalsLayout: 'inline',
  ellipsis: true,
  nixosHosts: [],
  homeManagerHosts: [],
  darwinHosts: [],
  lineEnding: 'lf',
  indent: '  ',
  nurInputs: [],
} satisfies Omit<CorpusEntry, 'file' | 'summary'>;

const entry = (e: Partial<CorpusEntry> & Pick<CorpusEntry, 'file' | 'summary'>): CorpusEntry => ({
  ...base,
  ...e,
});

export const CORPUS: CorpusEntry[] = [
  entry({
    file: '01-no-inputs.nix',
    summary: 'no inputs attribute; outputs takes { self } without an ellipsis',
    features: ['no-inputs', 'no-ellipsis'],
    inputsStyle: 'none',
    hasNixpkgs: false,
    ellipsis: false,
  }),
  entry({
    file: '02-minimal-flat.nix',
    summary: 'one flat nixpkgs input, { self, nixpkgs } without an ellipsis',
    features: ['flat-inputs', 'no-ellipsis'],
    inputsStyle: 'flat',
    inputs: ['nixpkgs'],
    ellipsis: false,
  }),
  entry({
    file: '03-flat-flake-utils.nix',
    summary: 'flat inputs with a flat follows line, flake-utils eachDefaultSystem, let-in',
    features: ['flat-inputs', 'input-follows', 'flake-utils', 'let-in', 'interpolation'],
    inputsStyle: 'flat',
    inputs: ['nixpkgs', 'flake-utils', 'home-manager'],
  }),
  entry({
    file: '04-nested-nixos-hm.nix',
    summary: 'nested block, attrset input with follows, one nixosSystem with the HM module',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'nixos',
      'nixos-dotted-hosts',
      'home-manager-nixos-module',
      'inherit-in-outputs',
    ],
    inputs: ['nixpkgs', 'home-manager'],
    formals: 'set-at',
    nixosHosts: ['laptop'],
  }),
  entry({
    file: '05-follows-only.nix',
    summary: 'inputs that only have follows, including a follows into another input',
    features: ['nested-inputs', 'follows-only-input', 'no-ellipsis'],
    inputs: ['nixpkgs', 'nixpkgs-stable', 'flake-utils', 'systems'],
    ellipsis: false,
  }),
  entry({
    file: '06-attrset-inputs.nix',
    summary: 'flat attrset-valued inputs: flake = false, and owner/repo/type attributes',
    features: ['flat-inputs', 'attrset-input', 'non-flake-input', 'no-ellipsis', 'interpolation'],
    inputsStyle: 'flat',
    inputs: ['nixpkgs', 'zsh-syntax-highlighting', 'wallpapers', 'nixpkgs-release'],
    ellipsis: false,
  }),
  entry({
    file: '07-comments-everywhere.nix',
    summary: 'line and block comments inside inputs, after the last binding, before every }',
    features: [
      'nested-inputs',
      'comments-in-inputs',
      'comment-after-last-input',
      'comment-before-closing-brace',
      'block-comments',
    ],
    inputs: ['nixpkgs', 'flake-utils'],
  }),
  entry({
    file: '08-commented-out-nur.nix',
    summary: 'NUR inputs that are commented out after the last binding (not inputs)',
    features: ['nested-inputs', 'comment-after-last-input', 'commented-out-input'],
    inputs: ['nixpkgs'],
  }),
  entry({
    file: '09-compact-one-line.nix',
    summary: 'the whole flake on one line with no spaces',
    features: ['flat-inputs', 'compact', 'no-ellipsis'],
    inputsStyle: 'flat',
    inputs: ['nixpkgs'],
    ellipsis: false,
    indent: '',
  }),
  entry({
    file: '10-blank-lines-trailing-space.nix',
    summary: 'runs of blank lines everywhere and trailing spaces on some lines',
    features: ['nested-inputs', 'blank-lines', 'trailing-whitespace', 'no-ellipsis'],
    inputs: ['nixpkgs', 'flake-utils'],
    ellipsis: false,
  }),
  entry({
    file: '11-tabs-nested.nix',
    summary: 'indented with tabs; flake-utils with a let-in body',
    features: ['nested-inputs', 'tabs', 'flake-utils', 'let-in', 'interpolation'],
    inputs: ['nixpkgs', 'flake-utils'],
    indent: '\t',
  }),
  entry({
    file: '12-crlf-nested.nix',
    summary: 'CRLF line endings, nested block, one nixosSystem',
    features: [
      'nested-inputs',
      'crlf',
      'attrset-input',
      'input-follows',
      'nixos',
      'nixos-dotted-hosts',
    ],
    inputs: ['nixpkgs', 'home-manager'],
    nixosHosts: ['wsl'],
    lineEnding: 'crlf',
  }),
  entry({
    file: '13-crlf-tabs-flat.nix',
    summary: 'CRLF and tabs, flat inputs, leading-comma formals without an ellipsis',
    features: [
      'flat-inputs',
      'crlf',
      'tabs',
      'leading-comma-formals',
      'no-ellipsis',
      'flake-utils',
      'interpolation',
    ],
    inputsStyle: 'flat',
    inputs: ['nixpkgs', 'flake-utils'],
    formalsLayout: 'leading-comma',
    ellipsis: false,
    lineEnding: 'crlf',
    indent: '\t',
  }),
  entry({
    file: '14-leading-comma-formals.nix',
    summary: 'leading-comma formals one per line, flake-utils with an overlay import',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'leading-comma-formals',
      'flake-utils',
      'let-in',
      'inherit-in-outputs',
    ],
    inputs: ['nixpkgs', 'flake-utils', 'rust-overlay'],
    formalsLayout: 'leading-comma',
  }),
  entry({
    file: '15-trailing-comma-formals.nix',
    summary: 'nixfmt RFC style formals with trailing commas, let-in body',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'trailing-comma-formals',
      'let-in',
      'interpolation',
    ],
    inputs: ['nixpkgs', 'treefmt-nix'],
    formalsLayout: 'trailing-comma',
  }),
  entry({
    file: '16-trailing-comma-no-ellipsis.nix',
    summary: 'trailing comma after the last formal and no ellipsis (alejandra style)',
    features: ['nested-inputs', 'trailing-comma-formals', 'no-ellipsis', 'let-in', 'interpolation'],
    inputs: ['nixpkgs', 'systems'],
    formalsLayout: 'trailing-comma',
    ellipsis: false,
  }),
  entry({
    file: '17-at-set.nix',
    summary: 'outputs = inputs@{ self, nixpkgs, ... }: with dotted follows inside the block',
    features: [
      'nested-inputs',
      'input-follows',
      'nixos',
      'nixos-dotted-hosts',
      'inherit-in-outputs',
    ],
    inputs: ['nixpkgs', 'home-manager'],
    formals: 'at-set',
    nixosHosts: ['desktop'],
  }),
  entry({
    file: '18-set-at-self-only.nix',
    summary: '{ self, ... } @ inputs with spaces around @; modules reference inputs.disko',
    features: ['nested-inputs', 'attrset-input', 'input-follows', 'nixos', 'nixos-dotted-hosts'],
    inputs: ['nixpkgs', 'disko'],
    formals: 'set-at',
    nixosHosts: ['server'],
  }),
  entry({
    file: '19-bare-inputs.nix',
    summary: 'outputs = inputs: with flat inputs and flake-utils',
    features: ['flat-inputs', 'flake-utils', 'interpolation'],
    inputsStyle: 'flat',
    inputs: ['nixpkgs', 'flake-utils'],
    formals: 'bare',
    formalsLayout: 'none',
    ellipsis: false,
  }),
  entry({
    file: '20-bare-let-in.nix',
    summary: 'outputs = inputs: with inherit (inputs) in a let-in and a nixosSystem host',
    features: [
      'nested-inputs',
      'let-in',
      'inherit-in-outputs',
      'nixos',
      'nixos-dotted-hosts',
      'interpolation',
    ],
    inputs: ['nixpkgs', 'nixpkgs-unstable'],
    formals: 'bare',
    formalsLayout: 'none',
    ellipsis: false,
    nixosHosts: ['box'],
  }),
  entry({
    file: '21-let-in-body.nix',
    summary: 'forAllSystems helpers in a let-in, an overlay, no ellipsis',
    features: [
      'nested-inputs',
      'let-in',
      'no-ellipsis',
      'overlays',
      'inherit-in-outputs',
      'interpolation',
    ],
    inputs: ['nixpkgs'],
    ellipsis: false,
  }),
  entry({
    file: '22-flake-utils-merge.nix',
    summary: 'eachDefaultSystem (…) // { overlays, nixosModules }',
    features: [
      'nested-inputs',
      'flake-utils',
      'let-in',
      'no-ellipsis',
      'overlays',
      'inherit-in-outputs',
    ],
    inputs: ['nixpkgs', 'flake-utils'],
    ellipsis: false,
  }),
  entry({
    file: '23-flake-parts.nix',
    summary: 'flake-parts mkFlake with perSystem, inputs@{ flake-parts, ... }',
    features: ['nested-inputs', 'flake-parts', 'inherit-in-outputs'],
    inputs: ['nixpkgs', 'flake-parts'],
    formals: 'at-set',
  }),
  entry({
    file: '24-flake-parts-nixos.nix',
    summary: 'flake-parts module function with flake.nixosConfigurations.server inside',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'flake-parts',
      'nixos',
      'nixos-dotted-hosts',
      'home-manager-nixos-module',
      'inherit-in-outputs',
    ],
    inputs: ['nixpkgs', 'flake-parts', 'home-manager'],
    formals: 'set-at',
    nixosHosts: ['server'],
  }),
  entry({
    file: '25-nixos-dotted-hosts.nix',
    summary: 'three nixosConfigurations.<host> bindings, one with an empty module list',
    features: ['nested-inputs', 'nixos', 'nixos-dotted-hosts'],
    inputs: ['nixpkgs', 'nixos-hardware'],
    nixosHosts: ['thinkpad', 'pi', 'nas'],
  }),
  entry({
    file: '26-nixos-host-block.nix',
    summary: 'nixosConfigurations = { desktop; "web-01"; router; } in one block',
    features: ['nested-inputs', 'attrset-input', 'input-follows', 'nixos', 'nixos-host-block'],
    inputs: ['nixpkgs', 'sops-nix'],
    nixosHosts: ['desktop', 'web-01', 'router'],
  }),
];

export const corpusPath = (file: string) => join(CORPUS_DIR, file);

/** The file's text exactly as committed (CRLF kept). */
export const readCorpus = (file: string) => readFileSync(corpusPath(file), 'utf8');

export function corpusEntry(file: string): CorpusEntry {
  const found = CORPUS.find((e) => e.file === file);
  if (!found) throw new Error(`no corpus entry ${file}`);
  return found;
}
