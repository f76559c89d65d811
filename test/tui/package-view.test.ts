import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { packageSnippets } from '../../src/snippets/package.js';
import { detailsLines, packageFlags, previewLines } from '../../src/tui/package-view.js';
import { fixtureIndex, fixturePackage, fixtureRepo } from '../helpers/fixtures.js';

const hostile = {
  ...fixturePackage('mic92.goatcounter'),
  description: 'evil\u001b]52;c;ZXZpbA==\u0007 text\nsecond line\u001b[2J\u202e',
  longDescription: 'line one\u001b[31m red\nline two\r\n\u0007bell',
  homepage: 'https://example.org/\u001b[8m',
};

describe('package views', () => {
  it('marks broken, unavailable and insecure packages', () => {
    const broken = fixtureIndex().packages.find((p) => p.broken)!;
    expect(packageFlags(broken)).toContain('broken');
    expect(packageFlags({ ...broken, broken: false, available: false })).toContain('unavailable');
  });

  it('never lets escape sequences or control characters through', () => {
    const lines = [
      ...previewLines(hostile, fixtureRepo('mic92'), undefined, 50),
      ...detailsLines(hostile, fixtureRepo('mic92'), [], 50),
    ];
    for (const line of lines) expect(line.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(lines.map((l) => l.text).join(' ')).toContain('evil text second line');
  });

  it('fits every line to the pane width', () => {
    const pkg = fixturePackage('mic92.goatcounter');
    const repo = fixtureRepo('mic92');
    const snippets = packageSnippets(pkg, repo).snippets;
    for (const width of [24, 40, 53]) {
      for (const line of [
        ...previewLines(pkg, repo, snippets[0], width),
        ...detailsLines(pkg, repo, snippets, width),
      ])
        expect(stringWidth(line.text)).toBeLessThanOrEqual(width);
    }
  });

  it('shows the primary snippet in the preview and every snippet in the details', () => {
    const pkg = fixturePackage('mic92.goatcounter');
    const repo = fixtureRepo('mic92');
    const snippets = packageSnippets(pkg, repo).snippets;
    const preview = previewLines(pkg, repo, snippets[0], 80).map((l) => l.text);
    expect(preview).toContain(snippets[0]!.title);
    const details = detailsLines(pkg, repo, snippets, 200).map((l) => l.text);
    for (const snippet of snippets) expect(details).toContain(snippet.title);
    expect(details.some((l) => l.includes(repo.lockedRev!))).toBe(true);
  });

  it('gives the attr path as Nix, quoting a repo that starts with a digit', () => {
    const pkg = fixturePackage('0komo.sklauncher');
    const details = detailsLines(pkg, fixtureRepo('0komo'), [], 200).map((l) => l.text);
    expect(details.find((l) => l.startsWith('Attr path'))).toMatch(
      /^Attr path +nur\.repos\."0komo"\.sklauncher$/,
    );
  });

  it('summarises platforms by OS as nur show does, common systems first', () => {
    const pkg = fixturePackage('mic92.goatcounter');
    const preview = previewLines(pkg, fixtureRepo('mic92'), undefined, 200).map((l) => l.text);
    const platforms = preview.find((l) => l.startsWith('Platforms'))!;
    expect(platforms).toMatch(/^Platforms +linux \(x86_64, aarch64, \+\d+ more\), darwin \(/);
  });

  it('shows every character of long values and snippets on the details screen, over several lines', () => {
    const pkg = fixtureIndex().packages.find((p) => p.position.length > 70)!;
    const snippets = packageSnippets(pkg, fixtureRepo(pkg.repo)).snippets;
    const details = detailsLines(pkg, fixtureRepo(pkg.repo), snippets, 40).map((l) => l.text);
    for (const text of details) expect(stringWidth(text)).toBeLessThanOrEqual(40);
    const joined = details.map((l) => l.replace(/^(Source {6}| {12})/, '')).join('');
    expect(joined).toContain(pkg.position);
    // Each code line comes back whole when its pieces are put together again.
    for (const snippet of snippets)
      for (const code of snippet.code.split('\n')) expect(details.join('')).toContain(code);
    // The preview stays compact: it cuts instead.
    const preview = previewLines(pkg, fixtureRepo(pkg.repo), snippets[0], 40).map((l) => l.text);
    expect(preview.some((l) => l.endsWith('..'))).toBe(true);
  });

  it('keeps a gap between every label and its value, the longest label included', () => {
    const pkg = fixturePackage('mic92.goatcounter');
    const details = detailsLines(pkg, fixtureRepo('mic92'), [], 100).map((l) => l.text);
    const maintainers = details.find((l) => l.startsWith('Maintainers'))!;
    expect(maintainers).toMatch(/^Maintainers +\S/);
  });
});
