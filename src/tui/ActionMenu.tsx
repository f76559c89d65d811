// The actions for the selected package, opened with Enter.
import { Box, Text } from 'ink';
import type { Package } from '../model.js';
import { sanitizeLine } from '../term/sanitize.js';
import { MENU_ITEMS } from './menu.js';
import { POINTER, truncate } from './text.js';
import { useTheme } from './use-theme.js';

export interface ActionMenuProps {
  pkg: Package;
  selected: number;
  width: number;
  height: number;
}

export function ActionMenu({ pkg, selected, width, height }: ActionMenuProps) {
  const theme = useTheme();
  // On a short terminal the menu scrolls to keep the highlighted item on screen.
  const room = Math.max(1, height - 2);
  const first = Math.max(0, Math.min(selected - room + 1, MENU_ITEMS.length - room));
  const items = MENU_ITEMS.slice(Math.max(0, first), Math.max(0, first) + room);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text {...theme.heading} wrap="truncate">
        {truncate(`Actions for ${sanitizeLine(pkg.ref)}`, width)}
      </Text>
      <Text> </Text>
      {items.map((item) => {
        const index = MENU_ITEMS.indexOf(item);
        const active = index === selected;
        const disabled = item.id === 'open' && !pkg.homepage;
        const label = `${item.shortcut}  ${item.label}${disabled ? ' (none)' : ''}`;
        return (
          <Box key={item.id}>
            <Text {...theme.pointer}>{active ? POINTER : '  '}</Text>
            <Text {...(active ? theme.selected : disabled ? theme.dim : {})} wrap="truncate">
              {truncate(label, width - 2)}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}
