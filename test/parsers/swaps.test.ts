import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseSwaps } from '../../src/parsers/swaps';
import { fixture } from '../support/fixtures';

describe('swaps', () => {
  it('gives [] for the Linux 6.x capture (header only, no swap)', () => {
    expect(parseSwaps(fixture('proc/swaps'))).to.deep.equal([]);
  });

  it('parses Linux 3.2', () => {
    const records = parseSwaps(fixture('linux-3.2/proc/swaps'));
    expect(records).to.have.length(4);
    expect(records[0]).to.deep.equal({ Filename: '/dev/sda3', Type: 'partition', Size: 16777212, Used: 208, Priority: -1 });
    expect(records[3]).to.deep.equal({ Filename: '/dev/sdd2', Type: 'partition', Size: 16777212, Used: 0, Priority: -4 });
  });

  it('rejects a size that is not a number', () => {
    const text = 'Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n/dev/sda3 partition 16M 208 -1\n';
    expect(() => parseSwaps(text, '/tmp/swaps')).to.throw(ParseError, /\/tmp\/swaps:2: Size is not an integer \("16M"\)/);
  });

  it('rejects a truncated row', () => {
    const text = 'Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n/dev/sda3 partition 16777212\n';
    expect(() => parseSwaps(text)).to.throw(ParseError, /swaps:2: expected 5 columns/);
  });
});
