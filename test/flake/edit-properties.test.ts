// Properties of add/remove over every corpus flake.nix and every option combination that applies.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Patch } from '../../src/flake/apply.js';
import { listInputs } from '../../src/flake/list-inputs.js';
import { locateModuleLists } from '../../src/flake/locate.js';
import { parseNix } from '../../src/flake/parse.js';
import type { AddInputRequest } from '../../src/flake/plan.js';
import { planAddInput } from '../../src/flake/plan-add.js';
import { planRemoveInput } from '../../src/flake/plan-remove.js';
import { CORPUS, CORPUS_DIR } from './corpus/manifest.js';
import { nixParseErrors } from './nix-check.js';

// Hand-written cases the corpus may not have, checked the same way.
const inline: Record<string, string> = {
  'inline-empty-top.nix': '{ outputs = { ... }: { }; }\n',
  'inline-empty-formals.nix': '{\n  inputs = {\n  };\n  outputs = { }: { };\n}\n',
  'inline-leading-at.nix':
    '{\n  inputs.nixpkgs.url = "n";\n  outputs =\n    inputs@{ self\n    , nixpkgs\n    }:\n    { nixosConfigurations.h = nixpkgs.lib.nixosSystem { modules = [ ]; }; };\n}\n',
  'inline-no-trailing-newline.nix': '{\n  inputs.a.url = "a";\n  outputs = { self, a }: { };\n}',
  'inline-hm-let.nix':
    '{\n  inputs.nixpkgs.url = "n";\n  outputs = { nixpkgs, hm, ... }:\n    let\n      mods = [ ./x ];\n    in {\n      homeConfigurations.me = hm.lib.homeManagerConfiguration {\n        modules = mods ++ [\n        ];\n      };\n    };\n}\n',
};

const corpusFiles = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.nix'))
  .sort();
const sources: [string, string][] = [
  ...corpusFiles.map((f): [string, string] => [f, readFileSync(join(CORPUS_DIR, f), 'utf8')]),
  ...Object.entries(inline),
];

function combinations(file: string, text: string): [string, AddInputRequest][] {
  const entry = CORPUS.find((e) => e.file === file);
  const existing = new Set(listInputs(text).map((i) => i.name));
  const name = existing.has('nur-x') ? 'nur-x2' : 'nur-x';
  const base = { name, url: 'github:owner/nur-packages', modules: [] };
  const combos: [string, AddInputRequest][] = [
    [
      'flake with follows and both module kinds',
      {
        ...base,
        flake: true,
        followsNixpkgs: true,
        modules: [
          { kind: 'nixos', expr: `${name}.nixosModules.foo` },
          { kind: 'home-manager', expr: `${name}.homeManagerModules.bar` },
        ],
      },
    ],
    ['flake without follows', { ...base, flake: true, followsNixpkgs: false }],
    [
      'non-flake',
      { ...base, url: 'git+https://example.org/a/b?ref=main', flake: false, followsNixpkgs: true },
    ],
  ];
  const host =
    entry?.nixosHosts[0] ??
    locateModuleLists(parseNix(text)).find((l) => l.kind === 'nixos' && l.host)?.host;
  if (host)
    combos.push([
      `module for host ${host}`,
      {
        ...base,
        flake: true,
        followsNixpkgs: true,
        modules: [{ kind: 'nixos', expr: `${name}.nixosModules.foo`, host }],
      },
    ]);
  return combos;
}

/** The text between patches is the original's, at the shifted offsets; inserts are as planned. */
function outsidePatchesIdentical(original: string, result: string, patches: Patch[]): boolean {
  let shift = 0;
  let cursor = 0;
  for (const p of patches) {
    if (result.slice(cursor + shift, p.from + shift) !== original.slice(cursor, p.from))
      return false;
    if (result.slice(p.from + shift, p.from + shift + p.insert.length) !== p.insert) return false;
    shift += p.insert.length - (p.to - p.from);
    cursor = p.to;
  }
  return result.slice(cursor + shift) === original.slice(cursor);
}

const cases = sources.flatMap(([file, text]) =>
  combinations(file, text).map(([label, request]) => ({ file, text, label, request })),
);
const added = cases.map((c) => ({ ...c, plan: planAddInput(c.text, c.request) }));

describe('add and remove over the corpus', () => {
  it('covers the whole corpus', () => {
    expect(corpusFiles.length).toBeGreaterThanOrEqual(CORPUS.length);
    expect(cases.length).toBeGreaterThanOrEqual(sources.length * 3);
  });

  it('writes files that real Nix parses, for every file and combination', () => {
    const errors = nixParseErrors(added.map((c) => c.plan.text));
    const failures = added
      .map((c, i) => ({ file: c.file, label: c.label, error: errors[i] }))
      .filter((f) => f.error !== undefined);
    expect(failures).toEqual([]);
  });

  it.each(added)('$file ($label): changes only the patched bytes', ({ text, plan }) => {
    expect(plan.status).toBe('changed');
    expect(outsidePatchesIdentical(text, plan.text, plan.patches)).toBe(true);
  });

  it.each(added)('$file ($label): a second add is a no-op', ({ plan, request }) => {
    const again = planAddInput(plan.text, request);
    expect(again.status).toBe('unchanged');
    expect(again.text).toBe(plan.text);
  });

  it.each(added)(
    '$file ($label): remove restores the original byte for byte',
    ({ text, plan, request }) => {
      expect(planRemoveInput(plan.text, request.name).text).toBe(text);
    },
  );

  it.each(added)(
    '$file ($label): the new input is listed with its url and flake flag',
    ({ plan, request }) => {
      const input = listInputs(plan.text).find((i) => i.name === request.name);
      expect(input?.url).toBe(request.url);
      expect(input?.flake).toBe(request.flake ? undefined : false);
    },
  );

  it.each(added)('$file ($label): keeps the line endings of the file', ({ text, plan }) => {
    const inserted = plan.patches.map((p) => p.insert).join('');
    if (text.includes('\r\n')) expect(inserted.replace(/\r\n/g, '')).not.toContain('\n');
    else expect(inserted).not.toContain('\r');
  });

  const withManifest = added.filter((c) => CORPUS.some((e) => e.file === c.file));
  it.each(withManifest)(
    '$file ($label): follows the inputs style the file uses',
    ({ file, plan, request }) => {
      const entry = CORPUS.find((e) => e.file === file)!;
      const inputPatch = plan.patches.find((p) => /\burl ?= ?"/.test(p.insert))!;
      const flat = inputPatch.insert.includes(`inputs.${request.name}`);
      expect(flat).toBe(entry.inputsStyle === 'flat' || entry.inputsStyle === 'none');
      const follows = /inputs\.nixpkgs\.follows ?= ?"nixpkgs";/.test(inputPatch.insert);
      expect(follows).toBe(entry.hasNixpkgs && request.flake && request.followsNixpkgs);
    },
  );

  it.each(withManifest.filter((c) => c.request.modules.some((m) => !m.host)))(
    '$file ($label): adds the module to every NixOS host the manifest names, and no nix-darwin host',
    ({ file, plan, request }) => {
      const entry = CORPUS.find((e) => e.file === file)!;
      const lists = locateModuleLists(parseNix(plan.text)).filter((l) => l.primary);
      const itemsOf = (kind: string, host: string) => {
        const list = lists.find((l) => l.kind === kind && l.host === host);
        return list?.items.map((i) => plan.text.slice(i.from, i.to)) ?? [];
      };
      const added = (i: string) => i.endsWith(`${request.name}.nixosModules.foo`);
      for (const host of entry.nixosHosts) expect(itemsOf('nixos', host).some(added)).toBe(true);
      for (const host of entry.darwinHosts) {
        expect(itemsOf('darwin', host).length).toBeGreaterThan(0);
        expect(itemsOf('darwin', host).some(added)).toBe(false);
      }
    },
  );
});

describe('removing the inputs the corpus already has', () => {
  const removals = sources.flatMap(([file, text]) =>
    listInputs(text).map((input) => {
      try {
        return { file, name: input.name, text: planRemoveInput(text, input.name).text };
      } catch (error) {
        return { file, name: input.name, refused: (error as Error).message };
      }
    }),
  );

  it('refuses only with the lines where the input is still used', () => {
    for (const r of removals)
      if ('refused' in r)
        expect(r.refused).toMatch(
          new RegExp(`^${r.name} is still used in flake\\.nix on lines? \\d`),
        );
  });

  it('leaves files that real Nix parses, without undefined variables', () => {
    const done = removals.filter(
      (r): r is { file: string; name: string; text: string } => 'text' in r,
    );
    expect(done.length).toBeGreaterThan(0);
    const errors = nixParseErrors(done.map((r) => r.text));
    expect(
      done.map((r, i) => ({ file: r.file, name: r.name, error: errors[i] })).filter((r) => r.error),
    ).toEqual([]);
  });
});

describe('two inputs added one after the other', () => {
  const twoRequests = (name: string, flake: boolean): AddInputRequest => ({
    name,
    url: `github:owner/${name}`,
    flake,
    followsNixpkgs: true,
    modules: [{ kind: 'nixos', expr: `${name}.nixosModules.m` }],
  });

  it.each(sources.map(([file, text]) => ({ file, text })))(
    '$file: removing them in either order restores the original',
    ({ text }) => {
      const first = planAddInput(text, twoRequests('nur-a', true)).text;
      const both = planAddInput(first, twoRequests('nur-b', false)).text;
      expect(planRemoveInput(both, 'nur-b').text).toBe(first);
      const lastFirst = planRemoveInput(planRemoveInput(both, 'nur-b').text, 'nur-a').text;
      const firstFirst = planRemoveInput(planRemoveInput(both, 'nur-a').text, 'nur-b').text;
      expect(lastFirst).toBe(text);
      expect(firstFirst).toBe(text);
    },
  );
});
