import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseIfInet6 } from '../../../src/parsers/net/if_inet6';
import { fixture } from '../../support/fixtures';

describe('net/if_inet6', () => {
  it('parses Linux 6.x', () => {
    const records = parseIfInet6(fixture('proc/net/if_inet6'));
    expect(records).to.have.length(3);
    // "fd000000000000000000000000000002 04 40 00 82     eth0"
    expect(records[0]).to.deep.equal({
      address: 'fd00::2',
      address_hex: 'fd000000000000000000000000000002',
      ifindex: 4,
      prefix_length: 64,
      scope: 0,
      scope_name: 'global',
      flags: '82',
      flag_names: ['NODAD', 'PERMANENT'],
      device: 'eth0',
    });
    expect(records[1]).to.include({ address: 'fe80::fc:ff:fe00:1', scope: 0x20, scope_name: 'link', flags: '80' });
    expect(records[2]).to.include({ address: '::1', ifindex: 1, prefix_length: 128, scope: 0x10, scope_name: 'host', device: 'lo' });
  });

  it('parses Linux 3.2', () => {
    const records = parseIfInet6(fixture('linux-3.2/proc/net/if_inet6'));
    expect(records).to.have.length(2);
    expect(records[0]).to.include({
      address: 'fe80::ca60:ff:fe01:e486',
      ifindex: 2,
      prefix_length: 64,
      scope_name: 'link',
      device: 'eth0',
    });
    expect(records[1]).to.include({ address: '::1', ifindex: 1, device: 'lo' });
  });

  it('rejects a missing device', () => {
    expect(() => parseIfInet6('00000000000000000000000000000001 01 80 10 80\n')).to.throw(
      ParseError,
      /net\/if_inet6:1: expected 6 columns, found 5/,
    );
  });
});
