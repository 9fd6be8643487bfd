import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { udp } from '../../../src/parsers/net/udp';
import { fixture } from '../../support/fixtures';

describe('net/udp', () => {
  it('parses Linux 6.x with ref, pointer and drops', () => {
    const records = udp.parse(fixture('proc/net/udp'), 'net/udp');
    expect(records).to.have.length(2);
    // "13281: 00000000:9CBE 00000000:0000 07 00000000:00000340 00:00000000 00000000     0        0 14188 2 00000000357eb26f 0"
    expect(records[0]).to.deep.equal({
      sl: 13281,
      local_address: '00000000:9CBE',
      rem_address: '00000000:0000',
      local_ip: '0.0.0.0',
      local_port: 40126,
      rem_ip: '0.0.0.0',
      rem_port: 0,
      st: '07',
      state: 'CLOSE',
      tx_queue: 0,
      rx_queue: 0x340,
      tr: 0,
      timer: 'off',
      tm_when: 0,
      retrnsmt: 0,
      uid: 0,
      timeout: 0,
      inode: 14188,
      ref: 2,
      pointer: '00000000357eb26f',
      drops: 0,
    });
    expect(records[1]).to.include({
      sl: 13282,
      local_ip: '127.0.0.1',
      local_port: 40127,
      rem_ip: '127.0.0.1',
      rem_port: 40126,
      st: '01',
      state: 'ESTABLISHED',
      inode: 14189,
      drops: 0,
    });
  });

  it('parses Linux 3.2', () => {
    const records = udp.parse(fixture('linux-3.2/proc/net/udp'), 'net/udp');
    expect(records).to.have.length(7);
    expect(records[0]).to.include({
      sl: 2316,
      local_ip: '192.168.1.14',
      local_port: 53,
      uid: 118,
      inode: 9050,
      pointer: 'ffff8807df413740',
      drops: 0,
    });
    expect(records[6]).to.include({ sl: 13185, local_ip: '0.0.0.0', local_port: 60074, uid: 126, inode: 12503, ref: 2 });
  });

  it('rejects a non-hex queue', () => {
    const text =
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n' +
      ' 2316: 0E01A8C0:0035 00000000:0000 07 00000000:0000zz00 00:00000000 00000000   118        0 9050 2 ffff8807df413740 0\n';
    expect(() => udp.parse(text, 'net/udp')).to.throw(ParseError, /net\/udp:2: tx_queue:rx_queue is not hex:hex/);
  });
});
