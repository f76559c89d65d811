// Where each part of the screen goes for a terminal size. Pure, so reflow on resize is testable.

/** From this width the preview sits to the right of the list; below it otherwise. */
export const WIDE_COLUMNS = 100;

export interface PreviewBox {
  position: 'right' | 'below' | 'hidden';
  /** Columns and rows of the preview's content, border excluded. */
  width: number;
  height: number;
}

export interface Layout {
  width: number;
  /** Rows the app draws: one less than the terminal, so Ink never scrolls or clears the screen. */
  height: number;
  /** Rows between the query line and the status line. */
  bodyHeight: number;
  listWidth: number;
  listHeight: number;
  preview: PreviewBox;
}

const MIN_LIST_ROWS = 3;

export function computeLayout(columns: number, rows: number, previewOpen: boolean): Layout {
  const width = Math.max(20, columns);
  const height = Math.max(4, rows - 1);
  const bodyHeight = Math.max(1, height - 2);
  const hidden: PreviewBox = { position: 'hidden', width: 0, height: 0 };

  if (previewOpen && width >= WIDE_COLUMNS) {
    // One column goes to the preview's left border.
    const previewWidth = Math.floor(width * 0.45) - 1;
    return {
      width,
      height,
      bodyHeight,
      listWidth: width - previewWidth - 1,
      listHeight: bodyHeight,
      preview: { position: 'right', width: previewWidth, height: bodyHeight },
    };
  }
  // Below, the preview takes about 45% of the body and a top border row, but never squeezes the
  // list under a few rows.
  const previewRows = Math.floor(bodyHeight * 0.45);
  if (previewOpen && previewRows >= 2 && bodyHeight - previewRows >= MIN_LIST_ROWS) {
    return {
      width,
      height,
      bodyHeight,
      listWidth: width,
      listHeight: bodyHeight - previewRows,
      preview: { position: 'below', width, height: previewRows - 1 },
    };
  }
  return { width, height, bodyHeight, listWidth: width, listHeight: bodyHeight, preview: hidden };
}

export interface ListColumns {
  /** Columns of the whole row, pointer included. */
  width: number;
  refWidth: number;
  /** 0 hides the version column (narrow terminals). */
  versionWidth: number;
  descriptionWidth: number;
}

const POINTER_WIDTH = 2;

/** Column widths for the rows on screen: the ref column fits the longest visible ref. */
export function listColumns(
  width: number,
  visible: readonly { refWidth: number; versionWidth: number }[],
): ListColumns {
  const longestRef = Math.max(8, ...visible.map((v) => v.refWidth));
  const refWidth = Math.min(longestRef, Math.max(12, Math.floor(width * 0.5)));
  const longestVersion = Math.max(0, ...visible.map((v) => v.versionWidth));
  const versionWidth = width >= 60 ? Math.min(longestVersion, 14) : 0;
  const used = POINTER_WIDTH + refWidth + (versionWidth ? versionWidth + 1 : 0) + 1;
  return { width, refWidth, versionWidth, descriptionWidth: Math.max(0, width - used) };
}
