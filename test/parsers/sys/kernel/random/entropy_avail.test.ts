import { expect } from 'chai';
import { ParseError } from '../../../../../src/errors';
import { entropyAvail } from '../../../../../src/parsers/sys/kernel/random/entropy_avail';
import { fixture } from '../../../../support/fixtures';

describe('sys/kernel/random/entropy_avail', () => {
  it('parses Linux 6.x', () => {
    expect(entropyAvail.parse(fixture('proc/sys/kernel/random/entropy_avail'), 'entropy_avail')).to.deep.equal([{ value: 256 }]);
  });

  it('rejects text where the number must be', () => {
    expect(() => entropyAvail.parse('lots\n', '/tmp/entropy_avail')).to.throw(
      ParseError,
      /\/tmp\/entropy_avail:1: value is not an integer \("lots"\)/,
    );
  });
});
