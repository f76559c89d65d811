// The engine's contract beyond ranking: names-only ranking at full size, incremental typing,
// limits and totals.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { splitIndexKey } from '../../src/index/normalize.js';
import type { Package, SearchResult } from '../../src/model.js';
import { createSearchEngine } from '../../src/search/engine.js';
import { packageFields } from '../../src/search/fields.js';
import { parseQuery } from '../../src/search/query.js';
import { prepareTerm, scoreTerm } from '../../src/search/score.js';
import { fixtureIndex, realKeys } from '../helpers/fixtures.js';

/** A package known only by its index key, as in the 8,378-key list. */
function packageFromKey(key: string): Package {
  const { repo, attr } = splitIndexKey(key)!;
  const pname = attr.slice(attr.lastIndexOf('.') + 1);
  return {
    repo,
    attr,
    ref: `${repo}.${attr}`,
    attrPath: key,
    name: pname,
    pname,
    version: '',
    description: '',
    longDescription: '',
    homepage: '',
    licenses: [],
    mainProgram: '',
    platforms: [],
    broken: false,
    unfree: false,
    insecure: false,
    available: true,
    maintainers: [],
    position: '',
    outputs: ['out'],
  };
}

const keysEngine = createSearchEngine(realKeys().map(packageFromKey));
const refs = (result: SearchResult) => result.hits.map((h) => h.pkg.ref);

describe('names-only ranking on the 8,378 real keys', () => {
  it('knows its size', () => {
    expect(keysEngine.size).toBe(8378);
  });

  it('puts the exact name first', () => {
    expect(refs(keysEngine.search('goatcounter'))[0]).toBe('mic92.goatcounter');
    expect(refs(keysEngine.search('palworld-exporter')).slice(0, 2)).toEqual([
      'xddxdd.palworld-exporter',
      'xddxdd.uncategorized.palworld-exporter',
    ]);
  });

  it('ranks a word-start match above a match inside a word', () => {
    const hits = refs(keysEngine.search('exporter', { limit: 0 }));
    expect(hits.indexOf('ataraxiasjel.prometheus-podman-exporter')).toBeLessThan(
      hits.indexOf('mic92.mailexporter'),
    );
    expect(hits.indexOf('rycee.firefox-addons.archivebox-exporter')).toBeGreaterThanOrEqual(0);
  });

  it('finds a typo among thousands of names', () => {
    expect(refs(keysEngine.search('goatcountr'))[0]).toBe('mic92.goatcounter');
    expect(refs(keysEngine.search('palwrld-exporter'))[0]).toBe('xddxdd.palworld-exporter');
  });

  it('matches across a nested attr path', () => {
    const hits = refs(keysEngine.search('firefox-addons archivebox'));
    expect(hits[0]).toBe('rycee.firefox-addons.archivebox-exporter');
  });

  it('counts every match but returns at most the limit', () => {
    const limited = keysEngine.search('python', { limit: 5 });
    const all = keysEngine.search('python', { limit: 0 });
    expect(limited.hits).toHaveLength(5);
    expect(limited.total).toBe(all.hits.length);
    expect(refs(limited)).toEqual(refs(all).slice(0, 5));
  });
});

describe('scoring many candidates at once', () => {
  it.each(['a', 'e li', 'go'])(
    'gives %j the same scores as scoring each package alone',
    (query) => {
      const result = keysEngine.search(query, { limit: 0 });
      expect(result.total).toBeGreaterThan(query === 'go' ? 100 : 4096);
      const terms = parseQuery(query).terms.map(prepareTerm);
      for (const hit of result.hits) {
        const fields = packageFields(hit.pkg);
        const expected = terms.reduce((sum, t) => sum + scoreTerm(fields, t, false), 0);
        expect(hit.score).toBe(expected - fields.penalty);
      }
    },
  );
});

describe('incremental typing', () => {
  const typed = [
    'p',
    'pr',
    'pro',
    'prom',
    'prome',
    'promet',
    'prometh',
    'prometheus',
    'prometheus ',
    'prometheus e',
    'prometheus exp',
    'prometheus exporter',
  ];

  it('gives the same results as a fresh search at every keystroke', () => {
    const live = createSearchEngine(fixtureIndex().packages);
    for (const query of typed) {
      const fresh = createSearchEngine(fixtureIndex().packages).search(query, { limit: 0 });
      const incremental = live.search(query, { limit: 0 });
      expect(refs(incremental)).toEqual(refs(fresh));
      expect(incremental.total).toBe(fresh.total);
    }
  });

  it('widens again when a character is deleted or a typo appears', () => {
    const live = createSearchEngine(fixtureIndex().packages);
    const sequence = [
      'goat',
      'goatc',
      'goatcountr',
      'goatcount',
      'goat',
      'go',
      'go !g',
      'go !go',
      'go !g',
    ];
    for (const query of sequence) {
      const fresh = createSearchEngine(fixtureIndex().packages).search(query, { limit: 0 });
      expect(refs(live.search(query, { limit: 0 }))).toEqual(refs(fresh));
    }
  });

  it('reuses the scores of unchanged words only where they still hold, on the full-size index', () => {
    const packages = realKeys().map(packageFromKey);
    const live = createSearchEngine(packages);
    const sequence = [
      'l',
      'li',
      'linux',
      'linux ',
      'linux k',
      'linux kernel',
      'linux kerne',
      'kerne linux',
      'Linux kerne',
      'linux kerne !hardened',
      'linux kerne repo:colinsane',
      'linux e',
      'e',
      'e a',
      'a e',
    ];
    for (const query of sequence) {
      for (const options of [{ limit: 200 }, { limit: 200, repo: 'colinsane' }]) {
        const fresh = createSearchEngine(packages).search(query, options);
        const incremental = live.search(query, options);
        expect(incremental.total).toBe(fresh.total);
        expect(incremental.hits.map((h) => [h.pkg.ref, h.score])).toEqual(
          fresh.hits.map((h) => [h.pkg.ref, h.score]),
        );
      }
    }
  });

  it('does not carry a repo filter over to the next search', () => {
    const live = createSearchEngine(fixtureIndex().packages);
    live.search('irc', { repo: 'mic92' });
    const after = live.search('irc', { limit: 0 });
    expect(after.hits.some((h) => h.pkg.repo !== 'mic92')).toBe(true);
  });
});

describe('queries', () => {
  const engine = createSearchEngine(fixtureIndex().packages);

  it('lists every package for an empty query', () => {
    expect(engine.search('', { limit: 0 }).total).toBe(fixtureIndex().packages.length);
  });

  it('throws a usage error for a malformed query', () => {
    expect(() => engine.search('repo:')).toThrow(UsageError);
    expect(() => engine.search('!')).toThrow(UsageError);
  });

  it('returns nothing for an unknown repo', () => {
    expect(engine.search('go', { repo: 'no-such-repo' }).total).toBe(0);
  });
});
