// One-letter words are scored from precomputed tiers; they must equal scoring the package itself.
import { describe, expect, it } from 'vitest';
import type { Package } from '../../src/model.js';
import { packageFields } from '../../src/search/fields.js';
import { LetterTiers, letterOf } from '../../src/search/letters.js';
import { NO_MATCH, prepareTerm, scoreTerm } from '../../src/search/score.js';
import { fixtureIndex, fixturePackage } from '../helpers/fixtures.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function expectSameAsScoreTerm(packages: readonly Package[]) {
  const fields = packages.map(packageFields);
  const tiers = new LetterTiers(packages);
  const differences: string[] = [];
  let compared = 0;
  for (const letter of LETTERS) {
    for (const kind of ['fuzzy', 'exact'] as const) {
      const term = prepareTerm({ kind, text: letter, negated: false });
      fields.forEach((f, id) => {
        const [tier, expected] = [tiers.tier(id, letterOf(letter)), scoreTerm(f, term, false)];
        if (tier !== expected) differences.push(`${f.pkg.ref} ${letter}: ${tier} ≠ ${expected}`);
        compared++;
      });
    }
  }
  expect(differences).toEqual([]);
  return compared;
}

describe('letter tiers', () => {
  it('give every real package the score scoreTerm gives it for each letter', () => {
    expect(expectSameAsScoreTerm(fixtureIndex().packages)).toBe(
      fixtureIndex().packages.length * 26 * 2,
    );
  });

  it('agree with scoreTerm on one-letter names, repos and descriptions and on folded capitals', () => {
    const real = fixturePackage('mic92.goatcounter');
    expectSameAsScoreTerm([
      { ...real, repo: 'x', ref: 'x.y', attr: 'y', pname: 'q', description: 'A Zebra-like tool' },
      { ...real, repo: 'mic92', ref: 'mic92.a.b', attr: 'a.b', pname: 'b', description: '' },
      { ...real, attr: 'fooBar', ref: 'mic92.fooBar', pname: 'foo-bar', description: 'İstanbul k' },
      { ...real, description: 'Has ẞ and Ωmega, x2y' },
    ]);
  });

  it('give a letter a tier exactly where the haystack holds it, so they can filter candidates', () => {
    const packages = fixtureIndex().packages;
    const tiers = new LetterTiers(packages);
    const differences: string[] = [];
    packages.forEach((pkg, id) => {
      const haystack = `${pkg.ref}\n${pkg.pname}\n${pkg.description}`.toLowerCase();
      [...LETTERS].forEach((letter, l) => {
        if (haystack.includes(letter) !== (tiers.tier(id, l) !== NO_MATCH))
          differences.push(`${pkg.ref} ${letter}`);
      });
    });
    expect(differences).toEqual([]);
  });

  it('only take the letters a to z', () => {
    expect(letterOf('a')).toBe(0);
    expect(letterOf('z')).toBe(25);
    for (const text of ['A', '1', '-', 'ab', '', 'é']) expect(letterOf(text)).toBe(-1);
  });
});
