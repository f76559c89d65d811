// What `npm publish` would ship, and that the shipped tarball installs and runs on its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli.js';

interface PackResult {
  filename: string;
  files: { path: string }[];
}

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  type: string;
  license: string;
  bin: Record<string, string>;
  engines: Record<string, string>;
  keywords: string[];
  repository: { url: string };
};

describe('package.json', () => {
  it('is an ES module package with a nur binary, a Node engine, a licence and a repository', () => {
    expect(manifest.type).toBe('module');
    expect(manifest.bin).toEqual({ nur: 'bin/nur.js' });
    expect(manifest.engines.node).toMatch(/^>=\s*20/);
    expect(manifest.license).toBe('MIT');
    expect(manifest.repository.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/);
    expect(manifest.keywords).toEqual(expect.arrayContaining(['nix', 'nur']));
  });

  it('has a bin shim that only loads the bundle', () => {
    const shim = readFileSync(join(PROJECT_ROOT, manifest.bin.nur!), 'utf8');
    expect(shim.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(shim.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([
      "import '../dist/cli.js';",
    ]);
  });
});

describe('npm pack', () => {
  it('lists only the bundle, the bin shim, README, LICENSE and package.json', () => {
    const [pack] = JSON.parse(
      npm(['pack', '--dry-run', '--json', '--ignore-scripts'], PROJECT_ROOT),
    ) as PackResult[];
    const paths = pack!.files.map((file) => file.path).sort();
    expect(paths).toEqual(
      expect.arrayContaining(['LICENSE', 'README.md', 'bin/nur.js', 'dist/cli.js', 'package.json']),
    );
    const unexpected = paths.filter(
      (path) =>
        !['LICENSE', 'README.md', 'bin/nur.js', 'package.json'].includes(path) &&
        !/^dist\/[\w-]+\.js$/.test(path),
    );
    expect(unexpected).toEqual([]);
  });
});

describe('the packed tarball installed into a fresh prefix', () => {
  let prefix: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nur-pack-'));
    const [pack] = JSON.parse(
      npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], PROJECT_ROOT),
    ) as PackResult[];
    expect(readdirSync(dir)).toContain(pack!.filename);
    prefix = join(dir, 'prefix');
    // Dependencies come from the npm cache that `npm ci` filled; the registry only for a miss.
    await execa(
      'npm',
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        join(dir, pack!.filename),
      ],
      { cwd: dir, timeout: 240_000 },
    );
  }, 300_000);

  const runInstalled = (args: string[]) =>
    execa(join(prefix, 'bin/nur'), args, {
      cwd: prefix,
      env: { PATH: process.env.PATH ?? '', HOME: prefix, NO_COLOR: '1' },
      extendEnv: false,
      reject: false,
    });

  it('runs `nur --version` and prints the package version', async () => {
    const result = await runInstalled(['--version']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toBe(manifest.version);
  });

  it('runs `nur search --help` from the installed copy', async () => {
    const result = await runInstalled(['search', '--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Usage: nur search');
  });

  it('installs the bundle under the prefix with the version built in', () => {
    const installed = join(prefix, 'lib/node_modules', manifest.name, 'dist/cli.js');
    expect(readFileSync(installed, 'utf8')).toContain(manifest.version);
  });
});
