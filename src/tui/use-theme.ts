import { useContext } from 'react';
import { ThemeContext } from './theme-context.js';
import type { Theme } from './theme.js';

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
