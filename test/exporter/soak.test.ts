/**
 * A 10-second soak (the 60-second one is `npm run soak`): the exporter on
 * loopback with collectors every second, autocannon on /metrics and /dump.
 * Asserts zero non-2xx on /metrics and no crash; timings and RSS are measured
 * and printed by the soak script only, never asserted here.
 */
import { expect } from 'chai';
import { runSoak } from '../../scripts/soak';
import { TREE_6_18 } from './helpers';

describe('soak (10 s)', function () {
  this.timeout(60_000);

  it('serves /metrics and /dump under 32 connections for 10 s: zero non-2xx, no crash', async () => {
    const result = await runSoak({ seconds: 10, connections: 32, procfs: TREE_6_18, log: () => undefined });
    expect(result.crashed, result.exitInfo).to.equal(false);
    expect(result.metrics.requests.total).to.be.greaterThan(0);
    expect(result.metrics.non2xx).to.equal(0);
    expect(result.metrics.errors).to.equal(0);
    expect(result.dump.requests.total).to.be.greaterThan(0);
    expect(result.dump.non2xx).to.equal(0);
  });
});
