/**
 * Mocha's spec reporter plus the closing line CI reads: `N passed, N failed`
 * on its own line (pending tests are counted as skipped, never as passed).
 */
import Mocha = require('mocha');

const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const stats = runner.stats;
      if (!stats) return;
      const skipped = stats.pending > 0 ? `, ${stats.pending} skipped` : '';
      process.stdout.write(`\n${stats.passes} passed, ${stats.failures} failed${skipped}\n`);
    });
  }
}

export = CountingReporter;
