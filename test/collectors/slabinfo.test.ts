import { expect } from 'chai';
import { slabinfo } from '../../collectors/slabinfo';
import { TREE_6_18 } from '../exporter/helpers';
import { options, run, series } from './run';

const slabs = (s: Record<string, number>): string[] =>
  Object.keys(s)
    .filter((k) => k.startsWith('node_slabinfo_objects{'))
    .map((k) => /slab="([^"]*)"/.exec(k)![1]);

describe('slabinfo collector', () => {
  it("applies the include and the exclude together, as node_exporter's filter does", async () => {
    const all = slabs(series(await run(slabinfo, TREE_6_18)));
    expect(all).to.include.members(['TCP', 'TCPv6', 'UDP']);
    const tcp = slabs(series(await run(slabinfo, TREE_6_18, options(slabinfo, { slabsInclude: '^TCP', slabsExclude: 'v6$' }))));
    expect(tcp).to.deep.equal(['TCP']);
  });
});
