import { describe, expect, it } from 'vitest';
import { NurError } from '../../src/errors.js';
import type { AddInputRequest } from '../../src/flake/plan.js';
import { planAddInput } from '../../src/flake/plan-add.js';
import { planRemoveInput } from '../../src/flake/plan-remove.js';

const request = (over: Partial<AddInputRequest> = {}): AddInputRequest => ({
  name: 'nur-x',
  url: 'github:o/r',
  flake: true,
  followsNixpkgs: true,
  modules: [],
  ...over,
});

describe('planAddInput: inputs', () => {
  it('adds flat lines next to flat inputs, with follows for nixpkgs', () => {
    const source =
      '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n\n  outputs = { self, nixpkgs }: { };\n}\n';
    expect(planAddInput(source, request()).text).toBe(
      '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  inputs.nur-x.url = "github:o/r";\n  inputs.nur-x.inputs.nixpkgs.follows = "nixpkgs";\n\n  outputs = { self, nixpkgs, nur-x }: { };\n}\n',
    );
  });

  it('adds a binding inside an inputs block, before a trailing comment', () => {
    const source =
      '{\n  inputs = {\n    nixpkgs.url = "n";\n    # more later\n  };\n  outputs = { self, ... }: { };\n}\n';
    expect(planAddInput(source, request({ followsNixpkgs: false })).text).toBe(
      '{\n  inputs = {\n    nixpkgs.url = "n";\n    nur-x.url = "github:o/r";\n    # more later\n  };\n  outputs = { self, nur-x, ... }: { };\n}\n',
    );
  });

  it('writes flake = false and no follows for a non-flake input', () => {
    const source = '{\n  inputs.nixpkgs.url = "n";\n  outputs = { nixpkgs, ... }: { };\n}\n';
    const { text } = planAddInput(source, request({ flake: false }));
    expect(text).toContain('  inputs.nur-x.flake = false;\n');
    expect(text).not.toContain('follows');
  });

  it('leaves out follows when the flake has no nixpkgs input', () => {
    const source = '{\n  inputs.other.url = "n";\n  outputs = { other, ... }: { };\n}\n';
    expect(planAddInput(source, request()).text).not.toContain('follows');
  });

  it('adds inputs after the description when there are none', () => {
    const source = '{\n  description = "d";\n\n  outputs = { self }: { };\n}\n';
    expect(planAddInput(source, request()).text).toBe(
      '{\n  description = "d";\n  inputs.nur-x.url = "github:o/r";\n\n  outputs = { self, nur-x }: { };\n}\n',
    );
  });

  it('follows tabs and CRLF line endings', () => {
    const source =
      '{\r\n\tinputs = {\r\n\t\tnixpkgs.url = "n";\r\n\t};\r\n\toutputs = { self, ... }: { };\r\n}\r\n';
    const { text } = planAddInput(source, request());
    expect(text).toContain(
      '\r\n\t\tnur-x.url = "github:o/r";\r\n\t\tnur-x.inputs.nixpkgs.follows = "nixpkgs";\r\n\t};',
    );
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes an attrset entry where the block already uses them', () => {
    const source =
      '{\n  inputs = {\n    nixpkgs.url = "n";\n    hm = {\n      url = "h";\n      inputs.nixpkgs.follows = "nixpkgs";\n    };\n  };\n  outputs = { self, ... }: { };\n}\n';
    expect(planAddInput(source, request()).text).toContain(
      '    };\n    nur-x = {\n      url = "github:o/r";\n      inputs.nixpkgs.follows = "nixpkgs";\n    };\n  };',
    );
  });

  it('keeps an empty line between entries when the block is spaced that way', () => {
    const source =
      '{\n  inputs = {\n    a.url = "a";\n\n    b.url = "b";\n  };\n  outputs = { self, ... }: { };\n}\n';
    expect(planAddInput(source, request()).text).toContain(
      '    b.url = "b";\n\n    nur-x.url = "github:o/r";\n  };',
    );
  });

  it('writes compact bindings in a compact file', () => {
    const source = '{inputs.nixpkgs.url="n";outputs={self,nixpkgs}:{};}';
    expect(planAddInput(source, request()).text).toBe(
      '{inputs.nixpkgs.url="n"; inputs.nur-x.url="github:o/r"; inputs.nur-x.inputs.nixpkgs.follows="nixpkgs";outputs={self,nixpkgs,nur-x}:{};}',
    );
  });

  it('escapes the url as a Nix string', () => {
    const source = '{\n  inputs.a.url = "a";\n  outputs = { self, ... }: { };\n}\n';
    const { text } = planAddInput(source, request({ url: 'git+https://h/p?ref=${x}"' }));
    expect(text).toContain('inputs.nur-x.url = "git+https://h/p?ref=\\${x}\\"";');
  });

  it('refuses inputs set by an expression it cannot edit, naming the line', () => {
    for (const value of ['import ./inputs.nix', '{ a.url = "a"; } // { b.url = "b"; }']) {
      const source = `{\n  inputs = ${value};\n  outputs = { self, ... }: { };\n}\n`;
      expect(() => planAddInput(source, request())).toThrow(
        /sets its inputs with an expression nur cannot edit \(line 2: inputs = /,
      );
    }
  });

  it('adds into a `rec` inputs block as into a plain one', () => {
    const source =
      '{\n  inputs = rec {\n    nixpkgs.url = "n";\n  };\n  outputs = { self, ... }: { };\n}\n';
    expect(planAddInput(source, request({ followsNixpkgs: false })).text).toBe(
      '{\n  inputs = rec {\n    nixpkgs.url = "n";\n    nur-x.url = "github:o/r";\n  };\n  outputs = { self, nur-x, ... }: { };\n}\n',
    );
  });

  it('refuses a name that is not a Nix identifier', () => {
    expect(() => planAddInput('{ }', request({ name: 'a b' }))).toThrow(
      /not a valid Nix identifier/,
    );
    expect(() => planAddInput('{ }', request({ name: 'in' }))).toThrow(NurError);
  });
});

describe('planAddInput: idempotence and conflicts', () => {
  const source = '{\n  inputs.nixpkgs.url = "n";\n  outputs = { self, nixpkgs, ... }: { };\n}\n';

  it('changes nothing the second time', () => {
    const first = planAddInput(source, request());
    const second = planAddInput(first.text, request());
    expect(second).toMatchObject({ status: 'unchanged', patches: [], text: first.text });
  });

  it('reuses an input that has the same url under another name', () => {
    const named = source.replace('outputs', 'inputs.mine.url = "github:o/r";\n  outputs');
    const plan = planAddInput(named, request({ modules: [] }));
    expect(plan.input).toBe('mine');
    expect(plan.text).not.toContain('nur-x');
    expect(plan.text).toContain('outputs = { self, nixpkgs, mine, ... }');
    expect(plan.notes.join('\n')).toContain('already has github:o/r as input mine');
  });

  it('refuses the same name with another url unless forced, then replaces only the url', () => {
    const first = planAddInput(source, request()).text;
    expect(() => planAddInput(first, request({ url: 'github:o/other' }))).toThrow(
      /already has an input named nur-x/,
    );
    const forced = planAddInput(first, request({ url: 'github:o/other', force: true }));
    expect(forced.text).toBe(first.replace('"github:o/r"', '"github:o/other"'));
  });

  it('refuses modules for an input that is plain Nix, and says how to make it a flake', () => {
    const source =
      '{\n  inputs.nur-x.url = "github:o/r";\n  inputs.nur-x.flake = false;\n  outputs = { self, nixpkgs, ... }: {\n    nixosConfigurations.a = nixpkgs.lib.nixosSystem { modules = [ ]; };\n  };\n}\n';
    const withModule = () =>
      planAddInput(
        source,
        request({ modules: [{ kind: 'nixos', expr: 'nur-x.nixosModules.default' }] }),
      );
    expect(withModule).toThrow(
      'flake.nix has nur-x as plain Nix (flake = false, line 2), which has no modules to add',
    );
    const asFlake = planAddInput(source, request());
    expect(asFlake.notes).toContain(
      'nur-x stays plain Nix (flake = false, line 2); delete that line to use its flake',
    );
  });

  it('does not offer --force for an input written as an attrset with no url', () => {
    const source =
      '{\n  inputs.nur-x = { type = "github"; owner = "a"; repo = "b"; };\n  outputs = { self, ... }: { };\n}\n';
    expect(() => planAddInput(source, request())).toThrow(
      expect.objectContaining({
        hint: 'Edit it by hand, or pass --name to add github:o/r under another name.',
      }),
    );
  });
});

describe('planAddInput: outputs formals', () => {
  it.each([
    ['{ self, nixpkgs, ... }', '{ self, nixpkgs, nur-x, ... }'],
    ['{ self, nixpkgs }', '{ self, nixpkgs, nur-x }'],
    ['{ self, nixpkgs, }', '{ self, nixpkgs, nur-x, }'],
    ['{\n    self,\n    nixpkgs,\n  }', '{\n    self,\n    nixpkgs,\n    nur-x,\n  }'],
    ['{ self\n  , nixpkgs\n  , ...\n  }', '{ self\n  , nixpkgs\n  , nur-x\n  , ...\n  }'],
    ['{ ... }', '{ nur-x, ... }'],
    ['{ self, ... }@inputs', '{ self, nur-x, ... }@inputs'],
    ['inputs@{ self, ... }', 'inputs@{ self, nur-x, ... }'],
  ])('turns %j into %j', (before, after) => {
    const source = `{\n  inputs.nixpkgs.url = "n";\n  outputs = ${before}: { };\n}\n`;
    expect(planAddInput(source, request()).text).toContain(`outputs = ${after}: { };`);
  });

  it('gives the new formal its own line when the last one carries a comment after its comma', () => {
    const source =
      '{\n  inputs.nixpkgs.url = "n";\n  outputs =\n    {\n      self,\n      nixpkgs, # the packages\n      ...\n    }:\n    { };\n}\n';
    const { text } = planAddInput(source, request());
    expect(text).toContain('      nixpkgs, # the packages\n      nur-x,\n      ...\n');
    expect(planRemoveInput(text, 'nur-x').text).toBe(source);
  });

  it('adds no formal to a bare argument and says how to reach the input', () => {
    const source = '{\n  inputs.nixpkgs.url = "n";\n  outputs = inputs: { };\n}\n';
    const plan = planAddInput(source, request());
    expect(plan.text).toContain('outputs = inputs: { };');
    expect(plan.notes.join('\n')).toContain('inputs.nur-x');
  });
});

describe('planAddInput: modules', () => {
  const source = `{
  inputs.nixpkgs.url = "n";
  outputs = { self, nixpkgs, ... }: {
    nixosConfigurations.a = nixpkgs.lib.nixosSystem {
      modules = [
        ./a.nix
      ];
    };
    nixosConfigurations.b = nixpkgs.lib.nixosSystem { modules = [ ./b.nix ]; };
  };
}
`;
  const module = { kind: 'nixos' as const, expr: 'nur-x.nixosModules.foo' };

  it('adds the module to every NixOS modules list in its layout', () => {
    const { text } = planAddInput(source, request({ modules: [module] }));
    expect(text).toContain('        ./a.nix\n        nur-x.nixosModules.foo\n      ];');
    expect(text).toContain('modules = [ ./b.nix nur-x.nixosModules.foo ];');
  });

  it('adds it only to the chosen host', () => {
    const { text } = planAddInput(source, request({ modules: [{ ...module, host: 'b' }] }));
    expect(text.match(/nur-x\.nixosModules\.foo/g)).toHaveLength(1);
    expect(text).toContain('[ ./b.nix nur-x.nixosModules.foo ]');
  });

  it('refuses an unknown host, naming the hosts it found', () => {
    const plan = () => planAddInput(source, request({ modules: [{ ...module, host: 'zz' }] }));
    expect(plan).toThrow(/no NixOS configuration named zz; nothing was written/);
    expect(plan).toThrow(expect.objectContaining({ hint: 'Its NixOS configurations: a, b.' }));
  });

  it('notes where a Home Manager module goes when there is no such configuration', () => {
    const plan = planAddInput(
      source,
      request({ modules: [{ kind: 'home-manager', expr: 'nur-x.homeManagerModules.x' }] }),
    );
    expect(plan.notes.join('\n')).toMatch(
      /homeManagerConfiguration .* nur-x\.homeManagerModules\.x/,
    );
  });

  it('gives nix-darwin hosts the darwin twin of a module, and none when there is no twin', () => {
    const source = `{
  outputs = { self, nixpkgs, darwin, ... }: {
    nixosConfigurations.pc = nixpkgs.lib.nixosSystem { modules = [ ./pc.nix ]; };
    darwinConfigurations.mac = darwin.lib.darwinSystem { modules = [ ./mac.nix ]; };
  };
}
`;
    const nur = planAddInput(
      source,
      request({
        name: 'nur',
        modules: [
          {
            kind: 'nixos',
            expr: 'nur.modules.nixos.default',
            darwinExpr: 'nur.modules.darwin.default',
          },
        ],
      }),
    );
    expect(nur.text).toContain('modules = [ ./pc.nix nur.modules.nixos.default ]');
    expect(nur.text).toContain('modules = [ ./mac.nix nur.modules.darwin.default ]');
    const repo = planAddInput(
      source,
      request({ modules: [{ kind: 'nixos', expr: 'nur-x.nixosModules.default' }] }),
    );
    expect(repo.text).toContain('modules = [ ./pc.nix nur-x.nixosModules.default ]');
    expect(repo.text).toContain('modules = [ ./mac.nix ]');
    const onMac = () =>
      planAddInput(
        source,
        request({ modules: [{ kind: 'nixos', expr: 'nur-x.nixosModules.default', host: 'mac' }] }),
      );
    expect(onMac).toThrow(
      'mac is a nix-darwin configuration and nur-x.nixosModules.default is a NixOS module; nothing was written',
    );
  });
});
