import { expect } from 'chai';
import { ParseError } from '../../../src/errors';
import { latency } from '../../../src/parsers/pid/latency';
import { fixture } from '../../support/fixtures';

describe('pid/latency', () => {
  it('parses Linux 3.2 (this machine has no LATENCYTOP)', () => {
    const records = latency.parse(fixture('linux-3.2/proc/self/latency'), 'pid/latency');
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.equal({
      count: 9,
      time_us: 134,
      max_us: 22,
      backtrace: ['futex_wait_queue_me', 'futex_wait', 'do_futex', 'sys_futex', 'system_call_fastpath'],
    });
    expect(records[1]).to.deep.equal({
      count: 68,
      time_us: 169725,
      max_us: 4990,
      backtrace: ['poll_schedule_timeout', 'do_poll.isra.4', 'do_sys_poll', 'sys_poll', 'system_call_fastpath'],
    });
  });
  it('gives no record for the header alone', () => {
    expect(latency.parse('Latency Top version : v0.1\n', 'pid/latency')).to.deep.equal([]);
  });
  it('rejects a missing header and a count that is not a number', () => {
    expect(() => latency.parse('9 134 22 schedule\n', '/proc/1/latency')).to.throw(
      ParseError,
      /\/proc\/1\/latency:1: expected "Latency Top version/,
    );
    expect(() => latency.parse('Latency Top version : v0.1\nx 1 2 a\n', 'pid/latency')).to.throw(
      ParseError,
      /pid\/latency:2: count is not an integer/,
    );
  });
});
