import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { icmp } from '../../../src/parsers/net/icmp';
import { fixture } from '../../support/fixtures';

describe('net/icmp', () => {
  it('gives [] for this machine (header only: ping sockets are disabled)', () => {
    expect(icmp.parse(fixture('proc/net/icmp'), 'net/icmp')).to.deep.equal([]);
  });

  it('parses the synthetic ping_v4_format_sock() rows', () => {
    const records = icmp.parse(fixture('synthetic/proc/net/icmp'), 'net/icmp');
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      sl: 17,
      local_address: '0100007F:0011',
      rem_address: '0100007F:0000',
      local_ip: '127.0.0.1',
      local_port: 17,
      rem_ip: '127.0.0.1',
      rem_port: 0,
      st: '01',
      state: 'ESTABLISHED',
      tx_queue: 0,
      rx_queue: 0,
      tr: 0,
      timer: 'off',
      tm_when: 0,
      retrnsmt: 0,
      uid: 1000,
      timeout: 0,
      inode: 52310,
      ref: 2,
      pointer: '0000000000000000',
      drops: 0,
    });
    expect(records[1]).to.include({ sl: 52, local_ip: '0.0.0.0', local_port: 4660, state: 'CLOSE', rx_queue: 832, inode: 52301, drops: 3 });
  });

  it('rejects a bad timer field', () => {
    const text =
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n' +
      '   17: 0100007F:0011 0100007F:0000 01 00000000:00000000 0000000000 00000000  1000        0 52310 2 0000000000000000 0\n';
    expect(() => icmp.parse(text, 'net/icmp')).to.throw(ParseError, /net\/icmp:2: tr:tm->when is not hex:hex/);
  });
});
