import { expect } from 'chai';
import { udpQueues } from '../../collectors/udp_queues';
import { MissingFileError } from '../../src/collector';
import { fixture } from '../support/fixtures';
import { run, series } from './run';
import { tmpTree } from './tmp-tree';

describe('udp_queues collector', () => {
  it('sums the queues of every socket; without udp6 (IPv6 off) the v4 series alone', async () => {
    const t = tmpTree({ 'net/udp': fixture('proc/net/udp') });
    try {
      expect(series(await run(udpQueues, t.root))).to.deep.equal({
        'node_udp_queues{queue="rx",ip="v4"}': 832,
        'node_udp_queues{queue="tx",ip="v4"}': 0,
      });
    } finally {
      t.remove();
    }
  });

  it('without udp (IPv4 off) the v6 series alone; without both, fails as "file not present" (no data)', async () => {
    const t = tmpTree({ 'net/udp6': fixture('proc/net/udp6') });
    const none = tmpTree({ 'net/arp': '' });
    try {
      expect(Object.keys(series(await run(udpQueues, t.root)))).to.deep.equal([
        'node_udp_queues{queue="rx",ip="v6"}',
        'node_udp_queues{queue="tx",ip="v6"}',
      ]);
      let error: unknown;
      await run(udpQueues, none.root).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(MissingFileError);
    } finally {
      t.remove();
      none.remove();
    }
  });
});
