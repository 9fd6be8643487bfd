import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseTimerStats } from '../../src/parsers/timer_stats';
import { fixture } from '../support/fixtures';

describe('timer_stats', () => {
  it('parses Linux 3.2', () => {
    const records = parseTimerStats(fixture('linux-3.2/proc/timer_stats'));
    expect(records).to.have.length(105);
    expect(records[0]).to.deep.equal({
      count: 18,
      deferrable: false,
      pid: 1947,
      comm: 'varnishd',
      start_func: 'hrtimer_start_range_ns',
      expire_func: 'hrtimer_wakeup',
      sample_period_s: 17.263,
    });
    expect(records[104]).to.deep.equal({
      count: 5,
      deferrable: false,
      pid: 21443,
      comm: 'sshd',
      start_func: 'sk_reset_timer',
      expire_func: 'tcp_write_timer',
      sample_period_s: 17.263,
    });
    const deferrable = records.find((r) => r.pid === 11069);
    expect(deferrable).to.deep.include({ count: 149, deferrable: true, comm: 'kworker/0:1', start_func: 'schedule_delayed_work_on' });
  });

  it('keeps a command name with a space (a 16-column field)', () => {
    const text =
      'Timer Stats Version: v0.2\nSample period: 1.000 s\n' +
      '   3,  1234 JS Watchdog      hrtimer_start_range_ns (hrtimer_wakeup)\n3 total events, 3.000 events/sec\n';
    expect(parseTimerStats(text)).to.deep.equal([
      {
        count: 3,
        deferrable: false,
        pid: 1234,
        comm: 'JS Watchdog',
        start_func: 'hrtimer_start_range_ns',
        expire_func: 'hrtimer_wakeup',
        sample_period_s: 1,
      },
    ]);
  });

  it('gives no records when nothing was collected', () => {
    expect(parseTimerStats('Timer Stats Version: v0.2\nSample period: 0.000 s\n0 total events\n')).to.deep.equal([]);
  });

  it('rejects text where a count must be, with file and line', () => {
    const text = 'Timer Stats Version: v0.2\nSample period: 1.000 s\n  1x,  1234 bash             a (b)\n';
    expect(() => parseTimerStats(text, '/tmp/timer_stats')).to.throw(ParseError, /\/tmp\/timer_stats:3: count is not an integer \("1x"\)/);
  });

  it('rejects a truncated entry', () => {
    const text = 'Timer Stats Version: v0.2\nSample period: 1.000 s\n   1,  1234 bash\n';
    expect(() => parseTimerStats(text)).to.throw(ParseError, /timer_stats:3: expected "COUNT, PID COMM START \(EXPIRE\)"/);
  });
});
