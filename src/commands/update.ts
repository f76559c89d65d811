// `nur update [--force]`: refreshes the index cache now and says what changed.
import type { Command } from 'commander';
import type { AppContext } from '../context.js';
import { ExitCode, UsageError } from '../errors.js';
import type { CommandHost } from '../program.js';
import { cacheDir, resolveSettings } from '../settings.js';
import { sanitizeLine } from '../term/sanitize.js';

export interface UpdateOptions {
  /** Re-download everything, ignoring ETags, and accept downloads the shrink guards refuse. */
  force?: boolean;
}

// Not toLocaleString: setting up locale data costs ~30 ms of a run.
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export async function updateRun(options: UpdateOptions, context: AppContext): Promise<number> {
  const settings = resolveSettings(context);
  const [{ loadCache }, { isHttpUrl }, { refreshIndex, sameRefs }, { formatBytes }] =
    await Promise.all([
      import('../index/cache.js'),
      import('../index/fetch.js'),
      import('../index/refresh.js'),
      import('../index/progress.js'),
    ]);
  const urls = [settings.packagesUrl, settings.reposUrl, settings.lockUrl];
  if (context.globals.offline && urls.some(isHttpUrl))
    throw new UsageError(
      '`nur update` needs the network, but --offline is set',
      'Drop --offline, or use local copies: `nur config set packagesUrl /path/to/packages.json` (and reposUrl, lockUrl).',
    );
  const dir = cacheDir(context.env);
  const cached = loadCache(dir);
  if (cached.status === 'corrupt')
    context.io.stderr.write(
      `nur: warning: the cache was corrupt (${sanitizeLine(cached.reason)}); rebuilding it\n`,
    );
  const previous = cached.status === 'ok' ? cached : undefined;
  const result = await refreshIndex({
    dir,
    settings,
    previous,
    force: options.force,
    env: context.env,
    cwd: context.cwd,
    stderr: context.io.stderr,
    stderrIsTTY: context.io.stderrIsTTY,
    now: context.now,
  });

  const { index } = result;
  const repoCount = new Set(index.packages.map((p) => p.repo)).size;
  const totals = `${count(index.packages.length)} packages from ${count(repoCount)} repos (${count(Object.keys(index.repos).length)} repos listed)`;
  const unchanged =
    result.packages === 'not-modified' &&
    result.repos === 'not-modified' &&
    result.lock === 'not-modified';
  const lines: string[] = [];
  if (unchanged) lines.push(`The NUR index is up to date (not modified): ${totals}`);
  else {
    let change = '';
    if (previous && result.packages === 'updated') {
      const { added, removed } = sameRefs(previous.index.packages, index.packages);
      change =
        added || removed ? `; ${count(added)} new, ${count(removed)} gone` : '; same packages';
    }
    lines.push(`Updated the NUR index: ${totals}${change}`);
  }
  const describe = (label: string, url: string, outcome: string, extra = '') =>
    `  ${label.padEnd(9)}${sanitizeLine(url)}  (${outcome === 'updated' ? 'updated' : 'not modified'}${extra})`;
  lines.push(
    describe(
      'packages',
      settings.packagesUrl,
      result.packages,
      result.packagesBytes ? `, ${formatBytes(result.packagesBytes)}` : '',
    ),
  );
  lines.push(describe('repos', settings.reposUrl, result.repos));
  lines.push(describe('lock', settings.lockUrl, result.lock));
  lines.push(`Cache: ${sanitizeLine(dir)}`);
  context.io.stdout.write(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}

const examples = `
Without --force, a download that shrank is refused and the cache kept: packages.json with fewer
than half as many packages as the cache, or fewer than half as many with a name, version or
description; repos.json with fewer than half as many repos; repos.json.lock with fewer than half
as many locked revisions.

Examples:
  $ nur update                     # refresh now (conditional request: cheap when nothing changed)
  $ nur update --force             # download everything again and accept a shrunk index
  $ nur config set packagesUrl /srv/nur/packages.json && nur update   # a local mirror from now on

The index refreshes by itself when older than the TTL (\`nur config set ttl 6h\`).`;

export function registerUpdate(program: Command, host: CommandHost): void {
  program
    .command('update')
    .description('download the NUR index now and refresh the local cache')
    .option(
      '--force',
      'download everything again (ignoring ETags) and accept a download that shrank (see below)',
    )
    .addHelpText('after', examples)
    .action(async (opts: UpdateOptions, cmd: Command) => {
      host.exit(await updateRun({ force: opts.force }, host.context(cmd)));
    });
}
