import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { pressureIo } from '../../../src/parsers/pressure/io';
import { fixture } from '../../support/fixtures';

describe('pressure/io', () => {
  it('parses Linux 6.x', () => {
    expect(pressureIo.parse(fixture('proc/pressure/io'), 'pressure/io')).to.deep.equal([
      { kind: 'some', avg10: 0, avg60: 0, avg300: 0, total: 252008 },
      { kind: 'full', avg10: 0, avg60: 0, avg300: 0, total: 225880 },
    ]);
  });

  it('rejects a line that is neither "some" nor "full"', () => {
    expect(() => pressureIo.parse('some avg10=0.00 avg60=0.00 avg300=0.00 total=1\nhalf avg10=0.00\n', '/tmp/io')).to.throw(
      ParseError,
      /\/tmp\/io:2: expected "some" or "full" first/,
    );
  });
});
