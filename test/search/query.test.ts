import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseQuery } from '../../src/search/query.js';

describe('parseQuery', () => {
  it('splits words and folds case when there is no capital', () => {
    const q = parseQuery('  Hue   exporter ');
    expect(q.caseSensitive).toBe(true);
    expect(q.terms.map((t) => t.text)).toEqual(['Hue', 'exporter']);
    expect(parseQuery('hue exporter').caseSensitive).toBe(false);
  });

  it("reads fzf's extended tokens", () => {
    const kinds = parseQuery("'exact ^prefix suffix$ ^whole$ !not !^pre !suf$ plain").terms;
    expect(kinds.map((t) => [t.kind, t.negated, t.text])).toEqual([
      ['exact', false, 'exact'],
      ['prefix', false, 'prefix'],
      ['suffix', false, 'suffix'],
      ['equal', false, 'whole'],
      ['exact', true, 'not'],
      ['prefix', true, 'pre'],
      ['suffix', true, 'suf'],
      ['fuzzy', false, 'plain'],
    ]);
  });

  it('reads repo: and license: filters without making them words', () => {
    const q = parseQuery('repo:Mic92 license:MIT go');
    expect(q.repos).toEqual(['mic92']);
    expect(q.licenses).toEqual(['mit']);
    expect(q.terms.map((t) => t.text)).toEqual(['go']);
    // Capitals in filters do not switch on case-sensitive matching of the words.
    expect(q.caseSensitive).toBe(false);
  });

  it.each(['repo:', 'license:', '!', "'", '^', '$', '^$', '!^', 'go !'])(
    'rejects %j as a usage error',
    (query) => {
      expect(() => parseQuery(query)).toThrow(UsageError);
    },
  );

  it('names the bad token in the error', () => {
    expect(() => parseQuery('go repo:')).toThrow(/"repo:" needs a value/);
  });

  it('keeps a literal dollar written as \\$', () => {
    expect(parseQuery('cost\\$').terms[0]).toMatchObject({ kind: 'fuzzy', text: 'cost$' });
  });

  it('drops control characters from the query', () => {
    expect(parseQuery('go\u0001at').terms[0]!.text).toBe('goat');
  });

  it('accepts an empty query', () => {
    expect(parseQuery('   ').terms).toEqual([]);
  });
});
