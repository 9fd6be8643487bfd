import { expect } from 'chai';
import { ParseError } from '../../../../src/errors';
import { parseNfnetlinkLog } from '../../../../src/parsers/net/netfilter/nfnetlink_log';
import { fixture } from '../../../support/fixtures';

describe('net/netfilter/nfnetlink_log', () => {
  it('parses the empty Linux 6.x file as no records', () => {
    expect(parseNfnetlinkLog(fixture('proc/net/netfilter/nfnetlink_log'))).to.deep.equal([]);
  });

  it('parses the synthetic file, one record per log group', () => {
    const records = parseNfnetlinkLog(fixture('synthetic/proc/net/netfilter/nfnetlink_log'));
    expect(records).to.have.length(3);
    expect(records[0]).to.deep.equal({
      group_num: 0,
      peer_portid: 3120,
      qlen: 0,
      copy_mode: 2,
      copy_range: 65535,
      flushtimeout: 100,
      use: 1,
    });
    expect(records[2]).to.deep.equal({
      group_num: 100,
      peer_portid: 98112,
      qlen: 0,
      copy_mode: 2,
      copy_range: 128,
      flushtimeout: 2000,
      use: 1,
    });
  });

  it('rejects a truncated row', () => {
    expect(() => parseNfnetlinkLog('    0   3120     0 2 65535    100\n')).to.throw(
      ParseError,
      /net\/netfilter\/nfnetlink_log:1: expected at least 7 columns, found 6/,
    );
  });
});
