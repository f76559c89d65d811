import { describe, expect, it } from 'vitest';
import { indexAge } from '../../src/tui/index-age.js';

const fetchedAt = '2026-01-01T00:00:00.000Z';
const at = (iso: string) => new Date(iso);
const ttl = { staleAfterSeconds: 3 * 3600 };

describe('indexAge', () => {
  it('says how old the index is in minutes, hours or days', () => {
    expect(indexAge(fetchedAt, at('2026-01-01T00:20:00Z'), ttl).text).toBe('index 20 min old');
    expect(indexAge(fetchedAt, at('2026-01-01T02:59:00Z'), ttl)).toEqual({
      text: 'index 2 h old',
      warning: false,
    });
    expect(indexAge(fetchedAt, at('2026-01-04T00:00:00Z'), ttl).text).toMatch(/^index 3 d old/);
  });

  it('warns when the index is older than the refresh interval', () => {
    expect(indexAge(fetchedAt, at('2026-01-01T05:00:00Z'), ttl)).toEqual({
      text: 'index 5 h old (stale)',
      warning: true,
    });
  });

  it('warns when offline, whatever the age', () => {
    expect(indexAge(fetchedAt, at('2026-01-01T00:30:00Z'), { ...ttl, offline: true })).toEqual({
      text: 'index 30 min old (offline)',
      warning: true,
    });
  });

  it('does not invent an age for a missing timestamp', () => {
    expect(indexAge('', at('2026-01-01T00:00:00Z'), ttl).warning).toBe(true);
  });
});
