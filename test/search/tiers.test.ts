// Name tiers found by scanning all names at once must equal scoring each package's names alone.
import { describe, expect, it } from 'vitest';
import { splitIndexKey } from '../../src/index/normalize.js';
import type { Package } from '../../src/model.js';
import { packageFields } from '../../src/search/fields.js';
import { parseQuery } from '../../src/search/query.js';
import { prepareTerm, scoreTerm, Tier } from '../../src/search/score.js';
import { NameCorpora, scansNames } from '../../src/search/tiers.js';
import { fixtureIndex, realKeys } from '../helpers/fixtures.js';

const WORDS = [
  'li',
  'linux',
  'kernel',
  'go',
  'py',
  'python',
  'python3',
  'ex',
  'exporter',
  'fire',
  'fox',
  'firefox-addons',
  '5_10',
  '0',
  'x1',
  'bin',
  'lib',
  'vim',
  'plugin',
  'hello',
  'goatcounter',
  'mic92',
  'sane',
  'a',
  '-',
  '_',
];
const CASED_WORDS = ['Kernel', 'Firefox', 'X', 'Packages', 'P', 'Go'];

/** The tier scoreTerm gives through a name, 0 when only repo or description match. */
function expectSameAsScoreTerm(packages: readonly Package[]) {
  const differences: string[] = [];
  const fields = packages.map(packageFields);
  for (const caseSensitive of [false, true]) {
    const corpora = new NameCorpora(packages, caseSensitive);
    for (const word of caseSensitive ? CASED_WORDS : WORDS) {
      const [parsed] = parseQuery(word).terms;
      const term = prepareTerm(parsed!);
      expect(scansNames(term)).toBe(true);
      const tiers = corpora.nameTiers(term, new Uint8Array(packages.length));
      fields.forEach((f, id) => {
        const score = scoreTerm(f, term, caseSensitive);
        const expected = score >= Tier.nameSubstring ? score : 0;
        if (tiers[id] !== expected)
          differences.push(`${word} ${f.pkg.ref}: ${tiers[id]} ≠ ${expected}`);
      });
    }
  }
  expect(differences).toEqual([]);
}

function packageFromKey(key: string): Package {
  const { repo, attr } = splitIndexKey(key)!;
  const pname = attr.slice(attr.lastIndexOf('.') + 1);
  return { ...fixtureIndex().packages[0]!, repo, attr, ref: `${repo}.${attr}`, pname };
}

describe('name tiers of a whole index', () => {
  it('equal scoring each real package alone, in both letter cases', () => {
    expectSameAsScoreTerm(fixtureIndex().packages);
  });

  it('equal scoring each of the 8,378 real keys alone (nested attrs, camelCase humps)', () => {
    expectSameAsScoreTerm(realKeys().map(packageFromKey));
  });

  it('find word starts in pnames that differ from the attr, and in folded non-ASCII names', () => {
    const real = fixtureIndex().packages[0]!;
    expectSameAsScoreTerm([
      { ...real, repo: 'r', attr: 'tools.fooBar', ref: 'r.tools.fooBar', pname: 'vim-plugin-x' },
      { ...real, repo: 'r', attr: 'İstanbul-python', ref: 'r.İstanbul-python', pname: 'go' },
      { ...real, repo: 'r', attr: 'a', ref: 'r.a', pname: 'linux5_10Kernel' },
    ]);
  });
});
