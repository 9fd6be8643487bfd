import { expect } from 'chai';
import * as path from 'path';
import { netdev } from '../../collectors/netdev';
import { options, run, series, TREES } from './run';

const tree = (t: string): string => path.join(TREES, 'netdev', t);

describe('netdev collector', () => {
  it('maps every /proc/net/dev column to node_network_<dir>_<column>_total{device}', async () => {
    const s = series(await run(netdev, tree('t1')));
    const eth0 = (m: string): number => s[`node_network_${m}_total{device="eth0"}`];
    expect(
      ['receive_errs', 'receive_drop', 'receive_fifo', 'receive_frame', 'receive_compressed', 'receive_multicast'].map(eth0),
    ).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(
      ['transmit_errs', 'transmit_drop', 'transmit_fifo', 'transmit_colls', 'transmit_carrier', 'transmit_compressed'].map(eth0),
    ).to.deep.equal([7, 8, 9, 10, 11, 12]);
    expect(eth0('receive_bytes')).to.equal(60513987);
    expect(Object.keys(s)).to.have.length(3 * 16);
  });

  it('an interface that disappears has no series in the next run', async () => {
    const opts = options(netdev);
    expect(series(await run(netdev, tree('t1'), opts))['node_network_receive_bytes_total{device="veth1a2b"}']).to.equal(1000);
    const s = series(await run(netdev, tree('t2'), opts));
    expect(Object.keys(s).some((k) => k.includes('veth1a2b'))).to.equal(false);
    expect(s['node_network_receive_bytes_total{device="lo"}']).to.equal(3293);
  });

  it('filters devices by deviceExclude, or by deviceInclude alone', async () => {
    const ex = series(await run(netdev, tree('t1'), options(netdev, { deviceExclude: '^veth' })));
    expect(Object.keys(ex).some((k) => k.includes('veth'))).to.equal(false);
    expect(Object.keys(ex)).to.have.length(2 * 16);
    const inc = series(await run(netdev, tree('t1'), options(netdev, { deviceInclude: '^eth' })));
    expect(Object.keys(inc)).to.have.length(16);
  });
});
