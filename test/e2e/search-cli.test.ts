// End to end: the built CLI fills a real cache from the fixture files with `nur update`, then
// `nur search` reads it in a pipe, as scripts use it.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureHome, runNur } from '../helpers/cli.js';

let env: Record<string, string>;

beforeAll(async () => {
  env = fixtureHome().env;
  const update = await runNur(['update'], { env });
  expect(update.exitCode).toBe(0);
});

describe('nur search (built CLI, warm cache)', () => {
  it('prints ranked rows in a pipe and exits 0', async () => {
    const result = await runNur(['search', 'goatcounter'], { env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^mic92\.goatcounter\s/);
    expect(result.stderr).toBe('');
  });

  it('prints JSON that parses, best first', async () => {
    const result = await runNur(['search', 'prometheus', 'exporter', '--json'], { env });
    expect(result.exitCode).toBe(0);
    const hits = JSON.parse(result.stdout) as Array<{ ref: string }>;
    expect(hits[0]!.ref).toBe('nginx.nginx-prometheus-exporter');
  });

  it('exits 1 when nothing matches and 2 on a bad query', async () => {
    const none = await runNur(['search', 'zzqqxxnothing'], { env });
    expect(none.exitCode).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('nur: no packages match "zzqqxxnothing"');
    const bad = await runNur(['search', 'repo:'], { env });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/"repo:" needs a value/);
  });

  it('documents the JSON fields in --help', async () => {
    const help = await runNur(['search', '--help'], { env });
    expect(help.exitCode).toBe(0);
    for (const field of ['ref', 'attrPath', 'licenses', 'available', 'score'])
      expect(help.stdout).toContain(field);
  });
});
