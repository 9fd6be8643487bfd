import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parsePsched } from '../../../src/parsers/net/psched';
import { fixture } from '../../support/fixtures';

describe('net/psched', () => {
  it('parses Linux 6.x: "000003e8 00000040 000f4240 3b9aca00"', () => {
    expect(parsePsched(fixture('proc/net/psched'))).to.deep.equal([
      { nsec_per_usec: 1000, psched_tick_ns: 64, clock_res: 1000000, hrtimer_hz: 1000000000 },
    ]);
  });

  it('parses Linux 3.2', () => {
    expect(parsePsched(fixture('linux-3.2/proc/net/psched'))).to.deep.equal([
      { nsec_per_usec: 1000, psched_tick_ns: 64, clock_res: 1000000, hrtimer_hz: 1000000000 },
    ]);
  });

  it('rejects a non-hex value and a missing one', () => {
    expect(() => parsePsched('000003e8 0000004x 000f4240 3b9aca00\n')).to.throw(
      ParseError,
      /net\/psched:1: psched_tick_ns is not hexadecimal/,
    );
    expect(() => parsePsched('000003e8 00000040 000f4240\n')).to.throw(ParseError, /net\/psched:1: expected at least 4 columns, found 3/);
  });
});
