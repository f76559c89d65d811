// `nur add REF`: wire a NUR repo (or NUR itself, or any GitHub flake) into flake.nix as an input,
// with its outputs formal and, on request, its NixOS / Home Manager module.
import { Option, type Command } from 'commander';
import type { AppContext } from '../context.js';
import { ExitCode, NurError, UsageError } from '../errors.js';
import type { NurIndex, Package, Repo } from '../model.js';
import type { CommandHost } from '../program.js';
import type { ModuleRequest } from '../flake/plan.js';
import { refNotFound } from './ref-not-found.js';
import { sanitizeLine } from '../term/sanitize.js';

export interface AddOptions {
  /** `owner/repo`, a NUR repo name, a package ref, or `nur`. */
  ref: string;
  /** flake.nix or the directory holding it. */
  flake?: string;
  /** Input name instead of `<prefix><repo>`. */
  name?: string;
  /** Pin NUR's locked rev. */
  pin?: boolean;
  /** undefined: detect with nix; false: `--no-flake`; true: `--as-flake`. */
  flakeInput?: boolean;
  /** false: `--no-follows`. */
  follows?: boolean;
  /** NixOS module name (`true` when given without one: `default`). */
  module?: string | boolean;
  hmModule?: string | boolean;
  host?: string;
  dryRun?: boolean;
  print?: boolean;
  lock?: boolean;
  force?: boolean;
}

/** What `nur add` is about to write, worked out from the REF before any file is read. */
interface AddTarget {
  inputName: string;
  url: string;
  /** undefined: not known yet (detect). */
  isFlake?: boolean;
  followsNixpkgs: boolean;
  modules: ModuleRequest[];
  /**
   * Lines telling the user how to use what was added, as a flake input or as plain Nix, under
   * the name it has in flake.nix (an input with the same URL keeps its own name).
   */
  usage: (flake: boolean, inputName: string) => Promise<string[]>;
  notes: string[];
  repo?: Repo;
}

const OWNER_REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

function moduleName(value: string | boolean | undefined): string | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return 'default';
  const name = value.trim();
  if (!name || /[\u0000-\u001f\u007f]/.test(name))
    throw new UsageError(`module name ${JSON.stringify(value)} is not valid`);
  return name;
}

async function attrName(name: string): Promise<string> {
  const { nixAttrName } = await import('../nix/strings.js');
  return nixAttrName(name);
}

async function moduleRequests(
  options: AddOptions,
  inputName: string,
  paths: { nixos: string; homeManager: string; darwin?: string },
): Promise<AddTarget['modules']> {
  const modules: AddTarget['modules'] = [];
  const nixos = moduleName(options.module);
  const hm = moduleName(options.hmModule);
  if (nixos !== undefined) {
    const attr = await attrName(nixos);
    modules.push({
      kind: 'nixos',
      expr: `${inputName}.${paths.nixos}.${attr}`,
      ...(paths.darwin ? { darwinExpr: `${inputName}.${paths.darwin}.${attr}` } : {}),
      host: options.host,
    });
  }
  if (hm !== undefined)
    modules.push({
      kind: 'home-manager',
      expr: `${inputName}.${paths.homeManager}.${await attrName(hm)}`,
      host: options.host,
    });
  return modules;
}

async function nurItself(options: AddOptions): Promise<AddTarget> {
  const { NUR_FLAKE_URL } = await import('../nix/flake-url.js');
  if (options.pin)
    throw new UsageError(
      '--pin pins a NUR repo at the rev NUR evaluated; NUR itself is pinned by flake.lock',
    );
  if (options.flakeInput === false) throw new UsageError('NUR itself is a flake; drop --no-flake');
  for (const value of [options.module, options.hmModule]) {
    const name = moduleName(value);
    if (name !== undefined && name !== 'default')
      throw new UsageError(
        `NUR's flake has only the default module (it adds pkgs.nur), not ${JSON.stringify(name)}`,
        `For a module of one NUR repo, add that repo: nur add <repo> --module ${name}`,
      );
  }
  const inputName = options.name ?? 'nur';
  // NUR's flake: modules.nixos.default, modules.darwin.default and modules.homeManager.default
  // add the pkgs.nur overlay.
  const modules = await moduleRequests(options, inputName, {
    nixos: 'modules.nixos',
    darwin: 'modules.darwin',
    homeManager: 'modules.homeManager',
  });
  return {
    inputName,
    url: NUR_FLAKE_URL,
    isFlake: true,
    followsNixpkgs: options.follows !== false,
    modules,
    usage: async (_flake, name) => [
      modules.length
        ? 'Packages are then at pkgs.nur.repos.<repo>.<package>.'
        : `Add ${name}.modules.nixos.default to a configuration's modules (or use --module) to get pkgs.nur.repos.<repo>.<package>.`,
    ],
    notes: [],
  };
}

async function inputPrefix(context: AppContext): Promise<string> {
  try {
    const { resolveSettings } = await import('../settings.js');
    return resolveSettings(context).inputPrefix;
  } catch {
    return 'nur-';
  }
}

async function validInputName(name: string, what: string): Promise<string> {
  const { isNixIdentifier } = await import('../nix/strings.js');
  if (!isNixIdentifier(name))
    throw new UsageError(
      `${what} ${JSON.stringify(name)} is not a valid Nix identifier`,
      "Use letters, digits, _, - and ' (not starting with a digit), e.g. --name nur-foo.",
    );
  // `self` is the flake itself in outputs; true, false and null read as those values there.
  if (['self', 'true', 'false', 'null'].includes(name))
    throw new UsageError(
      `${what} ${JSON.stringify(name)} is taken: in outputs it names ${name === 'self' ? 'the flake itself' : `the value ${name}`}`,
      'Pick another name, e.g. --name nur-foo.',
    );
  return name;
}

function packageUsage(pkg: Package, repo: Repo) {
  return async (flake: boolean, inputName: string): Promise<string[]> => {
    const [{ attrComponents }, { importExpression }, { nixAttrName }] = await Promise.all([
      import('../snippets/names.js'),
      import('../snippets/flake-input.js'),
      import('../nix/strings.js'),
    ]);
    const attr = attrComponents(pkg.attr).map(nixAttrName).join('.');
    if (!flake)
      return [
        `Use the package as (${importExpression(repo, inputName)}).${attr}, with pkgs from your nixpkgs.`,
      ];
    return [
      `Use the package as ${inputName}.packages.\${system}.${attr} (or legacyPackages, as the repo's flake exports it).`,
    ];
  };
}

async function repoTarget(options: AddOptions, context: AppContext): Promise<AddTarget> {
  const index = await context.loadIndex();
  const { resolveRef } = await import('../index/resolve.js');
  const resolved = resolveRef(index, options.ref);
  const notes: string[] = [];
  const prefix = await inputPrefix(context);
  const { toNixIdentifier } = await import('../nix/strings.js');
  const { printable } = await import('../snippets/names.js');

  if (!resolved) {
    const ownerPath = options.ref.trim().replace(/\.git$/, '');
    if (!OWNER_REPO.test(ownerPath))
      throw await refNotFound(
        index,
        options.ref,
        'Find it with nur search, or add any GitHub flake as owner/repo.',
      );
    if (options.pin)
      throw new UsageError(`${ownerPath} is not in NUR, so NUR has no locked rev to pin`);
    const repoPart = ownerPath.split('/')[1]!;
    const inputName = await validInputName(options.name ?? toNixIdentifier(repoPart), 'input name');
    notes.push(`${ownerPath} is not a NUR repo; adding it as the GitHub flake github:${ownerPath}`);
    return {
      inputName,
      url: `github:${ownerPath}`,
      // Named as a flake by the user: only --no-flake makes it plain Nix.
      isFlake: options.flakeInput ?? true,
      followsNixpkgs: options.follows !== false,
      modules: await moduleRequests(options, inputName, {
        nixos: 'nixosModules',
        homeManager: 'homeManagerModules',
      }),
      usage: async () => [],
      notes,
    };
  }

  const repo = resolved.repo;
  if (!repo || !repo.url)
    throw new NurError(
      `repo ${sanitizeLine(resolved.kind === 'repo' ? resolved.repo.name : resolved.pkg.repo)} is not listed in NUR's repos.json, so its source is unknown`,
    );
  const { repoFlakeUrl } = await import('../nix/flake-url.js');
  let rev: string | undefined;
  if (options.pin) {
    if (!repo.lockedRev)
      throw new NurError(
        `NUR has no locked rev for ${sanitizeLine(repo.name)} in repos.json.lock`,
        {
          hint: 'Add it without --pin; flake.lock pins it when you lock.',
        },
      );
    rev = repo.lockedRev;
  }
  const url = repoFlakeUrl(repo, { rev });
  const inputName = await validInputName(
    options.name ?? toNixIdentifier(`${prefix}${printable(repo.name, 'repo name')}`),
    options.name ? 'input name' : `input name for repo ${sanitizeLine(repo.name)}`,
  );
  const target: AddTarget = {
    inputName,
    url,
    isFlake: options.flakeInput,
    followsNixpkgs: options.follows !== false,
    modules: await moduleRequests(options, inputName, {
      nixos: 'nixosModules',
      homeManager: 'homeManagerModules',
    }),
    usage:
      resolved.kind === 'package'
        ? packageUsage(resolved.pkg, repo)
        : async (flake, name) => {
            if (flake) return [`Its outputs are at ${name}.<output> (packages, nixosModules, …).`];
            const { importExpression } = await import('../snippets/flake-input.js');
            return [`Its packages are at (${importExpression(repo, name)}).<name>.`];
          },
    notes,
    repo,
  };
  return target;
}

export type Detection = { isFlake: boolean } | { unknown: string };

/** Asks the user's nix whether the URL is a flake; offline or without nix it cannot tell. */
export async function detectFlake(url: string, context: AppContext): Promise<Detection> {
  if (context.globals.offline) return { unknown: 'offline' };
  const { execa } = await import('execa');
  const result = await execa(
    'nix',
    [
      '--extra-experimental-features',
      'nix-command flakes',
      '--option',
      'connect-timeout',
      '5',
      '--option',
      'download-attempts',
      '1',
      'flake',
      'metadata',
      '--json',
      url,
    ],
    { env: context.env, extendEnv: false, reject: false, timeout: 20_000, stdin: 'ignore' },
  );
  if (result.exitCode === undefined)
    return { unknown: result.timedOut ? 'nix took too long' : 'nix is not installed' };
  if (result.exitCode === 0) return { isFlake: true };
  if (/flake\.nix'?[^\n]*(does not exist|No such file)/.test(String(result.stderr)))
    return { isFlake: false };
  return { unknown: 'nix could not fetch it' };
}

async function decideFlake(
  target: AddTarget,
  context: AppContext,
): Promise<{ isFlake: boolean; note?: string }> {
  if (target.isFlake === false && target.modules.length)
    throw new UsageError(
      "--module/--hm-module need the repo's flake (nixosModules, homeManagerModules); drop --no-flake",
    );
  if (target.isFlake !== undefined) return { isFlake: target.isFlake };
  const detection = await detectFlake(target.url, context);
  if ('isFlake' in detection) {
    if (!detection.isFlake && target.modules.length)
      throw new NurError(
        `${target.url} is not a flake, so it has no nixosModules/homeManagerModules to add`,
        { hint: "Drop --module/--hm-module and import the module's file in your configuration." },
      );
    return { isFlake: detection.isFlake };
  }
  // Modules exist only in a flake's outputs: asking for one says the repo is a flake.
  if (target.modules.length)
    return {
      isFlake: true,
      note: `could not check whether it is a flake (${detection.unknown}); assumed a flake because a module was asked for`,
    };
  return {
    isFlake: false,
    note: `could not check whether it is a flake (${detection.unknown}); using it as plain Nix (flake = false), which works for every NUR repo. Use --as-flake to use its flake instead.`,
  };
}

function snippetLines(
  target: AddTarget,
  isFlake: boolean,
  nixString: (s: string) => string,
): string {
  const lines = [`inputs.${target.inputName}.url = ${nixString(target.url)};`];
  if (!isFlake) lines.push(`inputs.${target.inputName}.flake = false;`);
  if (isFlake && target.followsNixpkgs)
    lines.push(`inputs.${target.inputName}.inputs.nixpkgs.follows = "nixpkgs";`);
  const formals = [...new Set(['self', 'nixpkgs', target.inputName])];
  lines.push(`# outputs = { ${formals.join(', ')}, ... }: …`);
  for (const module of target.modules) lines.push(`# modules = [ … ${module.expr} ];`);
  return lines.join('\n') + '\n';
}

export async function addRun(options: AddOptions, context: AppContext): Promise<number> {
  const ref = options.ref.trim();
  if (!ref) throw new UsageError('nur add needs a REF', 'Example: nur add mic92');
  if (options.name !== undefined) await validInputName(options.name, 'input name');
  if (options.host !== undefined && options.module === undefined && options.hmModule === undefined)
    throw new UsageError('--host picks the configuration for --module or --hm-module');
  if (options.print && (options.dryRun || options.lock))
    throw new UsageError('--print touches no file: it cannot be combined with --dry-run or --lock');
  if (options.dryRun && options.lock)
    throw new UsageError('--dry-run writes nothing, so there is nothing to --lock');
  if (options.lock && context.globals.offline)
    throw new UsageError(
      '--lock runs nix flake lock, which downloads the inputs: it cannot run with --offline',
      'Drop --offline, or run `nix flake lock` once online.',
    );

  const target =
    ref.toLowerCase() === 'nur' ? await nurItself(options) : await repoTarget(options, context);
  const { stdout, stderr } = context.io;
  const note = (text: string) => stderr.write(`nur: ${sanitizeLine(text)}\n`);
  const { nixString } = await import('../nix/strings.js');

  // Read and parse flake.nix before asking nix about the repo (which may wait on the network):
  // a missing or broken file fails at once.
  const io = await import('./flake-edit-io.js');
  const file = options.print
    ? undefined
    : await io.readFlakeFile(await io.flakePathOf(options.flake, context), context);
  if (file) (await import('../flake/parse.js')).parseNix(file.text, file.shown);

  const decided = await decideFlake(target, context);
  for (const text of target.notes) note(text);
  if (decided.note) note(decided.note);

  if (!file) {
    // --print: the snippet only, no file.
    stdout.write(snippetLines(target, decided.isFlake, nixString));
    for (const line of await target.usage(decided.isFlake, target.inputName)) note(line);
    return ExitCode.ok;
  }

  const { planAddInput } = await import('../flake/plan-add.js');
  const plan = planAddInput(
    file.text,
    {
      name: target.inputName,
      url: target.url,
      flake: decided.isFlake,
      followsNixpkgs: target.followsNixpkgs,
      modules: target.modules,
      force: options.force,
    },
    file.shown,
  );
  if (plan.status === 'unchanged') {
    stdout.write(
      `${file.shown} already has ${plan.input ?? target.inputName} (${sanitizeLine(target.url)}); nothing to change\n`,
    );
    for (const text of plan.notes) note(text);
    return ExitCode.ok;
  }
  await io.checkWithNix(plan.text, file, context);
  if (options.dryRun) {
    stdout.write(await io.unifiedDiff(file, plan.text, 3));
    for (const text of plan.notes) note(text);
    note(`dry run: ${file.shown} was not changed`);
    return ExitCode.ok;
  }
  await io.writeFlakeFile(file, plan.text);
  stdout.write(await io.unifiedDiff(file, plan.text, 1));
  const added = plan.input ?? target.inputName;
  stdout.write(`Added ${added} to ${file.shown}.\n`);
  for (const text of plan.notes) note(text);
  for (const line of await target.usage(decided.isFlake, added)) {
    stdout.write(`${sanitizeLine(line)}\n`);
  }
  if (options.lock) await lockOrRestore(file, context);
  return ExitCode.ok;
}

/** `nix flake lock`; when it fails the original flake.nix is put back and the error shown. */
async function lockOrRestore(
  file: import('./flake-edit-io.js').FlakeFile,
  context: AppContext,
): Promise<void> {
  const { execa } = await import('execa');
  const { dirname } = await import('node:path');
  const result = await execa(
    'nix',
    ['--extra-experimental-features', 'nix-command flakes', 'flake', 'lock'],
    {
      cwd: dirname(file.path),
      env: context.env,
      extendEnv: false,
      reject: false,
      timeout: 600_000,
      stdin: 'ignore',
    },
  );
  if (result.exitCode === 0) {
    context.io.stdout.write('Locked the new input in flake.lock.\n');
    return;
  }
  const { atomicWriteFile } = await import('../fs/atomic-write.js');
  await atomicWriteFile(file.path, file.text, { mode: file.mode });
  const reason =
    result.exitCode === undefined
      ? 'nix is not installed'
      : (String(result.stderr)
          .split('\n')
          .map((l) => l.trim())
          .find((l) => l.startsWith('error:')) ?? `exit ${result.exitCode}`);
  throw new NurError(
    `nix flake lock failed (${reason.replace(/^error:\s*/, '')}); ${file.shown} was restored`,
    { hint: 'Fix the cause and run nur add again, or add without --lock.' },
  );
}

export function registerAdd(program: Command, host: CommandHost): void {
  const command = program
    .command('add')
    .description('add a NUR repo (or NUR itself, or a GitHub flake) to flake.nix as an input')
    .argument('<ref>', 'owner/repo, a NUR repo name, a package ref (mic92.goatcounter), or nur')
    .option('--flake <path>', 'flake.nix or its directory (default: ./flake.nix)')
    .option(
      '--name <name>',
      'input name (default: nur-<repo>; the prefix is the inputPrefix setting)',
    )
    .option('--pin', "pin the rev NUR last evaluated (from NUR's repos.json.lock)")
    .option('--no-flake', 'add it as plain Nix (flake = false): works for every NUR repo')
    .option('--as-flake', "use the repo's own flake (skip asking nix whether it is one)")
    .option('--no-follows', 'do not make it follow your nixpkgs')
    .addOption(
      new Option(
        '--module [name]',
        'add its NixOS module (nixosModules.NAME, default: default); for nur, also its nix-darwin module',
      ),
    )
    .addOption(
      new Option(
        '--hm-module [name]',
        'add its Home Manager module (homeManagerModules.NAME, default: default)',
      ),
    )
    .option('--host <host>', 'only the configuration with this name (nixosConfigurations.<host>)')
    .option('--dry-run', 'print the change as a unified diff and write nothing')
    .option('--print', 'print the input lines to paste and touch no file')
    .option('--lock', 'run nix flake lock afterwards (restores flake.nix if it fails)')
    .option('--force', 'replace the URL of an input that already has this name')
    .addHelpText(
      'after',
      `
Examples:
  $ nur add mic92                          # input nur-mic92 in ./flake.nix
  $ nur add nur --module                   # NUR itself, with pkgs.nur in every NixOS and nix-darwin host
  $ nur add Mic92/nur-packages --as-flake --module sops --host laptop --dry-run`,
    );
  // --flake PATH and --no-flake would share one option value: record each under its own key.
  command.on('option:flake', (value: string) => command.setOptionValue('flakePath', value));
  command.on('option:no-flake', () => command.setOptionValue('noFlake', true));
  command.on('option:as-flake', () => command.setOptionValue('asFlake', true));
  command.action(async (ref: string, opts: Record<string, unknown>, cmd: Command) => {
    if (opts.noFlake && opts.asFlake)
      throw new UsageError('--no-flake and --as-flake contradict each other; pass one of them');
    const options: AddOptions = {
      ref,
      flake: opts.flakePath as string | undefined,
      name: opts.name as string | undefined,
      pin: opts.pin as boolean | undefined,
      flakeInput: opts.noFlake ? false : opts.asFlake ? true : undefined,
      follows: opts.follows as boolean | undefined,
      module: opts.module as string | boolean | undefined,
      hmModule: opts.hmModule as string | boolean | undefined,
      host: opts.host as string | undefined,
      dryRun: opts.dryRun as boolean | undefined,
      print: opts.print as boolean | undefined,
      lock: opts.lock as boolean | undefined,
      force: opts.force as boolean | undefined,
    };
    host.exit(await addRun(options, host.context(cmd)));
  });
}
