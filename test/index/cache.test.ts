import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheFormatError, decodeIndex, encodeIndex } from '../../src/index/cache-format.js';
import {
  loadCache,
  META_FILE,
  NAMES_FILE,
  namesText,
  writeCache,
  type CacheMeta,
} from '../../src/index/cache.js';
import { normalizePackage } from '../../src/index/normalize.js';
import { fixtureIndex } from '../helpers/fixtures.js';

const sources: CacheMeta['sources'] = {
  packages: { url: 'https://example.test/packages.json', etag: '"abc"' },
  repos: { url: 'https://example.test/repos.json' },
  lock: {
    url: 'https://example.test/repos.json.lock',
    lastModified: 'Wed, 01 Jan 2026 00:00:00 GMT',
  },
};
const fetchedAt = '2026-02-01T10:00:00.000Z';
const tempDir = () => mkdtempSync(join(tmpdir(), 'nur-cache-'));

describe('cache format', () => {
  it('round-trips every real package and repo exactly', () => {
    const index = fixtureIndex();
    const decoded = decodeIndex(encodeIndex(index));
    expect(decoded.packages).toEqual(index.packages);
    expect(decoded.repos).toEqual(index.repos);
  });

  it('round-trips names that are not pname-version and pnames that differ from the attr', () => {
    const odd = [
      normalizePackage('nur.repos.0komo.luakit_2_4', {
        name: 'luakit-2.4',
        pname: 'luakit',
        version: '',
        meta: { licenses: [{ spdxId: 'GPL-3.0' }], broken: true, available: false },
      })!,
      normalizePackage('nur.repos.x.linuxKernel.packages.y', { name: 'y', meta: {} })!,
    ];
    const decoded = decodeIndex(encodeIndex({ packages: odd, repos: {} }));
    expect(decoded.packages).toEqual(odd);
  });

  it('round-trips text with non-ASCII, control characters and the column separator', () => {
    const pkg = normalizePackage('nur.repos.evil.odd', {
      name: 'odd-1',
      version: '1',
      meta: {
        description: 'caf\u00e9 \u{1f600} \x01 split \x02 me',
        longDescription: 'line one\nline two\ttab\r\n\x1b[31mred\x1b[0m',
        homepage: 'https://example.test/\x01',
        mainProgram: 'na\u00efve',
        position: 'https://example.test/repos/evil/pkgs/odd/default.nix#L1',
      },
    })!;
    const text = encodeIndex({ packages: [pkg], repos: {} });
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    expect(decodeIndex(text).packages).toEqual([pkg]);
  });

  it('round-trips an index without packages', () => {
    expect(decodeIndex(encodeIndex({ packages: [], repos: fixtureIndex().repos }))).toEqual({
      packages: [],
      repos: fixtureIndex().repos,
    });
  });

  it('rejects a text that was cut off', () => {
    const text = encodeIndex(fixtureIndex());
    expect(() => decodeIndex(text.slice(0, text.length - 200))).toThrow(CacheFormatError);
    expect(() => decodeIndex(text.slice(0, 100))).toThrow(CacheFormatError);
  });

  it('is much smaller than the raw packages.json', () => {
    const size = Buffer.byteLength(encodeIndex(fixtureIndex()));
    expect(size).toBeLessThan(3_723_127 / 3);
  });
});

describe('writeCache and loadCache', () => {
  it('loads what it wrote, with meta describing sources and counts', async () => {
    const dir = tempDir();
    await writeCache(dir, fixtureIndex(), { fetchedAt, sources });
    const cached = loadCache(dir);
    expect(cached.status).toBe('ok');
    if (cached.status !== 'ok') return;
    expect(cached.index.packages).toEqual(fixtureIndex().packages);
    expect(cached.meta).toMatchObject({
      fetchedAt,
      packageCount: fixtureIndex().packages.length,
      repoCount: Object.keys(fixtureIndex().repos).length,
      sources,
    });
    expect(cached.index.meta.packagesUrl).toBe(sources.packages.url);
    expect(cached.meta.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a missing cache as missing, not corrupt', () => {
    expect(loadCache(tempDir())).toEqual({ status: 'missing' });
  });

  it('detects a changed byte in the index file by its checksum', async () => {
    const dir = tempDir();
    const meta = await writeCache(dir, fixtureIndex(), { fetchedAt, sources });
    const file = join(dir, meta.indexFile);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('"mic92"', '"mic93"'));
    const cached = loadCache(dir);
    expect(cached).toMatchObject({ status: 'corrupt' });
    expect(cached.status === 'corrupt' && cached.reason).toContain('checksum');
  });

  it('detects a changed letter inside a package description, which still decodes', async () => {
    const dir = tempDir();
    const meta = await writeCache(dir, fixtureIndex(), { fetchedAt, sources });
    const file = join(dir, meta.indexFile);
    const text = readFileSync(file, 'latin1');
    const description = fixtureIndex().packages.find((p) => p.description.length > 20)!.description;
    const at = text.indexOf(description, text.indexOf('\n'));
    expect(at).toBeGreaterThan(0);
    const changed = text.slice(0, at) + (text[at] === 'x' ? 'y' : 'x') + text.slice(at + 1);
    expect(() => decodeIndex(changed)).not.toThrow();
    writeFileSync(file, changed, 'latin1');
    const cached = loadCache(dir);
    expect(cached.status === 'corrupt' && cached.reason).toContain('checksum');
  });

  it('detects a truncated meta.json and a missing index file', async () => {
    const dir = tempDir();
    const meta = await writeCache(dir, fixtureIndex(), { fetchedAt, sources });
    const metaText = readFileSync(join(dir, META_FILE), 'utf8');
    writeFileSync(join(dir, META_FILE), metaText.slice(0, 40));
    expect(loadCache(dir)).toMatchObject({ status: 'corrupt' });
    writeFileSync(join(dir, META_FILE), metaText);
    const { rmSync } = await import('node:fs');
    rmSync(join(dir, meta.indexFile));
    expect(loadCache(dir)).toMatchObject({ status: 'corrupt' });
  });

  it('treats a cache of another format version as unusable', async () => {
    const dir = tempDir();
    await writeCache(dir, fixtureIndex(), { fetchedAt, sources });
    const meta = JSON.parse(readFileSync(join(dir, META_FILE), 'utf8')) as CacheMeta;
    writeFileSync(join(dir, META_FILE), JSON.stringify({ ...meta, format: 99 }));
    const cached = loadCache(dir);
    expect(cached.status === 'corrupt' && cached.reason).toContain('format 99');
  });

  it('keeps loading after a refresh was killed mid-write (orphan temp and index files)', async () => {
    const dir = tempDir();
    await writeCache(dir, fixtureIndex(), { fetchedAt, sources });
    writeFileSync(join(dir, '.index-0123456789abcdef.json.999.deadbeef.tmp'), '{"format":1,"pack');
    writeFileSync(join(dir, 'index-0123456789abcdef.json'), '{"format":1,"packages":[');
    const cached = loadCache(dir);
    expect(cached.status).toBe('ok');
  });

  it('removes old unreferenced index files and temp files on the next write', async () => {
    const dir = tempDir();
    const first = await writeCache(dir, fixtureIndex(), { fetchedAt, sources });
    const old = new Date(Date.now() - 3_600_000);
    utimesSync(join(dir, first.indexFile), old, old);
    writeFileSync(join(dir, '.names.txt.1.ab.tmp'), 'x');
    utimesSync(join(dir, '.names.txt.1.ab.tmp'), old, old);
    const smaller = { ...fixtureIndex(), packages: fixtureIndex().packages.slice(0, 10) };
    const second = await writeCache(dir, smaller, { fetchedAt, sources });
    expect(readdirSync(dir).sort()).toEqual([META_FILE, second.indexFile, NAMES_FILE].sort());
  });
});

describe('names.txt', () => {
  it('lists package refs, then @repo lines for every repo', () => {
    const index = fixtureIndex();
    const lines = namesText(index).trimEnd().split('\n');
    const refs = lines.filter((l) => !l.startsWith('@'));
    const repos = lines.filter((l) => l.startsWith('@'));
    expect(refs).toEqual(index.packages.map((p) => p.ref));
    expect(lines.indexOf(repos[0]!)).toBe(refs.length);
    expect(new Set(repos)).toEqual(
      new Set(
        [...Object.keys(index.repos), ...index.packages.map((p) => p.repo)].map((n) => `@${n}`),
      ),
    );
  });

  it('leaves out names that would not be one shell word', () => {
    const pkg = normalizePackage('nur.repos.evil.bad name', { name: 'x' })!;
    const good = normalizePackage('nur.repos.evil.good', { name: 'x' })!;
    expect(namesText({ packages: [pkg, good], repos: {} })).toBe('evil.good\n@evil\n');
  });
});
