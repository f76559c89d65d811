// A NUR repo as its own flake input: imported as plain Nix (works for every NUR repo) or used
// through the repo's own flake outputs (only when the repo has a suitable flake.nix).
import { NurError } from '../errors.js';
import type { Package, Repo } from '../model.js';
import { repoFlakeUrl } from '../nix/flake-url.js';
import { nixAttrName, nixString } from '../nix/strings.js';
import { attrComponents, attrPathBelow, printable, repoInputName, targetSystem } from './names.js';
import { indent, lines } from './policy.js';
import type { Snippet, SnippetOptions } from './types.js';

/** The repo's flake URL; refuses repos that repos.json does not list or whose URL is unsafe. */
export function repoSourceUrl(repo: Repo): string {
  if (!repo.url)
    throw new NurError(
      `repo ${repo.name} is not listed in NUR's repos.json, so its source URL is unknown`,
    );
  return repoFlakeUrl(repo);
}

/** `# NUR last evaluated …` comment lines, when the lock gives a commit hash. */
function pinComment(repo: Repo): string[] {
  if (!repo.lockedRev) return [];
  try {
    const pinned = repoFlakeUrl(repo, { rev: repo.lockedRev });
    return [`# To pin the commit NUR last evaluated: url = ${nixString(pinned)};`];
  } catch {
    return [];
  }
}

/** `import inputs.nur-x { inherit pkgs; }`, honouring repos.json `file` as NUR does. */
export function importExpression(repo: Repo, source: string): string {
  if (!repo.file) return `import ${source} { inherit pkgs; }`;
  const file = nixString(printable(repo.file, `file of repo ${repo.name}`)).slice(1, -1);
  return `import "\${${source}}/${file}" { inherit pkgs; }`;
}

function nonFlakeInput(repo: Repo, inputName: string): string[] {
  return [
    `${inputName} = {`,
    ...indent(2, pinComment(repo)),
    `  url = ${nixString(repoSourceUrl(repo))};`,
    '  flake = false;',
    '};',
  ];
}

/**
 * The `flake-input` snippet, for a package or a whole repo: a flake.nix with the repo imported as
 * plain Nix; `body` is the outputs attrset content.
 */
export function plainInputSnippet(
  repo: Repo,
  inputName: string,
  system: string,
  body: string[],
): Snippet {
  return {
    name: 'flake-input',
    title: 'The repo as its own flake input, imported like NUR does (works for every NUR repo)',
    language: 'nix',
    code: lines(
      '# flake.nix: the NUR repo as a plain input, without NUR. NUR requires every repo to have a',
      `# top-level ${repo.file ? 'Nix file' : 'default.nix'} taking { pkgs }, so this works for any of them.`,
      '{',
      '  inputs = {',
      '    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";',
      indent(4, nonFlakeInput(repo, inputName)),
      '  };',
      '',
      '  outputs =',
      '    { nixpkgs, ... }@inputs:',
      '    let',
      `      system = ${nixString(system)};`,
      '      pkgs = nixpkgs.legacyPackages.${system};',
      `      ${inputName} = ${importExpression(repo, `inputs.${inputName}`)};`,
      '    in',
      '    {',
      indent(6, body),
      '    };',
      '}',
    ),
  };
}

/** The output name for one package: its last attr component (`x` of `linuxKernel.packages.x`). */
function outputName(attr: string): string {
  return nixAttrName(attrComponents(attr).at(-1)!);
}

export function flakeInputSnippet(pkg: Package, repo: Repo, options: SnippetOptions = {}): Snippet {
  const inputName = repoInputName(repo.name, options.inputPrefix);
  const packagePath = attrPathBelow(inputName, pkg.attr);
  const { system } = targetSystem(pkg.platforms);
  return plainInputSnippet(repo, inputName, system, [
    `# Use ${packagePath} wherever a package goes (environment.systemPackages, home.packages, …).`,
    `packages.\${system}.${outputName(pkg.attr)} = ${packagePath};`,
  ]);
}

export function repoFlakeSnippet(pkg: Package, repo: Repo, options: SnippetOptions = {}): Snippet {
  const inputName = repoInputName(repo.name, options.inputPrefix);
  const { system } = targetSystem(pkg.platforms);
  const packagePath = attrPathBelow(`${inputName}.legacyPackages.\${system}`, pkg.attr);
  return {
    name: 'repo-flake',
    title: "The repo's own flake outputs (an assumption: see the comment)",
    language: 'nix',
    code: lines(
      '# flake.nix: the NUR repo through its own flake.nix. Assumption: it exports',
      '# legacyPackages.<system> like nur-packages-template (NUR itself only needs default.nix).',
      '# Its packages.<system> would hold top-level derivations only, so nested attrs need',
      '# legacyPackages. If the repo has no such flake, use the flake-input snippet.',
      repo.file !== undefined &&
        '# This repo points NUR at a file other than default.nix, so its flake may not export these.',
      '{',
      '  inputs = {',
      '    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";',
      `    ${inputName} = {`,
      `      url = ${nixString(repoSourceUrl(repo))};`,
      '      inputs.nixpkgs.follows = "nixpkgs";',
      '    };',
      '  };',
      '',
      '  outputs =',
      `    { ${inputName}, ... }:`,
      '    let',
      `      system = ${nixString(system)};`,
      '    in',
      '    {',
      `      packages.\${system}.${outputName(pkg.attr)} = ${packagePath};`,
      '    };',
      '}',
    ),
  };
}
