import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parsePartitions } from '../../src/parsers/partitions';
import { fixture } from '../support/fixtures';

describe('partitions', () => {
  it('parses Linux 6.x', () => {
    const records = parsePartitions(fixture('proc/partitions'));
    expect(records).to.deep.equal([{ major: 254, minor: 0, blocks: 268435456, name: 'vda' }]);
  });

  it('parses Linux 3.2', () => {
    const records = parsePartitions(fixture('linux-3.2/proc/partitions'));
    expect(records).to.have.length(23);
    expect(records[0]).to.deep.equal({ major: 8, minor: 0, blocks: 1953514584, name: 'sda' });
    expect(records[22]).to.deep.equal({ major: 252, minor: 0, blocks: 1094660096, name: 'dm-0' });
  });

  it('gives [] for an empty file', () => {
    expect(parsePartitions('')).to.deep.equal([]);
  });

  it('rejects a size that is not a number', () => {
    const text = 'major minor  #blocks  name\n\n   8        0 19x3 sda\n';
    expect(() => parsePartitions(text, '/tmp/partitions')).to.throw(ParseError, /\/tmp\/partitions:3: blocks is not an integer \("19x3"\)/);
  });

  it('rejects a file without the header', () => {
    expect(() => parsePartitions('   8        0 1953514584 sda\n')).to.throw(ParseError, /partitions:1: expected the header/);
  });
});
