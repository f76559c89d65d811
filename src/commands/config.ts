// `nur config get|set|unset|list|path`: settings in $XDG_CONFIG_HOME/nur/config.json.
// Writes go through conf (loaded on demand) with a JSON schema; reads use settings.ts directly.
import { Argument, type Command } from 'commander';
import { isAbsolute, resolve } from 'node:path';
import type { AppContext } from '../context.js';
import { ExitCode, NurError, UsageError } from '../errors.js';
import type { CommandHost } from '../program.js';
import {
  CONFIG_DESCRIPTIONS,
  CONFIG_ENV,
  CONFIG_KEYS,
  configDir,
  configFilePath,
  configValueProblem,
  isConfigKey,
  resolveRawSettings,
  unknownKeyError,
  type ConfigKey,
} from '../settings.js';
import { sanitizeLine } from '../term/sanitize.js';

export type ConfigAction = 'get' | 'set' | 'unset' | 'list' | 'path';
export const CONFIG_ACTIONS: readonly ConfigAction[] = ['get', 'set', 'unset', 'list', 'path'];

export interface ConfigOptions {
  action: string;
  key?: string;
  value?: string;
  json?: boolean;
}

function checkedKey(key: string | undefined, action: string): ConfigKey {
  if (key === undefined)
    throw new UsageError(
      `\`nur config ${action}\` needs a key; valid keys: ${CONFIG_KEYS.join(', ')}`,
    );
  if (!isConfigKey(key)) throw unknownKeyError(key);
  return key;
}

/** JSON schema for conf: the same rules as configValueProblem, as a second line of defence. */
const SCHEMA = Object.fromEntries(
  CONFIG_KEYS.map((key) => [
    key,
    key === 'ttl'
      ? { type: 'string', pattern: '^\\s*\\d{1,9}\\s*[smhdSMHD]?\\s*$' }
      : key === 'inputPrefix'
        ? { type: 'string', pattern: "^[A-Za-z_][A-Za-z0-9_'-]*$" }
        : { type: 'string', minLength: 1 },
  ]),
);

const PATH_KEYS: readonly ConfigKey[] = ['packagesUrl', 'reposUrl', 'lockUrl', 'flake'];

/**
 * A relative path is stored resolved against where `config set` ran: later commands run from
 * anywhere. URLs and `~/…` (expanded where it is used) are stored as typed.
 */
function storedValue(key: ConfigKey, value: string, cwd: string): string {
  if (!PATH_KEYS.includes(key)) return value;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('~') || isAbsolute(value))
    return value;
  return resolve(cwd, value);
}

async function openConf(context: AppContext) {
  const { default: Conf } = await import('conf');
  try {
    return new Conf<Record<string, string>>({
      cwd: configDir(context.env),
      configName: 'config',
      projectSuffix: '',
      schema: SCHEMA,
    });
  } catch (error) {
    throw new NurError(
      `the config file ${configFilePath(context.env)} is invalid: ${(error as Error).message}`,
      { hint: 'Fix it by hand, or delete it to start over.', cause: error },
    );
  }
}

export async function configRun(options: ConfigOptions, context: AppContext): Promise<number> {
  const { stdout } = context.io;
  const action = options.action;
  switch (action) {
    case 'path':
      stdout.write(`${configFilePath(context.env)}\n`);
      return ExitCode.ok;
    case 'get': {
      const key = checkedKey(options.key, action);
      const setting = resolveRawSettings(context).find((s) => s.key === key)!;
      stdout.write(`${sanitizeLine(setting.value)}\n`);
      return ExitCode.ok;
    }
    case 'list': {
      const settings = resolveRawSettings(context);
      if (options.json) {
        stdout.write(
          `${JSON.stringify(
            Object.fromEntries(settings.map((s) => [s.key, { value: s.value, source: s.source }])),
            null,
            2,
          )}\n`,
        );
        return ExitCode.ok;
      }
      const width = Math.max(...CONFIG_KEYS.map((k) => k.length));
      for (const s of settings) {
        const from = s.source === 'env' ? `env ${CONFIG_ENV[s.key]}` : s.source;
        stdout.write(`${s.key.padEnd(width)}  ${sanitizeLine(s.value)}  (${from})\n`);
      }
      return ExitCode.ok;
    }
    case 'set': {
      const key = checkedKey(options.key, action);
      if (options.value === undefined)
        throw new UsageError(
          `\`nur config set ${key}\` needs a value: ${CONFIG_DESCRIPTIONS[key]}`,
        );
      const value = options.value.trim();
      const problem = configValueProblem(key, value);
      if (problem)
        throw new UsageError(
          `invalid value for ${key}: "${sanitizeLine(value)}": ${problem}`,
          `${key}: ${CONFIG_DESCRIPTIONS[key]}`,
        );
      const stored = storedValue(key, value, context.cwd);
      const conf = await openConf(context);
      try {
        conf.set(key, stored);
      } catch (error) {
        throw new UsageError(`invalid value for ${key}: ${(error as Error).message}`);
      }
      if (stored !== value) context.io.stderr.write(`nur: ${key} set to ${sanitizeLine(stored)}\n`);
      return ExitCode.ok;
    }
    case 'unset': {
      const key = checkedKey(options.key, action);
      const conf = await openConf(context);
      conf.delete(key);
      return ExitCode.ok;
    }
    default:
      throw new UsageError(
        `unknown config action "${sanitizeLine(action)}"; expected one of ${CONFIG_ACTIONS.join(', ')}`,
      );
  }
}

const keyList = CONFIG_KEYS.map(
  (key) =>
    `  ${key.padEnd(14)}${CONFIG_DESCRIPTIONS[key]}${CONFIG_ENV[key] ? ` (env ${CONFIG_ENV[key]})` : ''}`,
).join('\n');

const examples = `
Keys:
${keyList}

Examples:
  $ nur config set ttl 6h          # refresh the index at most every six hours
  $ nur config get packagesUrl
  $ nur config list                # every key with its value and where it comes from`;

export function registerConfig(program: Command, host: CommandHost): void {
  program
    .command('config')
    .description('get, set, unset or list settings (index URLs, TTL, flake path, input prefix)')
    // Choices make the shells complete them; configRun still names what is wrong itself.
    .addArgument(new Argument('<action>', 'get, set, unset, list or path').choices(CONFIG_ACTIONS))
    .addArgument(new Argument('[key]', `one of ${CONFIG_KEYS.join(', ')}`).choices(CONFIG_KEYS))
    .argument('[value]', 'the new value (for set)')
    .option('--json', 'with list: print a JSON object of {value, source} per key')
    .addHelpText('after', examples)
    .action(
      async (
        action: string,
        key: string | undefined,
        value: string | undefined,
        opts: { json?: boolean },
        cmd: Command,
      ) => {
        host.exit(await configRun({ action, key, value, json: opts.json }, host.context(cmd)));
      },
    );
}
