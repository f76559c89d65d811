// Preloaded with `node --import` into a process under measurement: on exit, writes its peak RSS
// and CPU time as JSON to the file named by NUR_BENCH_USAGE_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.NUR_BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        maxRssMb: Math.round(usage.maxRSS / 1024),
        cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
      }),
    );
  });
}
