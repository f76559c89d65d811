// Resolved settings for a run. Precedence: flag > environment > config file > default.
// The read path parses the config JSON with fs directly: conf (and its schema validator) is only
// loaded by `nur config set|unset`, so `nur search` in a pipe stays fast.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import type { AppContext, Env } from './context.js';
import { NurError, UsageError } from './errors.js';

export const DEFAULT_PACKAGES_URL =
  'https://raw.githubusercontent.com/nix-community/nur-search/main/data/packages.json';
export const DEFAULT_REPOS_URL =
  'https://raw.githubusercontent.com/nix-community/NUR/main/repos.json';
export const DEFAULT_LOCK_URL =
  'https://raw.githubusercontent.com/nix-community/NUR/main/repos.json.lock';
/** NUR rebuilds hourly; a few hours keeps searches off the network most of the time. */
export const DEFAULT_TTL = '3h';

export interface Settings {
  packagesUrl: string;
  reposUrl: string;
  lockUrl: string;
  /** Cache age after which the index is refreshed automatically. */
  ttlSeconds: number;
  /** Default flake.nix path, absolute. */
  flake: string;
  /** Prefix of flake input names added by `nur add` (`nur-` + repo name). */
  inputPrefix: string;
}

/** Keys of config.json, in display order. */
export const CONFIG_KEYS = [
  'packagesUrl',
  'reposUrl',
  'lockUrl',
  'ttl',
  'flake',
  'inputPrefix',
] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

export const CONFIG_ENV: Partial<Record<ConfigKey, string>> = {
  packagesUrl: 'NUR_PACKAGES_URL',
  reposUrl: 'NUR_REPOS_URL',
  lockUrl: 'NUR_LOCK_URL',
  ttl: 'NUR_CACHE_TTL',
};

export const CONFIG_DEFAULTS: Record<ConfigKey, string> = {
  packagesUrl: DEFAULT_PACKAGES_URL,
  reposUrl: DEFAULT_REPOS_URL,
  lockUrl: DEFAULT_LOCK_URL,
  ttl: DEFAULT_TTL,
  flake: 'flake.nix',
  inputPrefix: 'nur-',
};

export const CONFIG_DESCRIPTIONS: Record<ConfigKey, string> = {
  packagesUrl: 'packages index (packages.json): https://, http://, file:// or a path',
  reposUrl: 'repos.json: https://, http://, file:// or a path',
  lockUrl: 'repos.json.lock: https://, http://, file:// or a path',
  ttl: 'refresh the index when the cache is older than this (90m, 3h, 1d or seconds)',
  flake: 'default flake.nix path for add/remove/inputs',
  inputPrefix: 'prefix of flake input names (nur- gives nur-mic92)',
};

export function isConfigKey(key: string): key is ConfigKey {
  return (CONFIG_KEYS as readonly string[]).includes(key);
}

export function unknownKeyError(key: string): UsageError {
  return new UsageError(
    `unknown config key "${key}"; valid keys: ${CONFIG_KEYS.join(', ')}`,
    'See `nur config list` for the current values.',
  );
}

const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** `90m`, `3h`, `1d`, `45s` or plain seconds → seconds; undefined when not a duration. */
export function parseTtl(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  const match = /^\s*(\d{1,9})\s*([smhd]?)\s*$/i.exec(value);
  if (!match) return undefined;
  return Number(match[1]) * TTL_UNITS[(match[2] || 's').toLowerCase()]!;
}

const URL_PATTERN = /^(?:https?:\/\/[^\s/]+|file:\/\/)\S*$/i;

/** Checks one config value; returns the reason it is wrong, or undefined when it is fine. */
export function configValueProblem(key: ConfigKey, value: string): string | undefined {
  if (value.trim() === '') return 'it is empty';
  switch (key) {
    case 'packagesUrl':
    case 'reposUrl':
    case 'lockUrl':
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !URL_PATTERN.test(value))
        return 'it must be an https://, http:// or file:// URL, or a path';
      if (/^file:\/\//i.test(value) && !/^file:\/\/\/./i.test(value))
        return 'a file:// URL needs an absolute path, as in file:///path/to/file.json';
      return undefined;
    case 'ttl':
      return parseTtl(value) === undefined
        ? 'it must be a duration such as 90m, 3h, 1d, or a number of seconds'
        : undefined;
    case 'flake':
      return undefined;
    case 'inputPrefix':
      // Flake input names are Nix identifiers; the prefix must keep them valid and unquoted.
      return /^[A-Za-z_][A-Za-z0-9_'-]*$/.test(value)
        ? undefined
        : "it must start with a letter or _ and contain only letters, digits, _, - and '";
  }
}

export function configDir(env: Env): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'nur');
}

export function cacheDir(env: Env): string {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'nur');
}

export function configFilePath(env: Env): string {
  return join(configDir(env), 'config.json');
}

/** The config file as stored; missing file → {}. A broken file is an error, not silently ignored. */
export function readConfigFile(env: Env): Partial<Record<ConfigKey, string>> {
  const path = configFilePath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new NurError(`cannot read the config file ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new NurError(`the config file ${path} is not valid JSON`, {
      hint: `Fix it by hand, or delete it to start over: rm ${path}`,
    });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const config: Partial<Record<ConfigKey, string>> = {};
  for (const key of CONFIG_KEYS) {
    const value = (parsed as Record<string, unknown>)[key];
    if (typeof value === 'string') config[key] = value;
    else if (typeof value === 'number') config[key] = String(value);
  }
  return config;
}

export type SettingSource = 'flag' | 'env' | 'config' | 'default';

export interface ResolvedSetting {
  key: ConfigKey;
  value: string;
  source: SettingSource;
}

/** The raw (unparsed) value of each key with where it came from. */
export function resolveRawSettings(
  context: Pick<AppContext, 'env' | 'globals'>,
  config: Partial<Record<ConfigKey, string>> = readConfigFile(context.env),
): ResolvedSetting[] {
  return CONFIG_KEYS.map((key) => {
    if (key === 'packagesUrl' && context.globals.indexUrl)
      return { key, value: context.globals.indexUrl, source: 'flag' as const };
    const envName = CONFIG_ENV[key];
    const fromEnv = envName ? context.env[envName] : undefined;
    if (fromEnv) return { key, value: fromEnv, source: 'env' as const };
    const fromConfig = config[key];
    if (fromConfig !== undefined) return { key, value: fromConfig, source: 'config' as const };
    return { key, value: CONFIG_DEFAULTS[key], source: 'default' as const };
  });
}

function describeSource(setting: ResolvedSetting, env: Env): string {
  switch (setting.source) {
    case 'flag':
      return '--index-url';
    case 'env':
      return CONFIG_ENV[setting.key]!;
    case 'config':
      return `${configFilePath(env)} (${setting.key})`;
    case 'default':
      return 'the default';
  }
}

export function resolveSettings(context: Pick<AppContext, 'env' | 'globals' | 'cwd'>): Settings {
  const raw = resolveRawSettings(context);
  const value = (key: ConfigKey): string => {
    const setting = raw.find((s) => s.key === key)!;
    const problem = configValueProblem(key, setting.value);
    if (problem)
      throw new UsageError(
        `invalid ${key} "${setting.value}" from ${describeSource(setting, context.env)}: ${problem}`,
      );
    return setting.value;
  };
  const flake = value('flake');
  return {
    packagesUrl: value('packagesUrl'),
    reposUrl: value('reposUrl'),
    lockUrl: value('lockUrl'),
    ttlSeconds: parseTtl(value('ttl'))!,
    flake: isAbsolute(flake) ? flake : resolve(context.cwd, flake),
    inputPrefix: value('inputPrefix'),
  };
}
