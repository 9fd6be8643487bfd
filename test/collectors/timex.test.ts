import { expect } from 'chai';
import { timex } from '../../collectors/timex';
import { applyCollector } from '../../src/collector';
import type { TimexReading } from '../../src/system/native';
import { runExporter, TREE_6_18 } from '../exporter/helpers';
import { options, series } from './run';

/** A reading as adjtimex(2) fills struct timex: microseconds unless STA_NANO. */
const READING: TimexReading = {
  state: 0,
  offset: -1500,
  freq: 1311440,
  maxerror: 8500,
  esterror: 120,
  status: 0x2001,
  constant: 7,
  precision: 1,
  tolerance: 32768000,
  tick: 10000,
  ppsfreq: 65536,
  jitter: 250,
  shift: 4,
  stabil: 32768,
  jitcnt: 3,
  calcnt: 120,
  errcnt: 1,
  stbcnt: 2,
  tai: 37,
};

/** One run on `reading` (what gather gets from adjtimex), with the state kept between runs. */
const once = (reading: TimexReading, opts = options(timex), state = {}) =>
  series(applyCollector(timex, { readings: [reading] }, opts, { pageSize: 4096 }, state));

describe('timex collector', function () {
  this.timeout(20_000);

  it('scales as node_exporter: ns offsets with STA_NANO, ppm with a 16-bit fraction, µs errors and tick', () => {
    expect(once(READING)).to.deep.equal({
      node_timex_estimated_error_seconds: 0.00012,
      node_timex_frequency_adjustment_ratio: 1 + 1311440 / 65536e6,
      node_timex_loop_time_constant: 7,
      node_timex_maxerror_seconds: 0.0085,
      node_timex_offset_overflow_total: 0,
      node_timex_offset_seconds: -1.5e-6,
      node_timex_pps_calibration_total: 120,
      node_timex_pps_error_total: 1,
      node_timex_pps_frequency_hertz: 1e-6,
      node_timex_pps_jitter_seconds: 2.5e-7,
      node_timex_pps_jitter_total: 3,
      node_timex_pps_shift_seconds: 4,
      node_timex_pps_stability_exceeded_total: 2,
      node_timex_pps_stability_hertz: 5e-7,
      node_timex_status: 0x2001,
      node_timex_sync_status: 1,
      node_timex_tai_offset_seconds: 37,
      node_timex_tick_seconds: 0.01,
    });
  });

  it('reads offsets in microseconds without STA_NANO, and TIME_ERROR as not synchronised', () => {
    const s = once({ ...READING, status: 0x0040, state: 5, offset: 2500, jitter: 30 });
    expect(s.node_timex_offset_seconds).to.equal(0.0025);
    expect(s.node_timex_pps_jitter_seconds).to.equal(0.00003);
    expect(s.node_timex_sync_status).to.equal(0);
  });

  it('counts readings whose offset overflowed (|offset| > 4 s) across runs', () => {
    const state = {};
    const opts = options(timex);
    expect(once({ ...READING, offset: 4_294_967_295 }, opts, state).node_timex_offset_overflow_total).to.equal(1);
    expect(once(READING, opts, state).node_timex_offset_overflow_total).to.equal(1);
    expect(once({ ...READING, offset: -4_500_000_000 }, opts, state).node_timex_offset_overflow_total).to.equal(2);
  });

  it('fails cleanly where the native call cannot be made: success 0 and one log line, the process goes on', () => {
    const result = runExporter(
      [
        '--once',
        '--config',
        '/dev/null',
        '--log.format',
        'json',
        '--path.procfs',
        TREE_6_18,
        '--collector.disable-defaults',
        '--collector.timex',
        '--collector.loadavg',
      ],
      { PROC_EXPORTER_LIBC: '/nonexistent/libc.so.6' },
    );
    expect(result.status).to.equal(0);
    expect(result.stdout).to.include('node_scrape_collector_success{collector="timex"} 0\n');
    expect(result.stdout).to.include('node_scrape_collector_success{collector="loadavg"} 1\n');
    expect(result.stdout).to.not.include('node_timex_');
    const lines = result.stderr.trim().split('\n');
    expect(lines).to.have.length(1);
    expect(JSON.parse(lines[0])).to.include({ msg: 'collector failed', collector: 'timex' });
    expect(JSON.parse(lines[0]).err).to.match(/^native calls unavailable: \/nonexistent\/libc\.so\.6: /);
  });
});
