import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import {
  fit,
  fitSegments,
  hardWrap,
  highlightSegments,
  truncate,
  wrap,
} from '../../src/tui/text.js';

describe('highlightSegments', () => {
  it('splits text into matched and unmatched runs', () => {
    expect(
      highlightSegments('mic92.goatcounter', [
        { start: 6, end: 10 },
        { start: 0, end: 3 },
      ]),
    ).toEqual([
      { text: 'mic', matched: true },
      { text: '92.', matched: false },
      { text: 'goat', matched: true },
      { text: 'counter', matched: false },
    ]);
  });

  it('tolerates overlapping and out-of-range ranges', () => {
    const segments = highlightSegments('abcdef', [
      { start: 1, end: 4 },
      { start: 2, end: 5 },
      { start: 4, end: 99 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe('abcdef');
    expect(segments).toEqual([
      { text: 'a', matched: false },
      { text: 'bcdef', matched: true },
    ]);
  });
});

describe('truncate and fit', () => {
  it('cuts by terminal columns, counting wide characters as two', () => {
    const cut = truncate('漢字漢字漢字', 7);
    expect(stringWidth(cut)).toBeLessThanOrEqual(7);
    expect(cut.endsWith('..')).toBe(true);
    expect(truncate('short', 10)).toBe('short');
  });

  it('pads to the exact width', () => {
    expect(stringWidth(fit('漢字', 9))).toBe(9);
    expect(stringWidth(fit('a-very-long-name', 9))).toBe(9);
  });

  it('truncates segments as a whole and keeps the highlight boundaries', () => {
    const segments = fitSegments(
      [
        { text: 'goat', matched: true },
        { text: 'counter-extra', matched: false },
      ],
      8,
    );
    expect(segments).toEqual([
      { text: 'goat', matched: true },
      { text: 'co', matched: false },
      { text: '..', matched: false },
    ]);
  });
});

describe('wrap', () => {
  it('wraps at word boundaries within the width', () => {
    const lines = wrap('Easy web analytics. No tracking of personal data.', 20);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(20);
    expect(lines.join(' ')).toBe('Easy web analytics. No tracking of personal data.');
  });

  it('carries a word longer than the line over as many lines as it needs with breakWords', () => {
    expect(wrap('see https://example.org/a/very/long/path now', 10, { breakWords: true })).toEqual([
      'see',
      'https://ex',
      'ample.org/',
      'a/very/lon',
      'g/path now',
    ]);
    expect(hardWrap('漢字漢字x', 5)).toEqual(['漢字', '漢字x']);
  });

  it('cuts a word longer than the line', () => {
    expect(wrap('https://example.org/a/very/long/path', 10)).toEqual(['https://..']);
  });
});
