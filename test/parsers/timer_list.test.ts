import { expect } from 'chai';
import { ParseError } from '../../src/errors';
import { parseTimerList } from '../../src/parsers/timer_list';
import { fixture } from '../support/fixtures';

describe('timer_list', () => {
  it('parses Linux 6.x (v0.10): cpus, clock bases, timers, tick devices', () => {
    const records = parseTimerList(fixture('proc/timer_list'));
    expect(records).to.have.length(1);
    const [r] = records;
    expect(r).to.include({ version: 'v0.10', hrtimer_max_clock_bases: 8, now_nsecs: 224821389733 });
    expect(r.cpus).to.have.length(2);
    const cpu0 = r.cpus[0];
    expect(cpu0.cpu).to.equal(0);
    expect(cpu0.jiffies).to.equal(4294948481);
    expect(cpu0.clock_bases).to.have.length(8);
    expect(cpu0.clock_bases[0].fields).to.deep.equal({ base: '000000005b6ef373', index: 0, resolution_nsecs: 1, offset_nsecs: 0 });
    expect(cpu0.clock_bases[0].active_timers).to.have.length(7);
    expect(cpu0.clock_bases[0].active_timers[0]).to.deep.equal({
      index: 0,
      timer: '000000000fea96e7',
      function: 'tick_nohz_handler',
      state: '01',
      soft_expires_nsecs: 224824000000,
      expires_nsecs: 224824000000,
      soft_expires_in_nsecs: 2610267,
      expires_in_nsecs: 2610267,
    });
    expect(cpu0.clock_bases[7].fields).to.deep.equal({
      base: '00000000cb7126a7',
      index: 7,
      resolution_nsecs: 1,
      offset_nsecs: 1795685203038258080,
    });
    expect(cpu0.clock_bases[7].active_timers).to.deep.equal([]);
    expect(cpu0.fields).to.include({
      expires_next_nsecs: 224824000000,
      hres_active: 1,
      nr_events: 8093,
      max_hang_time: 0,
      iowait_sleeptime_nsecs: 5866002,
      next_timer: 224880000000,
    });
    const cpu1 = r.cpus[1];
    expect(cpu1.clock_bases[0].active_timers[3]).to.include({
      index: 3,
      timer: '000000002e2c089e',
      function: 'hrtimer_wakeup',
      expires_nsecs: 241585363629,
    });
    expect(cpu1.fields).to.include({ nr_events: 7804, idle_expires_nsecs: 9223372036854775807 });
    expect(r.tick_devices).to.have.length(3);
    expect(r.tick_devices[0]).to.deep.equal({
      mode: 1,
      broadcast: true,
      fields: { tick_broadcast_mask: '0', tick_broadcast_oneshot_mask: '0' },
    });
    expect(r.tick_devices[2]).to.deep.equal({
      mode: 1,
      cpu: 1,
      fields: {},
      clock_event_device: {
        name: 'lapic-deadline',
        max_delta_ns: 1631354424444,
        min_delta_ns: 1000,
        mult: 11307625,
        shift: 25,
        mode: 3,
        next_event_nsecs: 224824000000,
        set_next_event: 'lapic_next_deadline',
        shutdown: 'lapic_timer_shutdown',
        periodic: 'lapic_timer_set_periodic',
        oneshot: 'lapic_timer_set_oneshot',
        oneshot_stopped: 'lapic_timer_shutdown',
        event_handler: 'hrtimer_interrupt',
        retries: 2,
      },
    });
  });

  it('parses Linux 3.2 (v0.6): start site and task of each timer, get_time, broadcast device', () => {
    const [r] = parseTimerList(fixture('linux-3.2/proc/timer_list'));
    expect(r).to.include({ version: 'v0.6', hrtimer_max_clock_bases: 3, now_nsecs: 4210973138364074 });
    expect(r.cpus).to.have.length(8);
    const cpu0 = r.cpus[0];
    expect(cpu0.clock_bases).to.have.length(3);
    expect(cpu0.clock_bases[0].fields).to.deep.equal({
      base: 'ffff88082fc0e800',
      index: 0,
      resolution_nsecs: 1,
      get_time: 'ktime_get',
      offset_nsecs: 0,
    });
    expect(cpu0.clock_bases[0].active_timers).to.have.length(17);
    expect(cpu0.clock_bases[0].active_timers[0]).to.deep.equal({
      index: 0,
      timer: 'ffff88082fc0e900',
      function: 'tick_sched_timer',
      state: '01',
      start_site: 'hrtimer_start_range_ns',
      start_comm: 'swapper/0',
      start_pid: 0,
      soft_expires_nsecs: 4210973140000000,
      expires_nsecs: 4210973140000000,
      soft_expires_in_nsecs: 1635926,
      expires_in_nsecs: 1635926,
    });
    expect(cpu0.clock_bases[1].active_timers[0]).to.include({ start_comm: 'JS Watchdog', start_pid: 16309 });
    const cpu7 = r.cpus[7];
    expect(cpu7.cpu).to.equal(7);
    expect(cpu7.jiffies).to.equal(5347635580);
    expect(cpu7.clock_bases[0].active_timers[3]).to.include({
      function: 'watchdog_timer_fn',
      start_site: 'hrtimer_start',
      start_comm: 'watchdog/7',
      start_pid: 36,
    });
    expect(cpu7.clock_bases[1].active_timers[2]).to.include({
      start_comm: 'thunderbird',
      start_pid: 884,
      expires_nsecs: 1395017374486102000,
    });
    expect(cpu7.fields).to.include({
      expires_next_nsecs: 4210973314776276,
      nr_events: 83062734,
      nr_retries: 173961,
      max_hang_time_nsecs: 0,
      nohz_mode: 2,
      idle_tick_nsecs: 4210972884000000,
      next_jiffies: 5347639968,
      idle_expires_nsecs: 4210990688000000,
    });
    expect(r.tick_devices).to.have.length(9);
    expect(r.tick_devices[0]).to.deep.include({
      mode: 1,
      broadcast: true,
      fields: { tick_broadcast_mask: '00000000', tick_broadcast_oneshot_mask: '00000000' },
    });
    expect(r.tick_devices[0].clock_event_device).to.include({
      name: 'hpet',
      min_delta_ns: 13409,
      set_mode: 'hpet_legacy_set_mode',
      retries: 0,
    });
    expect(r.tick_devices[8]).to.deep.include({ mode: 1, cpu: 7 });
    expect(r.tick_devices[8].clock_event_device).to.deep.equal({
      name: 'lapic',
      max_delta_ns: 343410075764,
      min_delta_ns: 2398,
      mult: 26858187,
      shift: 32,
      mode: 3,
      next_event_nsecs: 4210973314776276,
      set_next_event: 'lapic_next_event',
      set_mode: 'lapic_timer_setup',
      event_handler: 'hrtimer_interrupt',
      retries: 3,
    });
  });

  it('rejects a broken expiry line with file and line', () => {
    const text =
      'Timer List Version: v0.10\nHRTIMER_MAX_CLOCK_BASES: 8\nnow at 5 nsecs\n\ncpu: 0\n clock 0:\n  .base:       00000000\n' +
      'active timers:\n #0: <0000000000000001>, tick_nohz_handler, S:01\n # expires at 1x-2 nsecs [in 3 to 4 nsecs]\n';
    expect(() => parseTimerList(text, '/tmp/timer_list')).to.throw(
      ParseError,
      /\/tmp\/timer_list:10: soft expiry is not an integer \("1x"\)/,
    );
  });

  it('rejects a truncated timer and a non-numeric nsecs value', () => {
    const head = 'Timer List Version: v0.10\ncpu: 0\n clock 0:\nactive timers:\n';
    expect(() => parseTimerList(head + ' #0: <0000000000000001>, tick_nohz_handler\n # expires at 1-2 nsecs [in 3 to 4 nsecs]\n')).to.throw(
      ParseError,
      /timer_list:5: expected "#N: <ADDRESS>, FUNCTION, S:STATE"/,
    );
    expect(() => parseTimerList('Timer List Version: v0.10\ncpu: 0\n  .expires_next   : soon nsecs\n')).to.throw(
      ParseError,
      /timer_list:3: expires_next_nsecs is not an integer \("soon"\)/,
    );
  });
});
