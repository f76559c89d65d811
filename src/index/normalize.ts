// Raw NUR JSON (packages.json, repos.json, repos.json.lock) → the typed model. Pure.
import type { License, Maintainer, Package, Repo } from '../model.js';
import { detectHost } from '../nix/flake-url.js';

// Maintainers write anything into meta; clip so one entry cannot bloat the cache or a screen.
const MAX_SHORT = 500;
const MAX_LONG = 8_000;
const MAX_LIST = 200;

type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max = MAX_SHORT): string =>
  typeof v === 'string' ? v.trim().slice(0, max) : '';
const flag = (v: unknown): boolean => v === true;

function firstText(...values: unknown[]): string {
  for (const v of values) {
    const t = Array.isArray(v) ? text(v.find((x) => typeof x === 'string')) : text(v);
    if (t) return t;
  }
  return '';
}

function normalizeLicense(v: unknown): License | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    if (!t) return undefined;
    // A short token is an SPDX-like id (`MIT`); a long string is a pasted licence text.
    return /^[\w.+-]{1,40}$/.test(t) ? { spdxId: t, shortName: t } : { fullName: t.slice(0, 120) };
  }
  if (!isObject(v)) return undefined;
  const license: License = {};
  if (text(v.spdxId)) license.spdxId = text(v.spdxId, 80);
  if (text(v.shortName)) license.shortName = text(v.shortName, 80);
  if (text(v.fullName)) license.fullName = text(v.fullName, 200);
  if (text(v.url)) license.url = text(v.url);
  if (typeof v.free === 'boolean') license.free = v.free;
  return Object.keys(license).length ? license : undefined;
}

function normalizeLicenses(meta: Json): License[] {
  // `licenses` and `licence` are real misspellings in the index.
  const raw = meta.license ?? meta.licenses ?? meta.licence;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.slice(0, MAX_LIST).flatMap((l) => normalizeLicense(l) ?? []);
}

function normalizeMaintainer(v: unknown): Maintainer | undefined {
  if (typeof v === 'string') return text(v) ? { name: text(v, 120) } : undefined;
  if (!isObject(v)) return undefined;
  const m: Maintainer = {};
  if (text(v.name)) m.name = text(v.name, 120);
  if (text(v.github)) m.github = text(v.github, 120);
  if (text(v.email)) m.email = text(v.email, 200);
  return Object.keys(m).length ? m : undefined;
}

function stringList(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((x): x is string => typeof x === 'string')
    .slice(0, MAX_LIST)
    .map((s) => s.slice(0, 100));
}

/** Splits `nur.repos.<repo>.<attr>`; the attr may itself contain dots. */
export function splitIndexKey(key: string): { repo: string; attr: string } | undefined {
  const match = /^nur\.repos\.([^.]+)\.(.+)$/.exec(key);
  return match ? { repo: match[1]!, attr: match[2]! } : undefined;
}

/** `goatcounter-2.5.0` → `goatcounter`: used when the index lacks a pname. */
function pnameFromName(name: string): string {
  const match = /^(.*?)-(\d[^-]*)$/.exec(name);
  return match ? match[1]! : name;
}

export function normalizePackage(key: string, raw: unknown): Package | undefined {
  if (!isObject(raw)) return undefined;
  const parts = splitIndexKey(key);
  const repo = text(raw._repo) || parts?.repo;
  const attr = text(raw._attr) || parts?.attr;
  if (!repo || !attr) return undefined;
  const meta = isObject(raw.meta) ? raw.meta : {};
  const name = text(raw.name) || text(meta.name) || attr;
  const outputs = isObject(raw.outputs)
    ? Object.keys(raw.outputs).slice(0, 20)
    : stringList(raw.outputs);
  return {
    repo,
    attr,
    ref: `${repo}.${attr}`,
    attrPath: `nur.repos.${repo}.${attr}`,
    name,
    pname: text(raw.pname) || pnameFromName(name),
    version: text(raw.version, 100) || text(meta.version, 100),
    description: firstText(meta.description, meta.descripytion, meta.descriptionLong),
    longDescription: text(meta.longDescription, MAX_LONG),
    homepage: firstText(meta.homepage, meta.homePage, meta.hompage),
    licenses: normalizeLicenses(meta),
    mainProgram: firstText(meta.mainProgram, meta.mainprogram, meta.mainPrograms),
    platforms: stringList(meta.platforms ?? meta.platform),
    broken: flag(meta.broken),
    unfree: flag(meta.unfree),
    insecure: flag(meta.insecure),
    // Only an explicit `false` means unavailable; old index entries have no field at all.
    available: meta.available !== false,
    maintainers: (Array.isArray(meta.maintainers)
      ? meta.maintainers
      : Array.isArray(meta.maintainer)
        ? meta.maintainer
        : []
    )
      .slice(0, MAX_LIST)
      .flatMap((m) => normalizeMaintainer(m) ?? []),
    position: text(meta.position),
    outputs,
  };
}

export interface NormalizedPackages {
  packages: Package[];
  /** Entries that were not objects or had no repo/attr. */
  skipped: number;
}

/** Normalises a parsed packages.json; throws when it is not an object keyed by index keys. */
export function normalizePackages(raw: unknown): NormalizedPackages {
  if (!isObject(raw)) throw new TypeError('the package index is not a JSON object');
  const packages: Package[] = [];
  let skipped = 0;
  for (const [key, value] of Object.entries(raw)) {
    const pkg = normalizePackage(key, value);
    if (pkg) packages.push(pkg);
    else skipped++;
  }
  packages.sort((a, b) => (a.attrPath < b.attrPath ? -1 : a.attrPath > b.attrPath ? 1 : 0));
  return { packages, skipped };
}

/** Normalises repos.json plus its lock; a repo missing from the lock simply has no locked rev. */
export function normalizeRepos(reposJson: unknown, lockJson?: unknown): Record<string, Repo> {
  if (!isObject(reposJson) || !isObject(reposJson.repos))
    throw new TypeError('repos.json has no "repos" object');
  const locks = isObject(lockJson) && isObject(lockJson.repos) ? lockJson.repos : {};
  const repos: Record<string, Repo> = {};
  for (const [name, entry] of Object.entries(reposJson.repos)) {
    if (!isObject(entry) || !text(entry.url)) continue;
    const url = text(entry.url);
    const type = text(entry.type) || undefined;
    const lock = locks[name];
    const repo: Repo = {
      name,
      url,
      host: detectHost(url, type),
      submodules: entry.submodules === true,
    };
    if (text(entry.file)) repo.file = text(entry.file);
    if (text(entry.branch)) repo.branch = text(entry.branch);
    if (type) repo.type = type;
    if (text(entry['github-contact'])) repo.githubContact = text(entry['github-contact']);
    if (isObject(lock)) {
      if (text(lock.rev)) repo.lockedRev = text(lock.rev);
      if (text(lock.sha256)) repo.lockedSha256 = text(lock.sha256);
    }
    repos[name] = repo;
  }
  return repos;
}
