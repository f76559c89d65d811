import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable, truncateToWidth } from '../../src/term/table.js';

const lines = (out: string) => out.split('\n').filter(Boolean);

describe('truncateToWidth', () => {
  it('keeps text that fits', () => {
    expect(truncateToWidth('goatcounter', 11)).toBe('goatcounter');
  });

  it('cuts to the width and ends in an ellipsis', () => {
    const cut = truncateToWidth('prometheus-hue-exporter', 10);
    expect(cut).toBe('prometheu…');
    expect(displayWidth(cut)).toBe(10);
  });

  it('never splits a wide character across the limit', () => {
    const cut = truncateToWidth('日本語のテキスト', 6);
    expect(displayWidth(cut)).toBeLessThanOrEqual(6);
    expect(cut).toBe('日本…');
  });

  it('keeps emoji graphemes whole', () => {
    const cut = truncateToWidth('👩‍👩‍👧 family package', 4);
    expect(cut.startsWith('👩‍👩‍👧')).toBe(true);
    expect(displayWidth(cut)).toBeLessThanOrEqual(4);
  });
});

describe('renderTable', () => {
  const rows = [
    ['mic92.goatcounter', '2.5.0', 'Easy web analytics. No tracking of personal data.'],
    [
      'nginx.nginx-prometheus-exporter',
      '1.4.1',
      'NGINX Prometheus Exporter for NGINX and NGINX Plus',
    ],
  ];
  const columns = [
    { header: 'REF' },
    { header: 'VERSION' },
    { header: 'DESCRIPTION', flexible: true },
  ];

  it('aligns columns and keeps every cell whole without a width', () => {
    const out = lines(renderTable(rows, { columns }));
    expect(out[0]).toMatch(/^REF {30}VERSION {2}DESCRIPTION$/);
    expect(out[1]).toContain('Easy web analytics. No tracking of personal data.');
    expect(out[2]!.indexOf('1.4.1')).toBe(out[1]!.indexOf('2.5.0'));
  });

  it('omits the header line when no column has a header', () => {
    const out = lines(renderTable(rows, { columns: [{}, {}, { flexible: true }] }));
    expect(out).toHaveLength(2);
    expect(out[0]!.startsWith('mic92.goatcounter')).toBe(true);
  });

  it.each([40, 80, 120])('fits every line into %i columns', (width) => {
    const out = lines(renderTable(rows, { columns, width }));
    for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(width);
  });

  it('shrinks the flexible column before the others', () => {
    const out = lines(renderTable(rows, { columns, width: 60 }));
    expect(out[2]).toContain('nginx.nginx-prometheus-exporter');
    expect(out[2]!.endsWith('…')).toBe(true);
  });

  it('shrinks fixed columns too when the flexible one is at its minimum', () => {
    const out = lines(renderTable(rows, { columns, width: 30 }));
    for (const l of out) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    expect(out[2]).toContain('…');
  });

  it('does not pad the last column with trailing spaces', () => {
    const out = lines(
      renderTable(
        [
          ['a', 'b', 'short'],
          ['aaaa', 'bbbb', 'a longer text'],
        ],
        { columns },
      ),
    );
    for (const l of out) expect(l).toBe(l.trimEnd());
  });

  it('sanitises cells so index text cannot inject escapes or break a row', () => {
    const hostile = ['evil.pkg', '1\u001b[2J', 'line one\nline two \u001b]0;pwned\u0007done'];
    const out = renderTable([hostile], { columns });
    expect(out).not.toMatch(/[\u001b\u0007]/);
    expect(lines(out)).toHaveLength(2);
    expect(out).toContain('line one line two done');
  });

  it('applies a cell style to the visible text only, padding outside it', () => {
    const out = renderTable(
      [[{ text: 'mic92.goatcounter', style: (s) => `<${s}>` }, '2.5.0', 'x']],
      { columns: [{}, {}, {}] },
    );
    expect(out).toBe('<mic92.goatcounter>  2.5.0  x\n');
  });

  it('styles the truncated text when a styled cell is cut', () => {
    const out = renderTable(
      [[{ text: 'prometheus-hue-exporter', style: (s) => `[${s}]` }, 'a description']],
      { columns: [{ flexible: true, minWidth: 4 }, { minWidth: 4 }], width: 14 },
    );
    expect(out).toMatch(/^\[[^\]]*…\]/);
  });

  it('measures wide characters when aligning', () => {
    const out = lines(
      renderTable(
        [
          ['日本', 'x'],
          ['ab', 'y'],
        ],
        { columns: [{}, {}] },
      ),
    );
    const before = (l: string, c: string) => displayWidth(l.slice(0, l.indexOf(c)));
    expect(before(out[0]!, 'x')).toBe(6);
    expect(before(out[1]!, 'y')).toBe(6);
  });
});
