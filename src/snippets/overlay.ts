// NUR's overlay in a flake: the way NUR's README recommends using its packages in a system config.
import type { Package } from '../model.js';
import { NUR_FLAKE_URL } from '../nix/flake-url.js';
import { nixString } from '../nix/strings.js';
import { nurAttrPath, targetSystem } from './names.js';
import { indent, lines, nixpkgsConfigNotes } from './policy.js';
import type { Snippet } from './types.js';

export function overlaySnippet(pkg: Package): Snippet {
  const attrPath = nurAttrPath(pkg.repo, pkg.attr);
  const target = targetSystem(pkg.platforms);
  // A module, not `with pkgs;`: pkgs here is the overlaid package set the module system passes in.
  const packageModule = [
    '(',
    '  { pkgs, ... }:',
    '  {',
    ...indent(4, nixpkgsConfigNotes(pkg)),
    `    environment.systemPackages = [ ${attrPath} ];`,
    '  }',
    ')',
  ];
  const nurInput = [
    'nur = {',
    `  url = ${nixString(NUR_FLAKE_URL)};`,
    '  inputs.nixpkgs.follows = "nixpkgs";',
    '};',
  ];

  if (target.kind === 'darwin') {
    return {
      name: 'overlay',
      title: 'nix-darwin flake with the NUR overlay (this package is macOS-only)',
      language: 'nix',
      code: lines(
        '# flake.nix: nur.modules.darwin.default adds the NUR overlay, so pkgs.nur.repos.* exists.',
        '{',
        '  inputs = {',
        '    nixpkgs.url = "github:NixOS/nixpkgs/nixpkgs-unstable";',
        '    nix-darwin = {',
        '      url = "github:nix-darwin/nix-darwin";',
        '      inputs.nixpkgs.follows = "nixpkgs";',
        '    };',
        indent(4, nurInput),
        '  };',
        '',
        '  outputs =',
        '    { nix-darwin, nur, ... }:',
        '    {',
        '      darwinConfigurations.my-mac = nix-darwin.lib.darwinSystem {',
        '        modules = [',
        '          nur.modules.darwin.default',
        `          { nixpkgs.hostPlatform = ${nixString(target.system)}; }`,
        indent(10, packageModule),
        '          ./configuration.nix',
        '        ];',
        '      };',
        '    };',
        '}',
      ),
    };
  }
  return {
    name: 'overlay',
    title: 'NixOS flake with the NUR overlay',
    language: 'nix',
    code: lines(
      '# flake.nix: nur.modules.nixos.default adds the NUR overlay, so pkgs.nur.repos.* exists.',
      '{',
      '  inputs = {',
      '    nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";',
      indent(4, nurInput),
      '  };',
      '',
      '  outputs =',
      '    { nixpkgs, nur, ... }:',
      '    {',
      '      nixosConfigurations.my-host = nixpkgs.lib.nixosSystem {',
      `        system = ${nixString(target.system)};`,
      '        modules = [',
      '          nur.modules.nixos.default',
      indent(10, packageModule),
      '          ./configuration.nix',
      '        ];',
      '      };',
      '    };',
      '}',
    ),
  };
}
