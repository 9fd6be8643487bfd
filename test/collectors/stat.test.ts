import { expect } from 'chai';
import * as path from 'path';
import { stat } from '../../collectors/stat';
import { options, run, series, TREES } from './run';

const root = path.join(TREES, '..', 'proc');

describe('stat collector', () => {
  it('exports node_softirqs_total{vector} only with softirq=true, in the kernel vector order', async () => {
    expect(Object.keys(series(await run(stat, root))).some((k) => k.startsWith('node_softirqs_total'))).to.equal(false);
    const s = series(await run(stat, root, options(stat, { softirq: true })));
    // softirq 39500 0 4889 5 4769 5772 0 2 13495 0 10568
    expect(s['node_softirqs_total{vector="hi"}']).to.equal(0);
    expect(s['node_softirqs_total{vector="timer"}']).to.equal(4889);
    expect(s['node_softirqs_total{vector="block"}']).to.equal(5772);
    expect(s['node_softirqs_total{vector="rcu"}']).to.equal(10568);
    expect(Object.keys(s).filter((k) => k.startsWith('node_softirqs_total'))).to.have.length(10);
  });

  it('an old kernel without a softirq line just has no node_softirqs_total', async () => {
    const s = series(await run(stat, path.join(TREES, 'cpu', 't4'), options(stat, { softirq: true })));
    expect(s.node_forks_total).to.equal(300);
    expect(Object.keys(s).some((k) => k.startsWith('node_softirqs_total'))).to.equal(false);
  });
});
