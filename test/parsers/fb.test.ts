import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseFb } from '../../src/parsers/fb';
import { fixture } from '../support/fixtures';

describe('fb', () => {
  it('parses Linux 3.2, keeping an id with a space', () => {
    expect(parseFb(fixture('linux-3.2/proc/fb'))).to.deep.equal([{ index: 8, id: 'EFI VGA' }]);
  });

  it('parses several frame buffers', () => {
    expect(parseFb('0 inteldrmfb\n1 simple\n')).to.deep.equal([
      { index: 0, id: 'inteldrmfb' },
      { index: 1, id: 'simple' },
    ]);
  });

  it('gives [] for an empty file (no frame buffer)', () => {
    expect(parseFb('')).to.deep.equal([]);
  });

  it('rejects an index that is not a number', () => {
    expect(() => parseFb('x EFI VGA\n', '/tmp/fb')).to.throw(ParseError, /\/tmp\/fb:1: index is not an integer \("x"\)/);
  });
});
