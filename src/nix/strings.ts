// Everything spliced into Nix source goes through here.

const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'assert',
  'with',
  'let',
  'in',
  'rec',
  'inherit',
  'or',
]);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_'-]*$/;

/** A double-quoted Nix string literal whose value is exactly `value`. */
export function nixString(value: string): string {
  // `${` starts an interpolation; escaping `$` before `{` keeps it literal.
  const body = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\$\{/g, '\\${')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `"${body}"`;
}

export function isNixIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !KEYWORDS.has(name);
}

/** One attribute-path component: bare when it is an identifier, quoted otherwise (`"0komo"`). */
export function nixAttrName(name: string): string {
  return isNixIdentifier(name) ? name : nixString(name);
}

/** `pkgs.nur.repos."0komo".x` from its components; a nested attr (`a.b`) is split on dots. */
export function nixAttrPath(...components: string[]): string {
  return components
    .flatMap((c) => c.split('.'))
    .map(nixAttrName)
    .join('.');
}

/** A valid Nix identifier derived from arbitrary text (`nur-0komo`, `nur-my_repo`). */
export function toNixIdentifier(text: string, fallbackPrefix = 'x'): string {
  let id = text.replace(/[^A-Za-z0-9_'-]/g, '-').replace(/-+/g, '-');
  if (!/^[A-Za-z_]/.test(id)) id = `${fallbackPrefix}-${id}`;
  if (KEYWORDS.has(id)) id = `${id}_`;
  return id;
}
