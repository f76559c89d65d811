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
  define: { __NUR_VERSION__: JSON.stringify(version) },
});
