import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIpv6Route } from '../../../src/parsers/net/ipv6_route';
import { fixture } from '../../support/fixtures';

describe('net/ipv6_route', () => {
  it('parses Linux 6.x', () => {
    const records = parseIpv6Route(fixture('proc/net/ipv6_route'));
    expect(records).to.have.length(8);
    expect(records[0]).to.deep.equal({
      destination: 'fd00::',
      destination_prefix_length: 64,
      source: '::',
      source_prefix_length: 0,
      next_hop: '::',
      metric: 256,
      refcnt: 1,
      use: 0,
      flags: '00000001',
      flag_names: ['UP'],
      device: 'eth0',
      destination_hex: 'fd000000000000000000000000000000',
      source_hex: '00000000000000000000000000000000',
      next_hop_hex: '00000000000000000000000000000000',
    });
    // default route via fd00::1: "… 00 fd000000000000000000000000000001 00000400 00000002 00000000 00000003     eth0"
    expect(records[2]).to.include({ destination: '::', destination_prefix_length: 0, next_hop: 'fd00::1', metric: 1024, refcnt: 2 });
    expect(records[2].flag_names).to.deep.equal(['UP', 'GATEWAY']);
    expect(records[5]).to.include({ destination: 'fe80::fc:ff:fe00:1', destination_prefix_length: 128, device: 'eth0' });
    expect(records[5].flag_names).to.deep.equal(['UP', 'NONEXTHOP', 'LOCAL']);
    expect(records[7]).to.include({ destination: '::', metric: 0xffffffff, refcnt: 1, flags: '00200200', device: 'lo' });
    expect(records[7].flag_names).to.deep.equal(['REJECT', 'NONEXTHOP']);
  });

  it('parses Linux 3.2', () => {
    const records = parseIpv6Route(fixture('linux-3.2/proc/net/ipv6_route'));
    expect(records).to.have.length(6);
    expect(records[0]).to.include({ destination: 'fe80::', destination_prefix_length: 64, metric: 256, refcnt: 0, device: 'eth0' });
    expect(records[3]).to.include({ destination: 'fe80::ca60:ff:fe01:e486', destination_prefix_length: 128, device: 'lo' });
    expect(records[5]).to.include({ destination: '::', use: 0xc62d, flags: '00200200', device: 'lo' });
  });

  it('leaves the device absent when the kernel prints none', () => {
    const line =
      '00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200         \n';
    expect(parseIpv6Route(line)[0]).to.not.have.property('device');
  });

  it('rejects a short address', () => {
    expect(() =>
      parseIpv6Route(
        'fe80 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     eth0\n',
      ),
    ).to.throw(ParseError, /net\/ipv6_route:1: destination is not a 32-digit hex address \("fe80"\)/);
  });
});
