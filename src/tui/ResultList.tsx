// The visible window of search hits; only these rows are rendered, however many matched.
import { Box, Text } from 'ink';
import type { SearchHit } from '../model.js';
import { sanitizeLine } from '../term/sanitize.js';
import { listColumns } from './layout.js';
import { ResultRow } from './ResultRow.js';
import { truncate, textWidth } from './text.js';
import { useTheme } from './use-theme.js';

export interface ResultListProps {
  hits: readonly SearchHit[];
  cursor: number;
  scroll: number;
  width: number;
  height: number;
  /** Shown instead of rows when there are none. */
  emptyText: string;
  /** The empty text is an error (a bad query), not just no matches. */
  emptyIsError?: boolean;
}

export function ResultList(props: ResultListProps) {
  const { hits, cursor, scroll, width, height } = props;
  const theme = useTheme();
  if (hits.length === 0) {
    return (
      <Box width={width} height={height} flexDirection="column">
        <Text {...(props.emptyIsError ? theme.error : theme.dim)} wrap="truncate">
          {truncate(`  ${props.emptyText}`, width)}
        </Text>
      </Box>
    );
  }
  const visible = hits.slice(scroll, scroll + height);
  const columns = listColumns(
    width,
    visible.map((hit) => ({
      refWidth: textWidth(sanitizeLine(hit.pkg.ref)),
      versionWidth: textWidth(sanitizeLine(hit.pkg.version)),
    })),
  );
  return (
    <Box width={width} height={height} flexDirection="column">
      {visible.map((hit, i) => (
        <ResultRow
          key={hit.pkg.attrPath}
          hit={hit}
          selected={scroll + i === cursor}
          columns={columns}
        />
      ))}
    </Box>
  );
}
