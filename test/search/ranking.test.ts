// Ranking judged on the real NUR index: what a Nix user expects at the top for what they type.
import { describe, expect, it } from 'vitest';
import { createSearchEngine } from '../../src/search/engine.js';
import type { License, Package, SearchOptions } from '../../src/model.js';
import { fixtureIndex, fixturePackage } from '../helpers/fixtures.js';

const engine = createSearchEngine(fixtureIndex().packages);
const refs = (query: string, options: SearchOptions = {}) =>
  engine.search(query, options).hits.map((hit) => hit.pkg.ref);

describe('ranking on the real index', () => {
  it('puts the package named exactly the query first', () => {
    expect(refs('goatcounter')[0]).toBe('mic92.goatcounter');
    expect(refs('nordvpn').slice(0, 2).sort()).toEqual(['LuisChDev.nordvpn', 'wingej0.nordvpn']);
  });

  it('ranks an exact pname above names that merely start with it', () => {
    // Several real repos package GNU hello under other attrs (hello-nur, hihi): pname is `hello`.
    const hits = engine.search('hello', { limit: 0 }).hits;
    const prefixed = hits.findIndex((h) => h.pkg.ref === 'jonhermansen.hello-jon');
    expect(prefixed).toBeGreaterThan(0);
    for (const hit of hits.slice(0, prefixed)) expect(hit.pkg.pname).toBe('hello');
    expect(hits.slice(0, prefixed).map((h) => h.pkg.ref)).toContain('anntnzrb.hihi');
  });

  it('ranks a name prefix above a word inside a name', () => {
    const hits = refs('hello');
    expect(hits.indexOf('tomberek.hello-join')).toBeLessThan(
      hits.indexOf('priegger.go-hello-world'),
    );
  });

  it('ranks word-boundary name matches above a description-only match', () => {
    const hits = refs('exporter');
    const descriptionOnly = hits.indexOf('sagikazarmark.decktape');
    expect(descriptionOnly).toBeGreaterThan(0);
    for (const ref of [
      'AndrewKvalheim.iptables_exporter',
      'pborzenkov.transmission-exporter',
      'nginx.nginx-prometheus-exporter',
    ])
      expect(hits.indexOf(ref)).toBeLessThan(descriptionOnly);
  });

  it('still finds a package through a typo', () => {
    expect(refs('goatcountr')[0]).toBe('mic92.goatcounter');
    expect(refs('goatcuonter')[0]).toBe('mic92.goatcounter');
  });

  it('does not add typo matches for a word that occurs literally', () => {
    for (const ref of refs('rust', { limit: 0 }))
      expect(
        fixturePackage(ref).ref + fixturePackage(ref).pname + fixturePackage(ref).description,
      ).toMatch(/rust/i);
  });

  it('requires every word of a multi-word query, across fields', () => {
    const hits = engine.search('prometheus exporter', { limit: 0 }).hits;
    expect(hits.map((h) => h.pkg.ref)[0]).toBe('nginx.nginx-prometheus-exporter');
    for (const hit of hits) {
      const text = `${hit.pkg.ref} ${hit.pkg.pname} ${hit.pkg.description}`.toLowerCase();
      expect(text).toContain('prometheus');
      expect(text).toContain('exporter');
    }
  });

  it('matches a word in the name and another in the description', () => {
    expect(refs('goatcounter analytics')).toEqual(['mic92.goatcounter']);
  });

  it('finds nested attrs by their last segment and by their full dotted path', () => {
    expect(refs('graalvm17-ce')[0]).toBe('7mind.graalvm-legacy-packages.graalvm17-ce');
    expect(refs('python3Packages.cvxpy')[0]).toBe('drewrisinger.python3Packages.cvxpy');
  });

  it('finds packages of a repo whose name starts with a digit', () => {
    const hits = refs('0komo', { limit: 0 });
    expect(hits.length).toBe(fixtureIndex().packages.filter((p) => p.repo === '0komo').length);
    expect(refs('repo:0komo emmylua')[0]).toMatch(/^0komo\.emmylua/);
  });

  it('lists the same packages in the same order on every search', () => {
    const first = refs('go', { limit: 0 });
    const again = createSearchEngine([...fixtureIndex().packages].reverse()).search('go', {
      limit: 0,
    });
    expect(again.hits.map((h) => h.pkg.ref)).toEqual(first);
  });

  it('breaks ties by shorter attr, then by ref', () => {
    const hits = engine.search('exporter', { limit: 0 }).hits;
    for (let i = 1; i < hits.length; i++) {
      const [a, b] = [hits[i - 1]!, hits[i]!];
      if (a.score !== b.score) continue;
      const order = a.pkg.attr.length - b.pkg.attr.length || (a.pkg.ref < b.pkg.ref ? -1 : 1);
      expect(order).toBeLessThan(0);
    }
  });
});

describe('broken and unavailable packages', () => {
  const healthy = fixturePackage('mic92.goatcounter');
  const broken: Package = { ...healthy, repo: 'aaa', ref: 'aaa.goatcounter', broken: true };
  const unavailable: Package = {
    ...healthy,
    repo: 'aab',
    ref: 'aab.goatcounter',
    available: false,
  };
  const prefix: Package = {
    ...healthy,
    attr: 'goatcounter-bin',
    pname: 'goatcounter-bin',
    ref: 'mic92.goatcounter-bin',
  };
  const small = createSearchEngine([broken, unavailable, healthy, prefix]);

  it('ranks them below healthy packages of the same match', () => {
    const hits = small.search('goatcounter').hits.map((h) => h.pkg.ref);
    expect(hits.indexOf('mic92.goatcounter')).toBeLessThan(hits.indexOf('aaa.goatcounter'));
    expect(hits.indexOf('mic92.goatcounter')).toBeLessThan(hits.indexOf('aab.goatcounter'));
  });

  it('keeps an exact broken match above a healthy prefix match', () => {
    const hits = small.search('goatcounter').hits.map((h) => h.pkg.ref);
    expect(hits.indexOf('aaa.goatcounter')).toBeLessThan(hits.indexOf('mic92.goatcounter-bin'));
  });

  it('returns the package so the caller can mark it', () => {
    const hit = small.search('goatcounter').hits.find((h) => h.pkg.ref === 'aaa.goatcounter');
    expect(hit?.pkg.broken).toBe(true);
  });
});

describe('filters and extended syntax', () => {
  it('limits to one repo with repo: and with the repo option', () => {
    const viaQuery = engine.search('repo:mic92', { limit: 0 }).hits;
    expect(viaQuery.length).toBe(fixtureIndex().packages.filter((p) => p.repo === 'mic92').length);
    expect(viaQuery.every((h) => h.pkg.repo === 'mic92')).toBe(true);
    expect(refs('irc', { repo: 'mic92' }).every((r) => r.startsWith('mic92.'))).toBe(true);
    expect(refs('irc', { repo: 'MIC92' }).length).toBeGreaterThan(0);
  });

  it('filters by licence id or name with license:', () => {
    const hits = engine.search('license:mit', { limit: 0 }).hits;
    expect(hits.length).toBeGreaterThan(100);
    for (const hit of hits)
      expect(
        hit.pkg.licenses.some((l) => /^mit/i.test(l.spdxId ?? l.shortName ?? l.fullName ?? '')),
      ).toBe(true);
    expect(refs('license:gpl3 goatcounter')).toEqual([]);
  });

  const licenseIdsOf = (query: string) =>
    engine
      .search(query, { limit: 0 })
      .hits.map((h) => h.pkg.licenses.flatMap((l) => [l.spdxId ?? '', l.shortName ?? '']));
  const withLicense = (pattern: RegExp) =>
    fixtureIndex().packages.filter((p) =>
      p.licenses.some((l) => pattern.test(l.spdxId ?? '') || pattern.test(l.shortName ?? '')),
    ).length;

  it('matches license: at the start of an id, so gpl leaves out LGPL and AGPL', () => {
    const gpl = licenseIdsOf('license:gpl');
    expect(gpl.length).toBe(withLicense(/^gpl/i));
    for (const ids of gpl) expect(ids.some((id) => /^gpl/i.test(id))).toBe(true);
    // The real index has AGPL- and LGPL-only packages that a substring match used to list.
    const onlyAgplOrLgpl = fixtureIndex().packages.filter(
      (p) =>
        p.licenses.some((l) => /^(a|l)gpl/i.test(l.spdxId ?? '')) &&
        !p.licenses.some((l) => /^gpl/i.test(`${l.spdxId ?? ''} ${l.shortName ?? ''}`)),
    );
    expect(onlyAgplOrLgpl.length).toBeGreaterThan(0);
    const found = new Set(refs('license:gpl', { limit: 0 }));
    for (const pkg of onlyAgplOrLgpl) expect(found.has(pkg.ref)).toBe(false);
  });

  it('narrows license:gpl-3.0-only to that id, and license:free to free licences', () => {
    for (const ids of licenseIdsOf('license:gpl-3.0-only'))
      expect(ids.map((id) => id.toLowerCase())).toContain('gpl-3.0-only');
    const free = engine.search('license:free', { limit: 0 }).hits;
    expect(free.length).toBeGreaterThan(0);
    for (const hit of free) expect(hit.pkg.licenses.some((l) => l.shortName === 'free')).toBe(true);
    // license:unfree still finds what the index marks unfree.
    const unfree = new Set(refs('license:unfree', { limit: 0 }));
    for (const pkg of fixtureIndex().packages.filter((p) => p.unfree))
      expect(unfree.has(pkg.ref)).toBe(true);
  });

  it('takes several repo: or license: filters as alternatives', () => {
    const count = (repo: string) => fixtureIndex().packages.filter((p) => p.repo === repo).length;
    const repos = engine.search('repo:mic92 repo:0komo', { limit: 0 }).hits;
    expect(repos.length).toBe(count('mic92') + count('0komo'));
    const mit = engine.search('license:mit', { limit: 0 }).total;
    const asl = engine.search('license:asl20', { limit: 0 }).total;
    const either = engine.search('license:mit license:asl20', { limit: 0 }).hits;
    expect(either.length).toBeGreaterThan(Math.max(mit, asl));
    const mitOrAsl = (l: License) =>
      [l.spdxId, l.shortName, l.fullName].some((id) => /^(mit|asl20)/i.test(id ?? ''));
    for (const hit of either) expect(hit.pkg.licenses.some(mitOrAsl)).toBe(true);
    // A word still has to match on top of the alternatives.
    expect(refs('repo:mic92 repo:0komo goatcounter')).toEqual(['mic92.goatcounter']);
  });

  it("matches 'exact text without typo tolerance", () => {
    expect(refs("'goatcountr")).toEqual([]);
    expect(refs("'goatcounter")).toEqual(['mic92.goatcounter']);
  });

  it('anchors ^prefix and suffix$ to names', () => {
    const prefixed = engine.search('^hello', { limit: 0 }).hits;
    for (const { pkg } of prefixed) expect(`${pkg.attr} ${pkg.pname}`).toMatch(/(^| )hello/);
    expect(refs('^hello', { limit: 0 })).not.toContain('priegger.go-hello-world');
    const suffixed = refs('exporter$', { limit: 0 });
    expect(suffixed.length).toBeGreaterThan(0);
    expect(suffixed.every((r) => r.endsWith('exporter'))).toBe(true);
    expect(refs('^goatcounter$')).toEqual(['mic92.goatcounter']);
  });

  it('excludes packages containing a !term', () => {
    const all = refs('hello', { limit: 0 });
    const withoutWorld = refs('hello !world', { limit: 0 });
    expect(withoutWorld.length).toBeLessThan(all.length);
    expect(withoutWorld.some((r) => r.includes('world'))).toBe(false);
  });

  it('ignores case unless the query has a capital letter', () => {
    expect(refs('firefox', { limit: 0 })).toContain('zzzsy.firefox-gnome-theme');
    const sensitive = engine.search('Firefox', { limit: 0 }).hits;
    expect(sensitive[0]!.pkg.ref).toBe('neumantm.startFirefox');
    expect(refs('firefox', { limit: 0 }).length).toBeGreaterThan(sensitive.length);
  });
});

describe('match ranges', () => {
  it('covers the matched name in the ref', () => {
    const hit = engine.search('goatcounter').hits[0]!;
    expect(hit.refMatches).toEqual([{ start: 6, end: 17 }]);
  });

  it('covers each word, in the ref or the description', () => {
    const hit = engine.search('goatcounter analytics').hits[0]!;
    const description = hit.pkg.description;
    const [range] = hit.descriptionMatches;
    expect(description.slice(range!.start, range!.end).toLowerCase()).toBe('analytics');
  });

  it('covers a typo match approximately inside the name', () => {
    const hit = engine.search('goatcountr').hits[0]!;
    expect(hit.refMatches.length).toBeGreaterThan(0);
    for (const r of hit.refMatches) expect(r.start).toBeGreaterThanOrEqual('mic92.'.length);
  });

  it('returns sorted, non-overlapping ranges', () => {
    for (const hit of engine.search('go exporter prometheus', { limit: 0 }).hits) {
      for (let i = 1; i < hit.refMatches.length; i++)
        expect(hit.refMatches[i]!.start).toBeGreaterThan(hit.refMatches[i - 1]!.end - 1);
    }
  });
});
