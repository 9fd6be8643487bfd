import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseUptime } from '../../src/parsers/uptime';
import { fixture } from '../support/fixtures';

describe('uptime', () => {
  it('parses Linux 6.x', () => {
    expect(parseUptime(fixture('proc/uptime'))).to.deep.equal([{ uptime_seconds: 224.82, idle_seconds: 436.06 }]);
  });

  it('parses Linux 3.2', () => {
    expect(parseUptime(fixture('linux-3.2/proc/uptime'))).to.deep.equal([{ uptime_seconds: 947571.75, idle_seconds: 7470132.4 }]);
  });

  it('rejects text where a number must be', () => {
    expect(() => parseUptime('224.82 idle\n', '/tmp/uptime')).to.throw(ParseError, /\/tmp\/uptime:1: idle is not a number \("idle"\)/);
  });

  it('rejects a truncated line', () => {
    expect(() => parseUptime('224.82\n')).to.throw(ParseError, /uptime:1: expected "uptime idle", found 1 fields/);
  });
});
