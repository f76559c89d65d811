// Runs every bench/*.bench.ts in sequence, each in its own tsx process so peak RSS is per benchmark.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();

let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, name)], {
    stdio: 'inherit',
    cwd: join(here, '..'),
  });
  if (result.status !== 0) {
    failed++;
    process.stdout.write(`${name} failed (exit ${result.status ?? result.signal})\n`);
  }
}
process.stdout.write(`\n${benches.length - failed} benchmarks ran, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
