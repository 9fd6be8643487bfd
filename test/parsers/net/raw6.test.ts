import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { raw6 } from '../../../src/parsers/net/raw6';
import { fixture } from '../../support/fixtures';

describe('net/raw6', () => {
  it('parses Linux 6.x: an ICMPv6 raw socket', () => {
    const records = raw6.parse(fixture('proc/net/raw6'), 'net/raw6');
    expect(records).to.have.length(1);
    expect(records[0]).to.include({
      sl: 38,
      local_ip: '::',
      local_port: 58,
      state: 'CLOSE',
      inode: 14195,
      pointer: '0000000064034a3e',
      drops: 0,
    });
  });

  it('parses Linux 3.2', () => {
    const records = raw6.parse(fixture('linux-3.2/proc/net/raw6'), 'net/raw6');
    expect(records).to.have.length(1);
    expect(records[0]).to.include({
      sl: 58,
      local_address: '00000000000000000000000000000000:003A',
      local_ip: '::',
      local_port: 58,
      rem_ip: '::',
      rem_port: 0,
      st: '07',
      uid: 0,
      inode: 18034,
      ref: 2,
      pointer: 'ffff88007c10e640',
      drops: 0,
    });
  });

  it('rejects a non-hex port', () => {
    const text =
      '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n' +
      '   58: 00000000000000000000000000000000:00ZZ 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 18034 2 ffff88007c10e640 0\n';
    expect(() => raw6.parse(text, 'net/raw6')).to.throw(ParseError, /net\/raw6:2: local port is not hexadecimal/);
  });
});
