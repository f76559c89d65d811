import { describe, expect, it } from 'vitest';
import {
  cacheAgeMs,
  downloadProblem,
  formatAge,
  isStale,
  sameRefs,
} from '../../src/index/refresh.js';
import { progressLine } from '../../src/index/progress.js';
import { fixtureIndex } from '../helpers/fixtures.js';

const at = (iso: string) => new Date(iso);

describe('isStale', () => {
  const fetchedAt = '2026-01-01T00:00:00.000Z';
  it('is fresh within the TTL and stale after it', () => {
    expect(isStale(fetchedAt, at('2026-01-01T02:59:59.000Z'), 3 * 3600)).toBe(false);
    expect(isStale(fetchedAt, at('2026-01-01T03:00:01.000Z'), 3 * 3600)).toBe(true);
  });
  it('treats an unreadable or future fetchedAt as stale', () => {
    expect(isStale('yesterday', at('2026-01-01T00:00:00.000Z'), 3600)).toBe(true);
    expect(isStale(fetchedAt, at('2025-12-31T23:00:00.000Z'), 3600)).toBe(true);
  });
  it('with a TTL of 0 is always stale once time passed', () => {
    expect(isStale(fetchedAt, at('2026-01-01T00:00:01.000Z'), 0)).toBe(true);
  });
});

describe('formatAge', () => {
  it('says minutes, hours and days', () => {
    expect(formatAge(10_000)).toBe('just now');
    expect(formatAge(12 * 60_000)).toBe('12 min ago');
    expect(formatAge(5 * 3_600_000 + 59 * 60_000)).toBe('5 h ago');
    expect(formatAge(3 * 86_400_000)).toBe('3 d ago');
    expect(formatAge(cacheAgeMs('garbage', new Date()))).toBe('an unknown time ago');
  });
});

describe('downloadProblem', () => {
  it('passes a normal index', () => {
    expect(
      downloadProblem({ packageCount: 8000, skipped: 3, previousCount: 7900, force: false }),
    ).toBeUndefined();
  });
  it('rejects an empty index even when forced', () => {
    expect(downloadProblem({ packageCount: 0, skipped: 0, force: true })).toMatch(/no packages/);
  });
  it('rejects a file where many entries are not packages', () => {
    expect(downloadProblem({ packageCount: 50, skipped: 50, force: true })).toMatch(
      /50 of 100 entries/,
    );
  });
  it('rejects an index shrunk below half of the cached one unless forced', () => {
    const facts = { packageCount: 3999, skipped: 0, previousCount: 8000 };
    expect(downloadProblem({ ...facts, force: false })).toMatch(/fewer than half of the 8000/);
    expect(downloadProblem({ ...facts, force: true })).toBeUndefined();
    expect(downloadProblem({ ...facts, packageCount: 4000, force: false })).toBeUndefined();
  });
  it('has nothing to compare against without a previous cache', () => {
    expect(downloadProblem({ packageCount: 1, skipped: 0, force: false })).toBeUndefined();
  });
});

describe('sameRefs', () => {
  it('counts added and removed packages', () => {
    const all = fixtureIndex().packages;
    expect(sameRefs(all.slice(0, 10), all.slice(5, 12))).toEqual({ added: 2, removed: 5 });
  });
});

describe('progressLine', () => {
  it('shows bytes and percent when the size is known, bytes alone otherwise', () => {
    expect(progressLine('dl', 5 * 1024 * 1024, 20 * 1024 * 1024, 8)).toBe(
      'dl [##......]  25%  5.0 MB / 20.0 MB',
    );
    expect(progressLine('dl', 2048, undefined)).toBe('dl 2.0 kB');
  });
});
