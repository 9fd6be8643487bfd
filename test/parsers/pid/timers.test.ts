import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { parseTimers } from '../../../src/parsers/pid/timers';
import { fixture } from '../../support/fixtures';

describe('pid/timers', () => {
  it('parses Linux 6.x: one record per timer block', () => {
    const records = parseTimers(fixture('proc/4243/timers'));
    expect(records).to.have.length(3);
    expect(records[0]).to.deep.equal({
      ID: 2,
      signal: 10,
      sigev_value: '0000000000001234',
      notify: 'signal',
      notify_target: 'pid',
      notify_id: 26543,
      ClockID: 7,
    });
    expect(records[1]).to.deep.equal({
      ID: 1,
      signal: 0,
      sigev_value: '0000000000000000',
      notify: 'none',
      notify_target: 'pid',
      notify_id: 26543,
      ClockID: 0,
    });
    expect(records[2]).to.deep.equal({
      ID: 0,
      signal: 14,
      sigev_value: '0000000000000000',
      notify: 'signal',
      notify_target: 'pid',
      notify_id: 26543,
      ClockID: 1,
    });
  });
  it('gives no record when the process has no timers', () => {
    expect(parseTimers('')).to.deep.equal([]);
  });
  it('rejects a truncated block', () => {
    expect(() => parseTimers('ID: 0\nsignal: 14/0000000000000000\nnotify: signal/pid.1\n', '/proc/1/timers')).to.throw(
      ParseError,
      /\/proc\/1\/timers:4: expected "ClockID: …"/,
    );
  });
});
