import { describe, expect, it } from 'vitest';
import { computeLayout, listColumns, WIDE_COLUMNS } from '../../src/tui/layout.js';

describe('computeLayout', () => {
  it('puts the preview to the right from 100 columns and below under that', () => {
    expect(computeLayout(WIDE_COLUMNS, 35, true).preview.position).toBe('right');
    expect(computeLayout(WIDE_COLUMNS - 1, 35, true).preview.position).toBe('below');
  });

  it('leaves one terminal row free so Ink never clears the screen on redraw', () => {
    expect(computeLayout(120, 35, true).height).toBe(34);
  });

  it('splits the width between list, border and preview exactly', () => {
    const layout = computeLayout(120, 35, true);
    expect(layout.listWidth + 1 + layout.preview.width).toBe(120);
    expect(layout.listHeight).toBe(layout.bodyHeight);
  });

  it('splits the rows between list, border and preview exactly when narrow', () => {
    const layout = computeLayout(60, 30, true);
    expect(layout.listHeight + 1 + layout.preview.height).toBe(layout.bodyHeight);
    expect(layout.bodyHeight).toBe(layout.height - 2);
  });

  it('keeps a usable list at 40×10 and hides the preview before the list gets too short', () => {
    const tiny = computeLayout(40, 10, true);
    expect(tiny.listHeight).toBeGreaterThanOrEqual(3);
    expect(computeLayout(40, 7, true).preview.position).toBe('hidden');
  });

  it('gives the list the whole body when the preview is toggled off', () => {
    const layout = computeLayout(120, 35, false);
    expect(layout.preview.position).toBe('hidden');
    expect(layout).toMatchObject({ listWidth: 120, listHeight: layout.bodyHeight });
  });
});

describe('listColumns', () => {
  it('fits the ref column to the longest visible ref, within half the width', () => {
    expect(listColumns(100, [{ refWidth: 20, versionWidth: 5 }]).refWidth).toBe(20);
    expect(listColumns(100, [{ refWidth: 90, versionWidth: 5 }]).refWidth).toBe(50);
  });

  it('drops the version column on narrow terminals and fills the row exactly', () => {
    const narrow = listColumns(40, [{ refWidth: 15, versionWidth: 6 }]);
    expect(narrow.versionWidth).toBe(0);
    expect(2 + narrow.refWidth + 1 + narrow.descriptionWidth).toBe(40);
    const wide = listColumns(80, [{ refWidth: 15, versionWidth: 6 }]);
    expect(2 + wide.refWidth + 1 + wide.versionWidth + 1 + wide.descriptionWidth).toBe(80);
  });
});
