// Index text comes from hundreds of maintainers: nothing from it reaches the terminal raw.

// ESC-introduced sequences: CSI (ESC [ ... final), OSC/DCS/SOS/PM/APC strings up to BEL or ST,
// and two-character escapes. The 8-bit C1 forms (U+009B CSI, U+009D OSC, ...) are covered too.
const ESCAPE_SEQUENCE = new RegExp(
  [
    '(?:\\u001b\\[|\\u009b)[0-?]*[ -/]*[@-~]?',
    '(?:\\u001b[\\]PX^_]|[\\u0090\\u0098\\u009d\\u009e\\u009f])[\\s\\S]*?(?:\\u0007|\\u001b\\\\|\\u009c|$)',
    '\\u001b[ -/]*[0-~]?',
  ].join('|'),
  'g',
);
// Remaining C0/C1 controls and DEL, plus bidi overrides that can visually reorder a line.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAK = /\s*(?:\r\n|[\r\n\t\u2028\u2029\u0085])\s*/g;

/** Removes escape sequences and control characters; keeps newlines and tabs. */
export function stripControl(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** One safe display line: no escapes, no controls, line breaks and tabs flattened to one space. */
export function sanitizeLine(text: string): string {
  return stripControl(text.replace(LINE_BREAK, ' ')).trim();
}

/** Safe multi-line text (long descriptions): escapes and controls removed, line breaks kept. */
export function sanitizeBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => stripControl(line.replace(/\t/g, '  ')).trimEnd())
    .join('\n')
    .trim();
}
