import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIgmp6 } from '../../../src/parsers/net/igmp6';
import { fixture } from '../../support/fixtures';

describe('net/igmp6', () => {
  it('parses Linux 6.x', () => {
    const records = parseIgmp6(fixture('proc/net/igmp6'));
    expect(records).to.have.length(12);
    expect(records[0]).to.deep.equal({
      ifindex: 1,
      device: 'lo',
      address: 'ff02::1',
      address_hex: 'ff020000000000000000000000000001',
      users: 1,
      flags: '0000000C',
      flag_names: ['LOADED', 'NOREPORT'],
      timer: 0,
    });
    expect(records[6]).to.include({ device: 'eth0', address: 'ff3e::1234', flags: '00000004' });
    expect(records[7]).to.include({ address: 'ff02::1:ff00:abcd' });
    expect(records[11]).to.deep.equal({
      ifindex: 4,
      device: 'eth0',
      address: 'ff01::1',
      address_hex: 'ff010000000000000000000000000001',
      users: 1,
      flags: '00000008',
      flag_names: ['NOREPORT'],
      timer: 0,
    });
  });

  it('parses Linux 3.2', () => {
    const records = parseIgmp6(fixture('linux-3.2/proc/net/igmp6'));
    expect(records).to.have.length(3);
    expect(records[0]).to.include({ ifindex: 1, device: 'lo', address: 'ff02::1' });
    expect(records[1]).to.include({ ifindex: 2, device: 'eth0', address: 'ff02::1:ff01:e486', flags: '00000004' });
    expect(records[2]).to.include({ ifindex: 2, address: 'ff02::1', flags: '0000000C' });
  });

  it('rejects a non-numeric timer', () => {
    expect(() => parseIgmp6('1    lo              ff020000000000000000000000000001     1 0000000C soon\n')).to.throw(
      ParseError,
      /net\/igmp6:1: timer is not an integer/,
    );
  });
});
