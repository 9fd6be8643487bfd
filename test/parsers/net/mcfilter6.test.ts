import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseMcfilter6 } from '../../../src/parsers/net/mcfilter6';
import { fixture } from '../../support/fixtures';

describe('net/mcfilter6', () => {
  it('parses Linux 6.x', () => {
    expect(parseMcfilter6(fixture('proc/net/mcfilter6'))).to.deep.equal([
      {
        idx: 4,
        device: 'eth0',
        multicast_address: 'ff3e::1234',
        source_address: 'fd00::1',
        inc: 1,
        exc: 0,
        multicast_address_hex: 'ff3e0000000000000000000000001234',
        source_address_hex: 'fd000000000000000000000000000001',
      },
    ]);
  });

  it('rejects a missing count', () => {
    const text =
      'Idx Device                Multicast Address                   Source Address    INC    EXC\n  4   eth0 ff3e0000000000000000000000001234 fd000000000000000000000000000001      1\n';
    expect(() => parseMcfilter6(text)).to.throw(ParseError, /net\/mcfilter6:2: expected 6 columns, found 5/);
  });
});
