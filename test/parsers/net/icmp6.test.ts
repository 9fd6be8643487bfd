import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { icmp6 } from '../../../src/parsers/net/icmp6';
import { fixture } from '../../support/fixtures';

describe('net/icmp6', () => {
  it('gives [] for this machine (header only)', () => {
    expect(icmp6.parse(fixture('proc/net/icmp6'), 'net/icmp6')).to.deep.equal([]);
  });

  it('parses the synthetic __ip6_dgram_sock_seq_show() rows, link-local addresses compressed', () => {
    const records = icmp6.parse(fixture('synthetic/proc/net/icmp6'), 'net/icmp6');
    expect(records).to.have.length(2);
    expect(records[0]).to.include({ sl: 9, local_ip: '::1', local_port: 9, rem_ip: '::', state: 'CLOSE', uid: 1000, inode: 52320 });
    // "000080FE00000000FF3E2D1C6B5A4FFE:002A 000080FE000000000000000001000000:0000"
    expect(records[1]).to.include({
      sl: 42,
      local_ip: 'fe80::1c2d:3eff:fe4f:5a6b',
      local_port: 42,
      rem_ip: 'fe80::1',
      rem_port: 0,
      st: '01',
      state: 'ESTABLISHED',
      inode: 52321,
      drops: 1,
    });
  });

  it('rejects a non-hex address', () => {
    const text =
      '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n' +
      '    9: 0000000000000000000000000100000X:0009 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000  1000        0 52320 2 0000000000000000 0\n';
    expect(() => icmp6.parse(text, 'net/icmp6')).to.throw(ParseError, /net\/icmp6:2: local_address is not a 32-digit hex address/);
  });
});
