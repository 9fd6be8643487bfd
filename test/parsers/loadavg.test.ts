import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseLoadavg } from '../../src/parsers/loadavg';
import { fixture } from '../support/fixtures';

describe('loadavg', () => {
  it('parses Linux 6.x', () => {
    expect(parseLoadavg(fixture('proc/loadavg'))).to.deep.equal([
      { load1: 0, load5: 0, load15: 0, nr_running: 1, nr_threads: 77, last_pid: 2457 },
    ]);
  });

  it('parses Linux 3.2', () => {
    expect(parseLoadavg(fixture('linux-3.2/proc/loadavg'))).to.deep.equal([
      { load1: 0.55, load5: 0.38, load15: 0.34, nr_running: 1, nr_threads: 578, last_pid: 21870 },
    ]);
  });

  it('rejects a running/threads field without a slash', () => {
    expect(() => parseLoadavg('0.55 0.38 0.34 1578 21870\n', '/tmp/loadavg')).to.throw(
      ParseError,
      /\/tmp\/loadavg:1: expected "running\/threads" \("1578"\)/,
    );
  });

  it('rejects a load that is not a number', () => {
    expect(() => parseLoadavg('0.55 x 0.34 1/578 21870\n')).to.throw(ParseError, /loadavg:1: load5 is not a number/);
  });

  it('takes counts and the pid as unsigned integers, loads as decimal fractions (no exponent, no Infinity)', () => {
    for (const token of ['-7', '+5', '007', '1.5', '1e5']) {
      expect(() => parseLoadavg(`0.55 0.38 0.34 ${token}/578 21870\n`), token).to.throw(
        ParseError,
        `loadavg:1: nr_running is not an unsigned integer (${JSON.stringify(token)})`,
      );
    }
    expect(() => parseLoadavg('1e5 0.38 0.34 1/578 21870\n')).to.throw(ParseError, 'loadavg:1: load1 is not a number ("1e5")');
    expect(() => parseLoadavg(`${'9'.repeat(400)}.00 0.38 0.34 1/578 21870\n`)).to.throw(
      ParseError,
      'loadavg:1: load1 is out of range (403 digits)',
    );
  });
});
