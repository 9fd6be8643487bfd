import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseMtrr } from '../../src/parsers/mtrr';
import { fixture } from '../support/fixtures';

describe('mtrr', () => {
  it('gives [] for the empty Linux 6.x capture (a virtual machine)', () => {
    expect(parseMtrr(fixture('proc/mtrr'))).to.deep.equal([]);
  });

  it('parses Linux 3.2', () => {
    const records = parseMtrr(fixture('linux-3.2/proc/mtrr'));
    expect(records).to.have.length(9);
    expect(records[0]).to.deep.equal({
      reg: 0,
      base: '0x000000000',
      base_MB: 0,
      size: 2048,
      size_unit: 'MB',
      count: 1,
      type: 'write-back',
    });
    expect(records[3]).to.deep.equal({
      reg: 3,
      base: '0x0cf800000',
      base_MB: 3320,
      size: 8,
      size_unit: 'MB',
      count: 1,
      type: 'uncachable',
    });
    expect(records[8]).to.deep.equal({
      reg: 8,
      base: '0x820000000',
      base_MB: 33280,
      size: 256,
      size_unit: 'MB',
      count: 1,
      type: 'write-back',
    });
  });

  it('keeps a size in KB as printed', () => {
    expect(parseMtrr('reg01: base=0x0000a0000 (    0MB), size=  128KB, count=1: write-combining\n')).to.deep.equal([
      { reg: 1, base: '0x0000a0000', base_MB: 0, size: 128, size_unit: 'KB', count: 1, type: 'write-combining' },
    ]);
  });

  it('rejects a count that is not a number', () => {
    expect(() => parseMtrr('reg00: base=0x000000000 (    0MB), size= 2048MB, count=x: write-back\n', '/tmp/mtrr')).to.throw(
      ParseError,
      /\/tmp\/mtrr:1: count is not an integer \("x"\)/,
    );
  });

  it('rejects a line of another shape', () => {
    expect(() => parseMtrr('reg00: base 0 size 2048\n')).to.throw(ParseError, /mtrr:1: expected "regNN: base=/);
  });
});
