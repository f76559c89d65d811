// "index 3 h old" for the status line, and whether that age deserves a warning.

export interface IndexAge {
  text: string;
  /** The index is older than the refresh interval (a refresh failed) or we are offline. */
  warning: boolean;
}

function ageText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

export function indexAge(
  fetchedAt: string,
  now: Date,
  options: { staleAfterSeconds: number; offline?: boolean },
): IndexAge {
  const fetched = Date.parse(fetchedAt);
  if (Number.isNaN(fetched)) return { text: 'index age unknown', warning: true };
  const ms = Math.max(0, now.getTime() - fetched);
  const age = ageText(ms);
  const text = age === 'just now' ? 'index fresh' : `index ${age} old`;
  const stale = ms > options.staleAfterSeconds * 1000;
  if (options.offline) return { text: `${text} (offline)`, warning: true };
  return { text: stale ? `${text} (stale)` : text, warning: stale };
}
