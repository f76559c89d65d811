// What each corpus flake.nix contains, so property tests pick the option combinations that apply.
// test/flake/corpus.test.ts checks every claim here against the file itself.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTRA_INPUTS, LARGE_FILE, LARGE_HOST_COUNT, largeHostName } from './generate-large.js';

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
  | 'comments-in-formals'
  | 'comments-in-module-list'
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
  | 'nixos-lib-inherited'
  | 'nixpkgs-renamed'
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
  /** Inputs declared with `flake = false` (plain source trees). */
  nonFlakeInputs: string[];
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
  nonFlakeInputs: [],
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
    nonFlakeInputs: ['zsh-syntax-highlighting', 'wallpapers'],
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
      'comments-in-formals',
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
  entry({
    file: '27-nixos-via-helper.nix',
    summary: 'hosts made by a mkHost helper; the only nixosSystem call sits in a let',
    features: [
      'nested-inputs',
      'input-follows',
      'nixos',
      'nixos-via-helper',
      'let-in',
      'inherit-in-outputs',
      'interpolation',
    ],
    inputs: ['nixpkgs', 'agenix'],
    formals: 'set-at',
  }),
  entry({
    file: '28-home-manager-standalone.nix',
    summary: 'two homeManagerConfiguration calls, one quoted "alice@laptop"; no self formal',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'home-manager-standalone',
      'let-in',
      'inherit-in-outputs',
      'interpolation',
    ],
    inputs: ['nixpkgs', 'home-manager'],
    homeManagerHosts: ['alice@laptop', 'bob'],
  }),
  entry({
    file: '29-nixos-hm-users.nix',
    summary: 'a NixOS host with the Home Manager module and a standalone home for the same user',
    features: [
      'nested-inputs',
      'input-follows',
      'nixos',
      'nixos-dotted-hosts',
      'home-manager-nixos-module',
      'home-manager-standalone',
      'inherit-in-outputs',
    ],
    inputs: ['nixpkgs', 'home-manager', 'stylix'],
    formals: 'set-at',
    nixosHosts: ['workstation'],
    homeManagerHosts: ['carol'],
  }),
  entry({
    file: '30-darwin.nix',
    summary: 'nix-darwin darwinSystem for a quoted host; inputs@{ … } without an ellipsis',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'darwin',
      'home-manager-nixos-module',
      'no-ellipsis',
      'inherit-in-outputs',
    ],
    inputs: ['nixpkgs', 'darwin', 'home-manager'],
    formals: 'at-set',
    ellipsis: false,
    darwinHosts: ['Alices-MacBook-Pro'],
  }),
  entry({
    file: '31-unicode.nix',
    summary:
      'German, French, Chinese, Japanese, Arabic and emoji in comments, strings and a host name',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'unicode',
      'comments-in-inputs',
      'block-comments',
      'nixos',
      'nixos-dotted-hosts',
    ],
    inputs: ['nixpkgs', 'home-manager'],
    nixosHosts: ['küche'],
  }),
  entry({
    file: '32-has-nur.nix',
    summary: 'already has NUR itself (nur.url = github:nix-community/NUR) and its NixOS module',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'has-nur',
      'nixos',
      'nixos-dotted-hosts',
    ],
    inputs: ['nixpkgs', 'nur'],
    nixosHosts: ['desktop'],
    nurInputs: ['nur'],
  }),
  entry({
    file: '33-has-nur-mic92.nix',
    summary: 'already has the NUR repo mic92 as a flat nur-mic92 input with follows',
    features: ['flat-inputs', 'input-follows', 'has-nur-repo', 'no-ellipsis'],
    inputsStyle: 'flat',
    inputs: ['nixpkgs', 'nur-mic92'],
    ellipsis: false,
    nurInputs: ['nur-mic92'],
  }),
  entry({
    file: '34-inherit-in-outputs.nix',
    summary: 'inherit and inherit (…) in the let and in the outputs attrset, merged with //',
    features: ['nested-inputs', 'inherit-in-outputs', 'let-in', 'flake-utils', 'overlays'],
    inputs: ['nixpkgs', 'flake-utils'],
  }),
  entry({
    file: '35-strings-near-inputs.nix',
    summary: "''…'' strings and ${…} interpolation that look like inputs; nixConfig before inputs",
    features: [
      'nested-inputs',
      'indented-string',
      'interpolation',
      'nix-config',
      'attrset-input',
      'non-flake-input',
      'comments-in-inputs',
      'let-in',
    ],
    inputs: ['nixpkgs', 'src-docs'],
    nonFlakeInputs: ['src-docs'],
  }),
  entry({
    file: '36-inputs-after-outputs.nix',
    summary: 'outputs first, then inputs, then description',
    features: ['nested-inputs', 'inputs-after-outputs'],
    inputs: ['nixpkgs'],
  }),
  entry({
    file: '37-mixed-flat-and-block.nix',
    summary: 'an inputs block and inputs.devshell lines after it (Nix merges them)',
    features: [
      'nested-inputs',
      'flat-inputs',
      'input-follows',
      'flake-utils',
      'no-ellipsis',
      'interpolation',
    ],
    inputsStyle: 'mixed',
    inputs: ['nixpkgs', 'flake-utils', 'devshell'],
    ellipsis: false,
  }),
  entry({
    file: '38-empty-inputs-block.nix',
    summary: 'inputs = { }; and { self, ... }',
    features: ['nested-inputs'],
    inputsStyle: 'empty-block',
    hasNixpkgs: false,
  }),
  entry({
    file: '39-quoted-input-names.nix',
    summary: 'quoted input names, one non-flake, referenced as inputs."game-2048"',
    features: [
      'nested-inputs',
      'quoted-input-names',
      'attrset-input',
      'non-flake-input',
      'indented-string',
      'interpolation',
    ],
    inputs: ['nixpkgs', 'nur-packages', 'game-2048'],
    nonFlakeInputs: ['game-2048'],
    formals: 'at-set',
  }),
  entry({
    file: '40-module-list-concat.nix',
    summary: 'modules = shared ++ [ … ] and [ … ] ++ shared',
    features: ['nested-inputs', 'nixos', 'nixos-dotted-hosts', 'module-list-concat', 'let-in'],
    inputs: ['nixpkgs', 'impermanence'],
    nixosHosts: ['edge', 'core'],
  }),
  entry({
    file: '41-with-body.nix',
    summary: 'outputs body is with nixpkgs.lib; { … }',
    features: ['flat-inputs', 'with-body', 'no-ellipsis', 'interpolation'],
    inputsStyle: 'flat',
    inputs: ['nixpkgs'],
    ellipsis: false,
  }),
  entry({
    file: '42-formal-defaults.nix',
    summary:
      'a formal with a default (systems ? { }); undeclared formals would become registry inputs',
    features: ['nested-inputs', 'formal-defaults', 'let-in', 'interpolation'],
    inputs: ['nixpkgs', 'systems'],
  }),
  entry({
    file: '43-one-line-inputs-block.nix',
    summary: 'four-space indent; the inputs block on a single line',
    features: ['nested-inputs', 'flake-utils', 'no-ellipsis', 'interpolation'],
    inputs: ['nixpkgs', 'utils'],
    ellipsis: false,
    indent: '    ',
  }),
  entry({
    file: '44-four-space-nested-inputs.nix',
    summary: 'four spaces; inputs = { nixpkgs.follows; … } inside an input; a comment before =',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'block-comments',
      'flake-utils',
      'let-in',
      'interpolation',
    ],
    inputs: ['nixpkgs', 'flake-utils', 'crane', 'fenix'],
    indent: '    ',
  }),
  entry({
    file: '45-nur-repos-other-hosts.nix',
    summary: 'NUR repos from gitlab:, sourcehut: and git+https: URLs, two of them flake = false',
    features: [
      'nested-inputs',
      'attrset-input',
      'non-flake-input',
      'input-follows',
      'has-nur-repo',
      'let-in',
    ],
    inputs: ['nixpkgs', 'nur-rycee', 'nur-aasg', 'nur-immae'],
    nonFlakeInputs: ['nur-rycee', 'nur-immae'],
    nurInputs: ['nur-rycee', 'nur-aasg', 'nur-immae'],
  }),
  entry({
    file: '46-home-manager-let-modules.nix',
    summary:
      'homeConfigurations block; one module list is shared ++ [ … ]; leading commas, no self',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'home-manager-standalone',
      'module-list-concat',
      'leading-comma-formals',
      'let-in',
      'inherit-in-outputs',
    ],
    inputs: ['nixpkgs', 'home-manager', 'nix-index-database'],
    formalsLayout: 'leading-comma',
    homeManagerHosts: ['dave', 'dave@work'],
  }),
  entry({
    file: LARGE_FILE,
    summary: 'over 5,000 generated lines: 10 inputs, 40 NixOS hosts in a block, 310 packages',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'comments-in-inputs',
      'nixos',
      'nixos-host-block',
      'home-manager-nixos-module',
      'let-in',
      'inherit-in-outputs',
      'indented-string',
      'interpolation',
      'large',
      'generated',
    ],
    inputs: ['nixpkgs', 'home-manager', ...EXTRA_INPUTS],
    formals: 'set-at',
    nixosHosts: Array.from({ length: LARGE_HOST_COUNT }, (_, i) => largeHostName(i + 1)),
  }),
  entry({
    file: '48-formals-with-comments.nix',
    summary: 'a line comment after every leading-comma formal and between outputs and =',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'comments-in-inputs',
      'comments-in-formals',
      'leading-comma-formals',
      'flake-utils',
      'interpolation',
    ],
    inputs: ['nixpkgs', 'flake-utils', 'pre-commit-hooks'],
    formalsLayout: 'leading-comma',
  }),
  entry({
    file: '49-lib-nixossystem.nix',
    summary:
      'nixpkgs input named nixos; lib.nixosSystem via inherit (nixos) lib; comments in module lists',
    features: [
      'nested-inputs',
      'nixpkgs-renamed',
      'nixos',
      'nixos-dotted-hosts',
      'nixos-lib-inherited',
      'comments-in-module-list',
      'block-comments',
      'let-in',
      'inherit-in-outputs',
      'overlays',
      'interpolation',
    ],
    inputs: ['nixos', 'nixos-unstable'],
    hasNixpkgs: false,
    nixosHosts: ['media', 'backup'],
  }),
  entry({
    file: '50-tabs-darwin-nixos-home.nix',
    summary: 'tabs; nix-darwin, NixOS and standalone Home Manager in one flake; inputs @ { … }',
    features: [
      'nested-inputs',
      'attrset-input',
      'input-follows',
      'tabs',
      'darwin',
      'nixos',
      'nixos-dotted-hosts',
      'home-manager-standalone',
      'home-manager-nixos-module',
    ],
    inputs: ['nixpkgs', 'nix-darwin', 'home-manager'],
    formals: 'at-set',
    indent: '\t',
    nixosHosts: ['tower'],
    homeManagerHosts: ['erin@studio'],
    darwinHosts: ['studio'],
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
