import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { latencyStats } from '../../src/parsers/latency_stats';
import { fixture } from '../support/fixtures';

describe('latency_stats', () => {
  it('parses Linux 3.2', () => {
    const records = latencyStats.parse(fixture('linux-3.2/proc/latency_stats'), 'latency_stats');
    expect(records).to.have.length(8);
    expect(records[0]).to.deep.equal({
      count: 35,
      time_us: 15406,
      max_us: 4787,
      backtrace: ['poll_schedule_timeout', 'do_select', 'core_sys_select', 'sys_select', 'system_call_fastpath'],
    });
    expect(records[7]).to.deep.include({ count: 1, time_us: 30576, max_us: 30576 });
    expect(records[7].backtrace).to.have.length(12);
    expect(records[7].backtrace[0]).to.equal('md_write_start.part.43');
    expect(records[7].backtrace[11]).to.equal('do_writepages');
  });

  it('gives no records when only the header is printed (latencytop off)', () => {
    expect(latencyStats.parse('Latency Top version : v0.1\n', 'latency_stats')).to.deep.equal([]);
    expect(latencyStats.parse('', 'latency_stats')).to.deep.equal([]);
  });

  it('rejects text where a count must be, with file and line', () => {
    expect(() => latencyStats.parse('Latency Top version : v0.1\n1 2 3 f\nx 2 3 f\n', '/tmp/latency_stats')).to.throw(
      ParseError,
      /\/tmp\/latency_stats:3: count is not an integer \("x"\)/,
    );
  });

  it('rejects a truncated row and a missing header', () => {
    expect(() => latencyStats.parse('Latency Top version : v0.1\n1 2\n', 'latency_stats')).to.throw(
      ParseError,
      /latency_stats:2: expected "COUNT TIME MAX/,
    );
    expect(() => latencyStats.parse('1 2 3 f\n', 'latency_stats')).to.throw(ParseError, /latency_stats:1: expected "Latency Top version/);
  });
});
