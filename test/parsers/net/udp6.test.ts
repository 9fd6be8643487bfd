import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { udp6 } from '../../../src/parsers/net/udp6';
import { fixture } from '../../support/fixtures';

describe('net/udp6', () => {
  it('parses Linux 6.x', () => {
    const records = udp6.parse(fixture('proc/net/udp6'), 'net/udp6');
    expect(records).to.have.length(2);
    expect(records[0]).to.include({
      sl: 13283,
      local_address: '00000000000000000000000001000000:9CC0',
      local_ip: '::1',
      local_port: 40128,
      rem_ip: '::',
      rem_port: 0,
      state: 'CLOSE',
      inode: 14190,
      ref: 2,
      pointer: '000000004733f7b3',
      drops: 0,
    });
    expect(records[1]).to.include({
      sl: 13284,
      local_ip: 'fd00::2',
      local_port: 40129,
      rem_ip: 'fd00::2',
      rem_port: 40128,
      state: 'ESTABLISHED',
      inode: 14191,
    });
  });

  it('parses Linux 3.2', () => {
    const records = udp6.parse(fixture('linux-3.2/proc/net/udp6'), 'net/udp6');
    expect(records).to.have.length(5);
    expect(records[0]).to.include({ sl: 2316, local_ip: '::', local_port: 53, uid: 118, inode: 10707 });
    expect(records[4]).to.include({ sl: 3996, local_ip: '::', local_port: 50885, uid: 126, inode: 12505, pointer: 'ffff8807e17d8400' });
  });

  it('rejects a non-decimal drops count', () => {
    const text =
      '  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n' +
      ' 2316: 00000000000000000000000000000000:0035 00000000000000000000000000000000:0000 07 00000000:00000000 00:00000000 00000000   118        0 10707 2 ffff8807df550800 x\n';
    expect(() => udp6.parse(text, 'net/udp6')).to.throw(ParseError, /net\/udp6:2: drops is not an integer \("x"\)/);
  });
});
