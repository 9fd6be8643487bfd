import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseTimensOffsets } from '../../../src/parsers/pid/timens_offsets';
import { fixture } from '../../support/fixtures';

describe('pid/timens_offsets', () => {
  it('parses Linux 6.x', () => {
    expect(parseTimensOffsets(fixture('proc/4242/timens_offsets'))).to.deep.equal([
      { clock: 'monotonic', offset_secs: 0, offset_nanosecs: 0 },
      { clock: 'boottime', offset_secs: 0, offset_nanosecs: 0 },
    ]);
  });
  it('keeps negative offsets', () => {
    expect(parseTimensOffsets('monotonic        -86400         0\n')).to.deep.equal([
      { clock: 'monotonic', offset_secs: -86400, offset_nanosecs: 0 },
    ]);
  });
  it('rejects text where an offset must be', () => {
    expect(() => parseTimensOffsets('monotonic 0 0\nboottime x 0\n', '/proc/1/timens_offsets')).to.throw(
      ParseError,
      /\/proc\/1\/timens_offsets:2: offset_secs is not an integer/,
    );
  });
});
