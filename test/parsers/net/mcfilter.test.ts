import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseMcfilter } from '../../../src/parsers/net/mcfilter';
import { fixture } from '../../support/fixtures';

describe('net/mcfilter', () => {
  it('parses Linux 6.x', () => {
    expect(parseMcfilter(fixture('proc/net/mcfilter'))).to.deep.equal([
      { Idx: 4, Device: 'eth0', MCA: '0xe8010203', SRC: '0xc0000201', INC: 1, EXC: 0, mca: '232.1.2.3', src: '192.0.2.1' },
    ]);
  });

  it('gives [] for the header alone', () => {
    expect(parseMcfilter('Idx Device        MCA        SRC    INC    EXC\n')).to.deep.equal([]);
  });

  it('rejects a malformed group', () => {
    const text = 'Idx Device        MCA        SRC    INC    EXC\n  4   eth0 0xe80102 0xc0000201      1      0\n';
    expect(() => parseMcfilter(text)).to.throw(ParseError, /net\/mcfilter:2: MCA is not 0x and 8 hex digits/);
  });
});
