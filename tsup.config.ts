import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  // Code splitting keeps React, Ink and the Nix parser in chunks that only load on demand.
  splitting: true,
  sourcemap: false,
  shims: false,
  // Bundled: ink's dependency tree (an es-toolkit barrel, the reconciler) loads far faster as one chunk,
  // and commander is on every start-up path. nur's frame composition for Ink uses the tokenizer Ink
  // bundles, so both share one copy.
  noExternal: ['ink', 'commander', '@alcalzone/ansi-tokenize'],
  // Ink loads its devtools bridge only under DEV=true; it is not a dependency.
  external: ['react-devtools-core'],
  // Bundled CommonJS (commander, parts of ink's tree) calls require() for Node built-ins.
  banner: {
    js: "import { createRequire as __nurCreateRequire } from 'node:module'; const require = __nurCreateRequire(import.meta.url);",
  },
  define: { __NUR_VERSION__: JSON.stringify(version) },
});
