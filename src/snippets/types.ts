// What a snippet is: a named, complete piece of Nix (or a shell command) that can be printed alone.

export type SnippetLanguage = 'nix' | 'shell';

export interface Snippet {
  /** Stable key for `--snippet NAME` and `--json`: `overlay`, `flake-input`, … */
  name: string;
  /** One-line heading: what the snippet is for. */
  title: string;
  language: SnippetLanguage;
  /** The text to paste: complete on its own, no trailing newline. */
  code: string;
}

/** A snippet that could not be written for this package or repo, and why (shown to the user). */
export interface OmittedSnippet {
  name: string;
  reason: string;
}

export interface SnippetOptions {
  /** Prefix of flake input names (the inputPrefix setting); `nur-` gives `nur-mic92`. */
  inputPrefix?: string;
}

export interface SnippetSet {
  snippets: Snippet[];
  omitted: OmittedSnippet[];
}
