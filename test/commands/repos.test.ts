import { describe, expect, it } from 'vitest';
import { repoRows, reposRun } from '../../src/commands/repos.js';
import type { NurIndex } from '../../src/model.js';
import { testContext } from '../helpers/context.js';
import { fixtureIndex } from '../helpers/fixtures.js';

describe('nur repos', () => {
  it('prints JSON with stable fields, package counts and locked revisions', async () => {
    const { context, stdout } = testContext();
    expect(await reposRun({ json: true }, context)).toBe(0);
    const rows = JSON.parse(stdout()) as Record<string, unknown>[];
    const index = fixtureIndex();
    expect(rows.length).toBeGreaterThanOrEqual(Object.keys(index.repos).length);
    const mic92 = rows.find((r) => r.name === 'mic92')!;
    expect(Object.keys(mic92).sort()).toEqual(
      [
        'branch',
        'file',
        'githubContact',
        'host',
        'listed',
        'lockedRev',
        'name',
        'packageCount',
        'submodules',
        'type',
        'url',
      ].sort(),
    );
    expect(mic92.packageCount).toBe(index.packages.filter((p) => p.repo === 'mic92').length);
    expect(mic92.lockedRev).toBe(index.repos.mic92!.lockedRev);
    expect(mic92.host).toBe('github');
    const total = rows.reduce((sum, r) => sum + (r.packageCount as number), 0);
    expect(total).toBe(index.packages.length);
  });

  it('filters by a substring of the name or the URL, case-insensitively', () => {
    const byName = repoRows(fixtureIndex(), 'MIC92');
    expect(byName.map((r) => r.name)).toContain('mic92');
    expect(byName.every((r) => /mic92/i.test(r.name + r.url))).toBe(true);
    const byUrl = repoRows(fixtureIndex(), 'gitlab.com');
    expect(byUrl.length).toBeGreaterThan(0);
    expect(byUrl.every((r) => r.url.includes('gitlab.com'))).toBe(true);
  });

  it('prints whole rows in a pipe and fits the table to the width on a terminal', async () => {
    const pipe = testContext();
    await reposRun({}, pipe.context);
    const lines = pipe.stdout().trimEnd().split('\n');
    expect(lines[0]).not.toMatch(/^NAME/);
    expect(pipe.stdout()).not.toContain('…');
    expect(lines.length).toBe(repoRows(fixtureIndex()).length);

    const tty = testContext({ isTTY: true, columns: 60 });
    await reposRun({}, tty.context);
    const ttyLines = tty.stdout().trimEnd().split('\n');
    expect(ttyLines[0]).toMatch(/^NAME\s+PKGS\s+HOST\s+URL\s+REV$/);
    expect(ttyLines.every((l) => l.length <= 60)).toBe(true);
    expect(tty.stdout()).toContain('…');
  });

  it('sanitises hostile repo text and lists repos only known from packages', async () => {
    const base = fixtureIndex();
    const index: NurIndex = {
      ...base,
      packages: [
        ...base.packages,
        { ...base.packages[0]!, repo: 'ghost', ref: 'ghost.x', attr: 'x' },
      ],
      repos: {
        evil: {
          name: 'evil',
          url: 'https://github.com/e/\u001b]0;pwned\u0007x\u001b[31m',
          host: 'github',
          submodules: false,
        },
      },
    };
    const { context, stdout } = testContext({ index });
    await reposRun({}, context);
    expect(stdout()).not.toMatch(/\u001b/);
    expect(stdout()).toMatch(/^ghost\s+1\s+-\s+\(not in repos\.json\)/m);
    const json = testContext({ index });
    await reposRun({ json: true }, json.context);
    expect(json.stdout()).not.toMatch(/\u001b/);
  });

  it('gives no host for the real repos missing from repos.json, and a host for all others', () => {
    const rows = repoRows(fixtureIndex());
    const unlisted = rows.filter((r) => !r.listed);
    expect(unlisted.length).toBeGreaterThan(0);
    expect(unlisted.map((r) => r.name)).toContain('9glenda');
    for (const row of unlisted) expect(row).toMatchObject({ host: null, url: '' });
    for (const row of rows.filter((r) => r.listed)) expect(row.host).toEqual(expect.any(String));
  });

  it('exits 1 with a message when nothing matches', async () => {
    const { context, stdout, stderr } = testContext();
    expect(await reposRun({ query: 'no-such-repo-xyz' }, context)).toBe(1);
    expect(stdout()).toBe('');
    expect(stderr()).toBe('nur: no repo matches "no-such-repo-xyz"\n');
  });
});
