import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseNfnetlinkQueue } from '../../../../src/parsers/net/netfilter/nfnetlink_queue';
import { fixture } from '../../../support/fixtures';

describe('net/netfilter/nfnetlink_queue', () => {
  it('parses the empty Linux 6.x file as no records', () => {
    expect(parseNfnetlinkQueue(fixture('proc/net/netfilter/nfnetlink_queue'))).to.deep.equal([]);
  });

  it('parses the synthetic file, one record per queue', () => {
    const records = parseNfnetlinkQueue(fixture('synthetic/proc/net/netfilter/nfnetlink_queue'));
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      queue_num: 0,
      peer_portid: 4242,
      queue_total: 0,
      copy_mode: 2,
      copy_range: 65531,
      queue_dropped: 0,
      queue_user_dropped: 0,
      id_sequence: 17,
      use: 1,
    });
    expect(records[1]).to.deep.equal({
      queue_num: 1,
      peer_portid: 4243,
      queue_total: 12,
      copy_mode: 2,
      copy_range: 1500,
      queue_dropped: 3,
      queue_user_dropped: 1,
      id_sequence: 90210,
      use: 1,
    });
  });

  it('rejects a non-numeric column', () => {
    expect(() => parseNfnetlinkQueue('    0   4242     0 2 65531     0     x       17  1\n')).to.throw(
      ParseError,
      /net\/netfilter\/nfnetlink_queue:1: queue_user_dropped is not an integer/,
    );
  });
});
