// The side effects the TUI can ask for. Injected, so component tests see every call and the UI
// never touches processes, the clipboard or files itself.
import type { Package, Repo } from '../../model.js';
import type { AddPreview } from '../state.js';

export interface CopyResult {
  /** How the text reached the clipboard: `wl-copy`, `xclip`, `xsel`, `pbcopy` or `OSC 52`. */
  method: string;
}

export interface AddPlan {
  preview: AddPreview;
  /** Writes the change and says what was done; absent when flake.nix needs no change. */
  apply?: () => Promise<string>;
}

export interface TuiEffects {
  copy(text: string): Promise<CopyResult>;
  /** Opens an http(s) URL in the user's browser. */
  openUrl(url: string): Promise<void>;
  /** Works out how adding the package's repo would change ./flake.nix, writing nothing yet. */
  planAdd(pkg: Package, repo: Repo | undefined): Promise<AddPlan>;
}

/** How the UI ended: what run.ts prints and which exit code it returns. */
export type TuiOutcome =
  { kind: 'selected'; pkg: Package } | { kind: 'cancelled'; exitCode: number };
