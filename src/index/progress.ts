// A one-line download progress bar for stderr; only created when stderr is a terminal.

export interface DownloadProgress {
  /** Bytes of the response body received so far; total when the server sent Content-Length. */
  update(received: number, total: number | undefined): void;
  /** Removes the bar so later output starts on a clean line. */
  done(): void;
}

export const noProgress: DownloadProgress = { update() {}, done() {} };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** `label [#######.......] 45%  9.1 MB / 20.2 MB`, redrawn at most every 80 ms. */
export function progressLine(
  label: string,
  received: number,
  total: number | undefined,
  width = 20,
): string {
  if (!total) return `${label} ${formatBytes(received)}`;
  const fraction = Math.min(1, received / total);
  const filled = Math.round(fraction * width);
  const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${label} [${bar}] ${percent}  ${formatBytes(received)} / ${formatBytes(total)}`;
}

export function createProgressBar(
  stderr: { write(chunk: string): unknown },
  label: string,
  now: () => number = Date.now,
): DownloadProgress {
  let lastDraw = 0;
  let drawn = false;
  return {
    update(received, total) {
      const t = now();
      if (t - lastDraw < 80 && (!total || received < total)) return;
      lastDraw = t;
      drawn = true;
      stderr.write(`\r\u001b[K${progressLine(label, received, total)}`);
    },
    done() {
      if (drawn) stderr.write('\r\u001b[K');
      drawn = false;
    },
  };
}
