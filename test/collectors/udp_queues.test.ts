import { expect } from 'chai';
import { udpQueues } from '../../collectors/udp_queues';
import { MissingFileError } from '../../src/exporter/scheduler';
import { fixture } from '../support/fixtures';
import { run, series } from './run';
import { tmpTree } from './tmp-tree';

describe('udp_queues collector', () => {
  it('sums the queues of every socket; without udp6 (IPv6 off) the v4 series alone', async () => {
    const t = tmpTree({ 'net/udp': fixture('proc/net/udp') });
    try {
      expect(series(await run(udpQueues, t.root))).to.deep.equal({ 'node_udp_queues{queue="rx",ip="v4"}': 832, 'node_udp_queues{queue="tx",ip="v4"}': 0 });
    } finally {
      t.remove();
    }
  });

  it('fails as "file not present" without /proc/net/udp', async () => {
    const t = tmpTree({ 'net/udp6': fixture('proc/net/udp6') });
    try {
      let error: unknown;
      await run(udpQueues, t.root).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(MissingFileError);
    } finally {
      t.remove();
    }
  });
});
