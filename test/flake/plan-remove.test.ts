import { describe, expect, it } from 'vitest';
import { planAddInput } from '../../src/flake/plan-add.js';
import { planRemoveInput } from '../../src/flake/plan-remove.js';

describe('planRemoveInput', () => {
  const source = `{
  inputs = {
    nixpkgs.url = "n";
    nur-x = {
      url = "github:o/r";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };
  outputs = { self, nixpkgs, nur-x, ... }: {
    nixosConfigurations.a = nixpkgs.lib.nixosSystem {
      modules = [ ./a.nix nur-x.nixosModules.foo ];
    };
  };
}
`;

  it('removes the entry, its formal and its module-list entries', () => {
    expect(planRemoveInput(source, 'nur-x').text).toBe(`{
  inputs = {
    nixpkgs.url = "n";
  };
  outputs = { self, nixpkgs, ... }: {
    nixosConfigurations.a = nixpkgs.lib.nixosSystem {
      modules = [ ./a.nix ];
    };
  };
}
`);
  });

  it('removes every flat line of the input, follows included', () => {
    const flat =
      '{\n  inputs.nixpkgs.url = "n";\n  inputs.x.url = "u";\n  inputs.x.inputs.nixpkgs.follows = "nixpkgs";\n  inputs.x.flake = true;\n  outputs = { self, nixpkgs, x }: { };\n}\n';
    expect(planRemoveInput(flat, 'x').text).toBe(
      '{\n  inputs.nixpkgs.url = "n";\n  outputs = { self, nixpkgs }: { };\n}\n',
    );
  });

  it('refuses while the name is used elsewhere and lists the lines', () => {
    const used = source.replace(
      'modules = [',
      'environment.systemPackages = [ nur-x.packages.x86_64-linux.y ];\n      modules = [',
    );
    expect(() => planRemoveInput(used, 'nur-x')).toThrow(
      /nur-x is still used in flake.nix on line 11/,
    );
    const forced = planRemoveInput(used, 'nur-x', { force: true });
    expect(forced.notes.join('\n')).toContain('line 11');
  });

  it('sees uses through the @-name of the outputs function', () => {
    const at =
      '{\n  inputs.x.url = "u";\n  outputs = { self, ... }@inputs: {\n    p = inputs.x.packages;\n  };\n}\n';
    expect(() => planRemoveInput(at, 'x')).toThrow(/line 4/);
  });

  it('refuses while another input follows it', () => {
    const followed =
      '{\n  inputs.base.url = "b";\n  inputs.hm.url = "h";\n  inputs.hm.inputs.nixpkgs.follows = "base";\n  outputs = { self, ... }: { };\n}\n';
    expect(() => planRemoveInput(followed, 'base')).toThrow(
      /base is still used in flake.nix on line 4/,
    );
  });

  it('says which inputs exist when the name is not one of them', () => {
    expect(() => planRemoveInput(source, 'nope')).toThrow(/has no input named nope/);
  });

  it('restores a file byte for byte after an add', () => {
    const original =
      '{\r\n\tinputs = { a.url = "a"; };\r\n\toutputs = {\r\n\t\tself,\r\n\t\ta,\r\n\t}: { };\r\n}\r\n';
    const added = planAddInput(original, {
      name: 'y',
      url: 'github:y/y',
      flake: false,
      followsNixpkgs: true,
      modules: [],
    });
    expect(added.status).toBe('changed');
    expect(planRemoveInput(added.text, 'y').text).toBe(original);
  });
});
