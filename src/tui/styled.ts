// A theme style applied to a string with the same chalk calls, in the same order, as Ink's <Text>
// applies them: a row built from these strings renders exactly as nested <Text>s would.
import chalk from 'chalk';
import type { TextStyle } from './theme.js';

export function styled(text: string, style: TextStyle): string {
  let out = text;
  if (style.dimColor) out = chalk.dim(out);
  if (style.color)
    out = (chalk as unknown as Record<string, (s: string) => string>)[style.color]!(out);
  if (style.bold) out = chalk.bold(out);
  if (style.underline) out = chalk.underline(out);
  return out;
}
