import { describe, expect, it } from 'vitest';
import { sanitizeBlock, sanitizeLine, stripControl } from '../../src/term/sanitize.js';

describe('sanitizeLine', () => {
  it('removes CSI colour and cursor sequences', () => {
    expect(sanitizeLine('\u001b[31mred\u001b[0m \u001b[2J\u001b[Hclear')).toBe('red clear');
  });

  it('removes OSC strings such as hyperlinks and title changes', () => {
    expect(
      sanitizeLine('\u001b]0;pwned\u0007title \u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\'),
    ).toBe('title link');
  });

  it('removes C1 controls, DEL and bidi overrides', () => {
    expect(sanitizeLine('a\u009b31mb\u007fc\u202ed')).toBe('abcd');
  });

  it('flattens line breaks and tabs', () => {
    expect(sanitizeLine('one\r\ntwo\nthree\tfour')).toBe('one two three four');
  });

  it('keeps unicode text', () => {
    expect(sanitizeLine('Jörg — 日本')).toBe('Jörg — 日本');
  });
});

describe('sanitizeBlock', () => {
  it('keeps line breaks but strips escapes', () => {
    expect(sanitizeBlock('a\u001b[1m\r\nb\u0000')).toBe('a\nb');
  });

  it('stripControl leaves newlines', () => {
    expect(stripControl('x\ny\u0007')).toBe('x\ny');
  });
});
