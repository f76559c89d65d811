import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/index/fetch.js';
import { normalizePackage } from '../../src/index/normalize.js';
import {
  cacheAgeMs,
  describedCount,
  downloadProblem,
  formatAge,
  isDescribed,
  isStale,
  reposProblem,
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
  const previous = { packageCount: 8000, describedCount: 7800 };
  it('passes a normal index', () => {
    expect(
      downloadProblem({
        packageCount: 8000,
        skipped: 3,
        describedCount: 7700,
        previous: { packageCount: 7900, describedCount: 7600 },
        force: false,
      }),
    ).toBeUndefined();
  });
  it('rejects an empty index even when forced', () => {
    expect(
      downloadProblem({ packageCount: 0, skipped: 0, describedCount: 0, force: true }),
    ).toMatch(/no packages/);
  });
  it('rejects a file where many entries are not packages', () => {
    expect(
      downloadProblem({ packageCount: 50, skipped: 50, describedCount: 50, force: true }),
    ).toMatch(/50 of 100 entries/);
  });
  it('rejects an index shrunk below half of the cached one unless forced', () => {
    const facts = { packageCount: 3999, skipped: 0, describedCount: 3999, previous };
    expect(downloadProblem({ ...facts, force: false })).toMatch(/fewer than half of the 8000/);
    expect(downloadProblem({ ...facts, force: true })).toBeUndefined();
    expect(
      downloadProblem({ ...facts, packageCount: 4000, describedCount: 4000, force: false }),
    ).toBeUndefined();
  });
  it('rejects an index as long as the cached one whose packages were emptied, unless forced', () => {
    const facts = { packageCount: 8000, skipped: 0, describedCount: 3899, previous };
    expect(downloadProblem({ ...facts, force: false })).toMatch(
      /only 3899 of its 8000 packages have a name, version or description, fewer than half of the 7800 cached \(use `nur update --force`/,
    );
    expect(downloadProblem({ ...facts, force: true })).toBeUndefined();
    expect(downloadProblem({ ...facts, describedCount: 3900, force: false })).toBeUndefined();
  });
  it('has nothing to compare against without a previous cache', () => {
    expect(
      downloadProblem({ packageCount: 1, skipped: 0, describedCount: 0, force: false }),
    ).toBeUndefined();
  });
});

describe('isDescribed', () => {
  it('counts a package emptied to {} as undescribed, and a real one as described', () => {
    expect(isDescribed(normalizePackage('nur.repos.mic92.goatcounter', {})!)).toBe(false);
    expect(isDescribed(normalizePackage('nur.repos.a.b', { name: 'b-1.0' })!)).toBe(true);
    expect(isDescribed(normalizePackage('nur.repos.a.b', { version: '1' })!)).toBe(true);
    expect(isDescribed(normalizePackage('nur.repos.a.b', { meta: { description: 'x' } })!)).toBe(
      true,
    );
  });
  it('finds nearly every real package described', () => {
    const packages = fixtureIndex().packages;
    expect(describedCount(packages)).toBeGreaterThan(packages.length * 0.9);
  });
});

describe('reposProblem', () => {
  const previous = { repoCount: 560, lockedCount: 558 };
  it('passes repos and a lock like the cached ones, and anything without a cache', () => {
    expect(
      reposProblem({ repoCount: 563, lockedCount: 562, previous, force: false }),
    ).toBeUndefined();
    expect(reposProblem({ repoCount: 3, lockedCount: 0, force: false })).toBeUndefined();
  });
  it('blames the lock when it lost most of its revisions, unless forced', () => {
    const facts = { repoCount: 563, lockedCount: 0, previous };
    expect(reposProblem({ ...facts, force: false })).toEqual({
      file: 'lock',
      reason:
        'it locks 0 of 563 repos, fewer than half of the 558 locked in the cache (use `nur update --force` to accept it)',
    });
    expect(reposProblem({ ...facts, force: true })).toBeUndefined();
    expect(reposProblem({ ...facts, lockedCount: 279, force: false })).toBeUndefined();
  });
  it('blames repos.json when it lost most of its repos', () => {
    expect(reposProblem({ repoCount: 10, lockedCount: 10, previous, force: false })).toMatchObject({
      file: 'repos',
      reason: expect.stringMatching(/lists 10 repos, fewer than half of the 560/),
    });
  });
});

describe('formatDuration', () => {
  it('says milliseconds, seconds, and minutes with seconds', () => {
    expect(formatDuration(150)).toBe('150 ms');
    expect(formatDuration(30_000)).toBe('30 s');
    expect(formatDuration(2_540)).toBe('2.5 s');
    expect(formatDuration(91_400)).toBe('1 min 31 s');
    expect(formatDuration(59_990)).toBe('1 min 0 s');
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
