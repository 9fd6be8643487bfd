import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { tcp6 } from '../../../src/parsers/net/tcp6';
import { fixture } from '../../support/fixtures';

describe('net/tcp6', () => {
  it('parses Linux 6.x: ::, fd00::2, ::1 and IPv4-mapped addresses', () => {
    const records = tcp6.parse(fixture('proc/net/tcp6'), 'net/tcp6');
    expect(records).to.have.length(5);
    expect(records[0]).to.deep.equal({
      sl: 0,
      local_address: '00000000000000000000000000000000:9CBC',
      rem_address: '00000000000000000000000000000000:0000',
      local_ip: '::',
      local_port: 40124,
      rem_ip: '::',
      rem_port: 0,
      st: '0A',
      state: 'LISTEN',
      tx_queue: 0,
      rx_queue: 0,
      tr: 0,
      timer: 'off',
      tm_when: 0,
      retrnsmt: 0,
      uid: 0,
      timeout: 0,
      inode: 14182,
      ref: 1,
      pointer: '000000004f8e8f1a',
      rto: 100,
      ato: 0,
      quick_pingpong: 0,
      cwnd: 10,
      ssthresh: 0,
    });
    // "000000FD000000000000000002000000:9CBD": words in host order → fd00::2
    expect(records[1]).to.include({ local_ip: 'fd00::2', local_port: 40125, state: 'LISTEN', inode: 14187 });
    expect(records[2]).to.include({ local_ip: '::1', local_port: 40124, rem_ip: '::1', rem_port: 39546, state: 'ESTABLISHED' });
    expect(records[4]).to.include({
      sl: 4,
      local_ip: '::ffff:127.0.0.1',
      local_port: 40124,
      rem_ip: '::ffff:127.0.0.1',
      rem_port: 47310,
      state: 'ESTABLISHED',
      inode: 14186,
      rto: 20,
      ssthresh: -1,
    });
  });

  it('parses Linux 3.2', () => {
    const records = tcp6.parse(fixture('linux-3.2/proc/net/tcp6'), 'net/tcp6');
    expect(records).to.have.length(9);
    expect(records[0]).to.include({ sl: 0, local_ip: '::', local_port: 111, state: 'LISTEN', inode: 10583, cwnd: 2, ssthresh: -1 });
    expect(records[6]).to.include({ local_ip: '::1', local_port: 953, uid: 118 });
    expect(records[8]).to.include({ sl: 8, local_ip: '::', local_port: 6081, inode: 10997, pointer: 'ffff8807df739680' });
  });

  it('rejects an IPv4-sized address in the IPv6 table', () => {
    const header =
      '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n';
    expect(() =>
      tcp6.parse(`${header}   0: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1 0\n`, 'net/tcp6'),
    ).to.throw(ParseError, /net\/tcp6:2: local_address is not ADDR:PORT/);
  });
});
