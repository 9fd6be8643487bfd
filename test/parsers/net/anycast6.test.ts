import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseAnycast6 } from '../../../src/parsers/net/anycast6';
import { fixture } from '../../support/fixtures';

describe('net/anycast6', () => {
  it('parses Linux 6.x', () => {
    expect(parseAnycast6(fixture('proc/net/anycast6'))).to.deep.equal([
      { ifindex: 4, device: 'eth0', address: 'fd00::abcd', address_hex: 'fd00000000000000000000000000abcd', users: 1 },
    ]);
  });

  it('gives [] for an empty file', () => {
    expect(parseAnycast6('')).to.deep.equal([]);
  });

  it('rejects a non-numeric users count', () => {
    expect(() => parseAnycast6('4    eth0            fd00000000000000000000000000abcd     x\n')).to.throw(
      ParseError,
      /net\/anycast6:1: users is not an integer/,
    );
  });
});
