// The action menu Enter opens for the selected package. Pure data: labels, shortcut keys, order.

export type MenuItemId =
  'select' | 'details' | 'copy-attr-path' | 'copy-overlay' | 'copy-flake-input' | 'add' | 'open';

export interface MenuItem {
  id: MenuItemId;
  label: string;
  /** A letter that runs the item directly while the menu is open. */
  shortcut: string;
}

export const MENU_ITEMS: readonly MenuItem[] = [
  { id: 'select', label: 'Select: print the attr path and quit', shortcut: 's' },
  { id: 'details', label: 'Show full details', shortcut: 'd' },
  { id: 'copy-attr-path', label: 'Copy the attr path', shortcut: 'c' },
  { id: 'copy-overlay', label: 'Copy the NUR overlay usage', shortcut: 'o' },
  { id: 'copy-flake-input', label: 'Copy the repo as a flake input', shortcut: 'f' },
  { id: 'add', label: 'Add the repo to ./flake.nix', shortcut: 'a' },
  { id: 'open', label: 'Open the homepage', shortcut: 'h' },
];

export const menuIndexOf = (id: MenuItemId): number => MENU_ITEMS.findIndex((m) => m.id === id);

export function menuItemForShortcut(input: string): MenuItem | undefined {
  return MENU_ITEMS.find((m) => m.shortcut === input.toLowerCase());
}
