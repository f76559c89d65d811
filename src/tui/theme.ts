// Text styles per role. With colour off (NO_COLOR, --no-color) every role is plain: the UI then
// emits no SGR sequences at all and marks the selection with a pointer only.

export interface TextStyle {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  underline?: boolean;
}

export interface Theme {
  color: boolean;
  match: TextStyle;
  selected: TextStyle;
  pointer: TextStyle;
  dim: TextStyle;
  heading: TextStyle;
  warning: TextStyle;
  error: TextStyle;
  success: TextStyle;
  diffAdd: TextStyle;
  diffRemove: TextStyle;
}

export function createTheme(color: boolean): Theme {
  if (!color) {
    return {
      color,
      match: {},
      selected: {},
      pointer: {},
      dim: {},
      heading: {},
      warning: {},
      error: {},
      success: {},
      diffAdd: {},
      diffRemove: {},
    };
  }
  return {
    color,
    match: { color: 'yellow', bold: true },
    selected: { bold: true },
    pointer: { color: 'cyan', bold: true },
    dim: { dimColor: true },
    heading: { bold: true },
    warning: { color: 'yellow' },
    error: { color: 'red' },
    success: { color: 'green' },
    diffAdd: { color: 'green' },
    diffRemove: { color: 'red' },
  };
}
