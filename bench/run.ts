/**
 * The performance benchmark suite (issue 8): `npm run bench` (add `-- --quick`
 * for a smoke run with tiny sizes). Everything is measured in ONE run so that
 * ratios hold on a noisy machine; prints a table with every figure beside its
 * target and writes bench/results.json.
 *
 *   node --expose-gc dist/bench/run.js [--quick] [--duration 10] [--connections 8]
 *     [--scrapes 10000] [--no-node-exporter] [--steady-period 15] [--steady-scrapes 6]
 *     [--only parse,cycle,collectors,scaling,serving,walk,groups,start-paths,steady] [--out FILE]
 *
 * This file only lists the measurements, one module per figure, in the order
 * they run; bench/runner.ts runs them (options, report, table, results file)
 * and bench/support/ holds what they share with each other and with the tests.
 * Only loopback is used; every child process started is stopped by its pid.
 */
import { benchCollectorCosts } from './collector-costs';
import { benchCycle } from './cycle';
import { benchParse } from './parse';
import { benchProcessGroups } from './process-groups';
import { runBench, type Measurement } from './runner';
import { benchScaling } from './scaling';
import { benchServing } from './serving';
import { benchStartPaths } from './start-paths';
import { benchSteady } from './steady';
import { benchWalk } from './walk';

/** `--only` names, in running order; serving also writes the memory figures (bench/memory.ts). */
const MEASUREMENTS = {
  parse: benchParse,
  cycle: benchCycle,
  collectors: benchCollectorCosts,
  scaling: benchScaling,
  serving: benchServing,
  walk: benchWalk,
  groups: benchProcessGroups,
  'start-paths': benchStartPaths,
  steady: benchSteady,
} satisfies Record<string, Measurement>;

export function run(argv: readonly string[]): ReturnType<typeof runBench> {
  return runBench(argv, MEASUREMENTS);
}

if (require.main === module) {
  run(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
