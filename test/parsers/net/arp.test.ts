import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseArp } from '../../../src/parsers/net/arp';
import { fixture } from '../../support/fixtures';

describe('net/arp', () => {
  it('parses Linux 6.x', () => {
    const records = parseArp(fixture('proc/net/arp'));
    expect(records).to.deep.equal([
      {
        ip_address: '192.0.2.1',
        hw_type: '0x1',
        flags: '0x2',
        flag_names: ['COM'],
        hw_address: '02:fc:00:00:00:05',
        mask: '*',
        device: 'eth0',
      },
    ]);
  });

  it('parses Linux 3.2', () => {
    const records = parseArp(fixture('linux-3.2/proc/net/arp'));
    expect(records).to.have.length(2);
    expect(records[0]).to.include({ ip_address: '192.168.1.252', hw_address: '70:56:81:96:ba:a7', device: 'eth0' });
    expect(records[1]).to.include({ ip_address: '192.168.1.1', hw_type: '0x1', flags: '0x2', hw_address: 'c8:60:00:e8:b9:28' });
  });

  it('rejects non-hex flags', () => {
    const text =
      'IP address       HW type     Flags       HW address            Mask     Device\n192.0.2.1        0x1         zz          02:fc:00:00:00:05     *        eth0\n';
    expect(() => parseArp(text)).to.throw(ParseError, /net\/arp:2: Flags is not hexadecimal/);
  });
});
